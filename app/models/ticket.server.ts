import { createHmac, randomBytes } from "node:crypto";
import { sqlDate, writeTransaction } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashSecret } from "~/utils/secrets.server";
import { enqueueRenderLaterInTransaction } from "./outbox.server";

/**
 * Ticket codes (DESIGN.md §4.3): 144 random bits, URL-safe, never derived from an id. A new code replaces
 * the old one on cancel and re-issue, so an old QR stops working at the door.
 */
export function newTicketCode(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The manage-link secret is derived from the registration id and the link's version with the server secret,
 * so the ticket e-mail can be rendered again later (re-send) while the database keeps only its hash. Each
 * re-send moves to the next version (version null is the first link, derived as before versions existed).
 */
export function manageTokenFor(registrationId: string, version: number | null = null): string {
  const subject = version === null ? `manage:${registrationId}` : `manage:${registrationId}:${version}`;
  return createHmac("sha256", env().SESSION_SECRET).update(subject).digest("base64url");
}

export function manageTokenHashFor(registrationId: string, version: number | null = null): string {
  return hashSecret(manageTokenFor(registrationId, version));
}

export function manageUrlFor(registrationId: string, version: number | null = null): string {
  return `${env().APP_URL}/r/${manageTokenFor(registrationId, version)}`;
}

/**
 * The secret of the "confirm your e-mail address" link, derived like the manage link but bound to the ticket
 * code, which is new for every registration of the row: a link from an earlier, released hold stays dead.
 */
export function confirmTokenFor(registrationId: string, ticketCode: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`confirm:${registrationId}:${ticketCode}`).digest("base64url");
}

export function confirmTokenHashFor(registrationId: string, ticketCode: string): string {
  return hashSecret(confirmTokenFor(registrationId, ticketCode));
}

export function confirmUrlFor(registrationId: string, ticketCode: string): string {
  return `${env().APP_URL}/confirm-email/${confirmTokenFor(registrationId, ticketCode)}`;
}

/** Gives a registration a new ticket code and queues the ticket e-mail carrying it. */
export async function reissueTicket(registrationId: string, now = new Date()): Promise<string | null> {
  const code = newTicketCode();
  return writeTransaction((sql) => {
    const changed = sql.run(
      `UPDATE Registration SET ticketCode = ?, ticketSentAt = ?, updatedAt = ? WHERE id = ? AND status = 'CONFIRMED'`,
      code,
      sqlDate(now),
      sqlDate(now),
      registrationId,
    ).changes;
    if (!changed) return null;
    const row = sql.get<{ email: string; eventId: string }>(`SELECT email, eventId FROM Registration WHERE id = ?`, registrationId)!;
    enqueueRenderLaterInTransaction(
      sql,
      { kind: "ticket", to: row.email, eventId: row.eventId, registrationId, dedupeKey: `ticket:${registrationId}:${code}` },
      now,
    );
    return code;
  });
}
