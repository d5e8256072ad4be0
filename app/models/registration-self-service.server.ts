import { prisma, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { confirmHold, holdByConfirmToken, replacedManageLink } from "~/models/store/registration-store.server";
import type { EditableField } from "~/schemas/registration";
import { DomainError } from "~/utils/domain-error";
import { hashSecret } from "~/utils/secrets.server";
import { enqueueRenderLaterInTransaction, requeueForRenderInTransaction, resendEmail, wakeOutboxSender } from "./outbox.server";
import { lazyEmailKinds } from "./registration-emails.server";
import { editableFieldsOf, holdState, isClosed, ownEdits } from "./registration-rules.server";
import { replaceManageLinkInTransaction, resendNoticeInTransaction, rowState } from "./registration-transitions.server";
import { cancelRegistration } from "./registration-write.server";
import { enqueueRegistrationWebhook } from "./webhook.server";

/** What attendees do themselves, without an account: through the manage link, and the e-mail confirmation link. */
export async function registrationForManageToken(token: string) {
  if (!token || token.length > 100) return null;
  const db = await prisma();
  const registration = await db.registration.findUnique({
    where: { manageTokenHash: hashSecret(token) },
    include: { event: true, category: true },
  });
  return registration && !registration.anonymisedAt ? registration : null;
}

/** Whether the link is one a re-send replaced (of a registration whose data still exists). */
export async function isReplacedManageLink(token: string): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return Boolean(replacedManageLink.get(await rawSql(), { tokenHash: hashSecret(token) }));
}

/** The registration the manage link belongs to; 410 for a link a re-send replaced, 404 for any other. */
export async function requireByToken(token: string) {
  const registration = await registrationForManageToken(token);
  if (registration) return registration;
  if (await isReplacedManageLink(token)) throw new DomainError("gone", "link_replaced", "registration.error.linkReplaced");
  throw new DomainError("not_found", "invalid_link", "registration.error.invalidLink");
}

/** Changes the fields the organizers allow; any other field in `changes` is refused with 422. */
export async function editOwnRegistration(token: string, changes: Partial<Record<EditableField, string | undefined>>) {
  const registration = await requireByToken(token);
  const data = ownEdits(editableFieldsOf(registration.event), changes);
  if (isClosed(registration.status)) throw new DomainError("conflict", "not_editable", "registration.error.cannotCancel");
  const db = await prisma();
  return db.registration.update({ where: { id: registration.id }, data });
}

export async function cancelOwnRegistration(token: string, now = new Date()) {
  const registration = await requireByToken(token);
  if (!(await cancelRegistration(registration.id, now))) throw new DomainError("conflict", "not_cancellable", "registration.error.cannotCancel");
}

/**
 * Re-sends the ticket (or the waitlist/pending notice) with a new manage link, so the link used here stops
 * working; false when one went out in the last few minutes.
 */
export async function resendOwnEmail(token: string, now = new Date()): Promise<boolean> {
  const registration = await requireByToken(token);
  const sent = await writeTransaction((sql) => {
    const row = rowState(sql, registration.id);
    return row ? resendNoticeInTransaction(sql, row, now) : false;
  });
  if (sent) wakeOutboxSender();
  return sent;
}

/**
 * The back office's re-send of a logged message. A message rendered from a registration carries its manage
 * link, so it is rendered again with a new link (the old one answers 410); any other goes out as it was.
 */
export async function resendLoggedEmail(message: { id: string; kind: string; registrationId: string | null }, now = new Date()): Promise<boolean> {
  const registrationId = message.registrationId;
  if (!registrationId || !(lazyEmailKinds as readonly string[]).includes(message.kind)) return resendEmail(message.id, now);
  const queued = await writeTransaction((sql) => {
    const requeued = requeueForRenderInTransaction(sql, message.id, now);
    if (requeued) replaceManageLinkInTransaction(sql, registrationId, now);
    return requeued;
  });
  if (queued) wakeOutboxSender();
  return queued;
}

// ---- "confirm the e-mail address first" ----

async function holdForConfirmToken(token: string) {
  if (!token || token.length > 100) return null;
  return holdByConfirmToken.get(await rawSql(), { tokenHash: hashSecret(token) }) ?? null;
}

const confirmationErrors = {
  used: () => new DomainError("gone", "link_used", "registration.confirm.used"),
  expired: () => new DomainError("gone", "link_expired", "registration.confirm.expired"),
};

/**
 * What the confirmation link's page shows: the event while the link can still be used, else why it cannot
 * (`gone`, the page's own message, not an error page). An unknown link is a 404.
 */
export async function emailConfirmationFor(token: string, now = new Date()) {
  const row = await holdForConfirmToken(token);
  if (!row) throw new DomainError("not_found", "invalid_link", "registration.error.invalidLink");
  const state = holdState(row, now);
  if (state !== "open") return { state, gone: confirmationErrors[state]() } as const;
  const db = await prisma();
  const event = await db.event.findUniqueOrThrow({ where: { id: row.eventId }, select: { slug: true, title: true, titleEn: true, timeZone: true } });
  return { state, event, holdExpiresAt: new Date(row.holdExpiresAt!) } as const;
}

/**
 * Opening the e-mailed link proves the address: the held place becomes a confirmed one (it already counts
 * against capacity, so no counter moves) and the ticket with the manage link is e-mailed. Single use; a
 * guarded UPDATE so a confirmation and the release of the same hold cannot both happen.
 */
export async function confirmEmail(token: string, now = new Date()): Promise<void> {
  const row = await holdForConfirmToken(token);
  if (!row) throw new DomainError("not_found", "invalid_link", "registration.error.invalidLink");
  const confirmed = await writeTransaction((sql) => {
    const changed = confirmHold.run(sql, { id: row.id, now: sqlDate(now) }).changes;
    if (changed) {
      enqueueRenderLaterInTransaction(sql, { kind: "ticket", to: row.email, eventId: row.eventId, registrationId: row.id, dedupeKey: `ticket:${row.id}:${row.ticketCode}` }, now);
      enqueueRegistrationWebhook(sql, "registration.updated", row.id, now);
    }
    return changed === 1;
  });
  if (confirmed) return wakeOutboxSender();
  const state = holdState((await holdForConfirmToken(token)) ?? row, now);
  throw confirmationErrors[state === "open" ? "used" : state]();
}
