import { prisma, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { confirmHold, holdByConfirmToken, replacedManageLink } from "~/models/store/registration-store.server";
import { writeOwnChanges, type OwnChanges } from "~/models/store/registration-self-edit-store.server";
import type { EditableField } from "~/schemas/registration";
import { DomainError } from "~/utils/domain-error";
import { hashSecret } from "~/utils/secrets.server";
import { audit } from "./audit.server";
import { enqueueRenderLaterInTransaction, requeueForRenderInTransaction, resendEmail, wakeOutboxSender } from "./outbox.server";
import { lazyEmailKinds } from "./registration-emails.server";
import { checkAnswers, editableFieldsOf, holdState, inputError, isClosed, ownEdits, questionVisibleFor } from "./registration-rules.server";
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
export async function editOwnRegistration(token: string, changes: Partial<Record<EditableField, string | undefined>>, now = new Date()) {
  const registration = await requireByToken(token);
  const data = ownEdits(editableFieldsOf(registration.event), changes);
  if (isClosed(registration.status)) throw new DomainError("conflict", "not_editable", "registration.error.cannotCancel");
  const changed = (Object.keys(data) as (keyof typeof data)[]).filter((name) => data[name] !== registration[name]);
  await writeOwnEdit(registration, Object.fromEntries(changed.map((name) => [name, data[name]])), null, changed, now);
}

type OwnRegistration = Awaited<ReturnType<typeof requireByToken>>;

/**
 * The event's questions this registration was asked (those of its category), with its answers and whether the
 * organizers let the attendee change each one from the manage link.
 */
export async function ownAnswers(registration: OwnRegistration) {
  const db = await prisma();
  const questions = await db.registrationQuestion.findMany({ where: { eventId: registration.eventId }, orderBy: { position: "asc" } });
  const answers = JSON.parse(registration.answers) as Record<string, unknown>;
  return questions
    .filter((question) => questionVisibleFor(question, registration.categoryId))
    .map((question) => ({
      key: question.key,
      label: question.label,
      labelEn: question.labelEn,
      kind: question.kind,
      required: question.required,
      options: JSON.parse(question.options) as { value: string; label: string; labelEn?: string }[],
      editable: question.attendeeEditable,
      answer: (answers[question.key] ?? null) as string | string[] | boolean | null,
    }));
}

/**
 * The attendee's answers to the questions the organizers let them change, checked by the rules of the
 * registration itself (required, choices, lengths). `answers` carries every such question the form showed;
 * one left out was emptied. An answer to any other question is refused at its field, whatever the page
 * showed; the other answers stay as they were. Nothing changed writes nothing.
 */
export async function editOwnAnswers(token: string, answers: Record<string, unknown>, now = new Date()) {
  const registration = await requireByToken(token);
  if (isClosed(registration.status)) throw new DomainError("conflict", "not_editable", "registration.error.cannotCancel");
  const db = await prisma();
  const questions = await db.registrationQuestion.findMany({ where: { eventId: registration.eventId } });
  const editable = questions.filter((question) => question.attendeeEditable && questionVisibleFor(question, registration.categoryId));
  const refused = Object.keys(answers).filter((key) => !editable.some((question) => question.key === key));
  if (refused.length) throw inputError(Object.fromEntries(refused.map((key) => [`answers.${key}`, "registration.error.notEditable"])));
  const clean = checkAnswers(editable, registration.categoryId, answers);
  const stored = JSON.parse(registration.answers) as Record<string, unknown>;
  const next = { ...stored };
  for (const { key } of editable) {
    if (key in clean) next[key] = clean[key];
    else delete next[key];
  }
  const changed = editable.map(({ key }) => key).filter((key) => JSON.stringify(stored[key]) !== JSON.stringify(next[key]));
  await writeOwnEdit(
    registration,
    { answers: JSON.stringify(next) },
    registration.answers,
    changed.map((key) => `answers.${key}`),
    now,
  );
}

/**
 * One self-service edit: written with the `registration.updated` webhook in one transaction, then audited
 * (the names of what changed, never the values). Refused when the registration was closed or its answers
 * changed since they were read.
 */
async function writeOwnEdit(registration: OwnRegistration, changes: OwnChanges, answersBefore: string | null, changed: string[], now: Date) {
  if (changed.length === 0) return;
  const written = await writeTransaction((sql) => {
    const ok = writeOwnChanges(sql, { id: registration.id, changes, answersBefore, now: sqlDate(now) });
    if (ok) enqueueRegistrationWebhook(sql, "registration.updated", registration.id, now);
    return ok;
  });
  if (!written) throw new DomainError("conflict", "changed_meanwhile", "registrationEdit.error.changedMeanwhile");
  await audit({ action: "registration.self_updated", targetType: "Registration", targetId: registration.id, eventId: registration.eventId, details: { changed } });
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
