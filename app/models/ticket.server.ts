import { createHmac, randomBytes } from "node:crypto";
import { sqlDate, writeTransaction } from "~/models/store/connection.server";
import { emailOf, reissueTicketCode } from "~/models/store/registration-store.server";
import { env } from "~/utils/env.server";
import { hashSecret } from "~/utils/secrets.server";
import { audit } from "~/models/audit.server";
import { enqueueRenderLaterInTransaction, wakeOutboxSender } from "./outbox.server";

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

/**
 * Re-issues a confirmed registration's ticket from the back office (DESIGN.md §4.3): a new code replaces the
 * old one, so the printed or e-mailed QR is dead at the door and drops out of the offline index, and the
 * ticket e-mail is queued again with the new QR. False when the registration is not a confirmed one of this
 * event. The audit entry names who and which registration, never a code.
 */
export async function reissueTicket({ eventId, registrationId, actorUserId, now = new Date() }: { eventId: string; registrationId: string; actorUserId: string; now?: Date }): Promise<boolean> {
  const code = newTicketCode();
  const reissued = await writeTransaction((sql) => {
    if (!reissueTicketCode.run(sql, { id: registrationId, eventId, ticketCode: code, now: sqlDate(now) }).changes) return false;
    const { email } = emailOf.get(sql, { id: registrationId })!;
    enqueueRenderLaterInTransaction(sql, { kind: "ticket", to: email, eventId, registrationId, dedupeKey: `ticket:${registrationId}:${code}` }, now);
    return true;
  });
  if (!reissued) return false;
  wakeOutboxSender();
  await audit({ action: "registration.ticket_reissued", actorUserId, targetType: "Registration", targetId: registrationId, eventId });
  return true;
}
