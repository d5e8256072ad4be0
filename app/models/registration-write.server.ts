import { createHash, randomUUID } from "node:crypto";
import type { RegistrationStatus } from "~/generated/prisma/client";
import { isLocale } from "~/i18n";
import { groupedWrite, prisma, rawSql, sqlDate, writeTransaction, type Sql } from "~/models/store/connection.server";
import { idempotencyRecord, recordIdempotentAnswer } from "~/models/store/idempotency-store.server";
import { publishedEventBySlug, registrationQuestionsOf, ticketCategoriesOf, waitlistEnabledOf } from "~/models/store/registration-event-store.server";
import {
  anonymisedAtOf,
  expiredHolds,
  insertRegistration,
  markApproved,
  markRejected,
  registerAgain,
  registrationStateByEmail,
  type RegistrationValues,
} from "~/models/store/registration-store.server";
import { addPending, addWaitlisted, removePending, useInviteCode } from "~/models/store/seat-store.server";
import type { RegistrationInput } from "~/schemas/registration";
import { DomainError } from "~/utils/domain-error";
import { audit } from "~/models/audit.server";
import { registrationState } from "./event.server";
import { firmForSeats } from "./firm-seats.server";
import { idempotencyCutoff } from "./idempotency.server";
import { enqueueRenderLaterInTransaction, wakeOutboxSender } from "./outbox.server";
import { enqueueRegistrationWebhook } from "./webhook.server";
import {
  checkAnswers,
  chooseCategory,
  holdsSeat,
  inputError,
  isClosed,
  noticeKind,
  normalizeEmail,
  publicStatus,
  resentIfRegistered,
  statusForSeat,
  type NewRegistrationAnswer,
  type PublicStatus,
  type RegistrationAnswer,
} from "./registration-rules.server";
import { cancelInTransaction, promoteWaitlistInTransaction, releaseStatus, replaceManageLinkInTransaction, resendNoticeInTransaction, rowState, takeSeat } from "./registration-transitions.server";
import { confirmTokenHashFor, manageTokenHashFor, manageUrlFor, newTicketCode } from "./ticket.server";

/**
 * Registration writes (DESIGN.md §4 invariants 1, 2, 3, 5): every state change is one synchronous
 * `writeTransaction` whose capacity checks are guarded UPDATEs on Event, TicketCategory and FirmQuota, and
 * whose e-mail is an outbox row in the same transaction.
 */
export type RegisterOptions = {
  slug: string;
  input: RegistrationInput;
  idempotencyKey?: string | null;
  locale?: string;
  now?: Date;
  // Organizer imports of invited guests skip approval, like an invite code does.
  skipApproval?: boolean;
  consentNoticeVersion?: string;
  // Firms the signed-in person is a contact of: their registrations use those firms' reserved seats.
  contactFirmIds?: string[];
};

/**
 * Registers one person. Answers 201 with the new registration, or 202 `resentIfRegistered` when the address
 * already has a registration for this event (whose e-mail is re-sent, with a new manage link, at most every
 * few minutes). With "confirm the e-mail address first" a new registration only holds its place and the 201
 * carries no manage link. A replay with the same Idempotency-Key within 24 hours returns the first answer.
 */
export async function submitRegistration(options: RegisterOptions): Promise<RegistrationAnswer> {
  const now = options.now ?? new Date();
  const db = await prisma();
  const event = await publishedEventForRegistration(options.slug);
  if (!event) throw new DomainError("not_found", "not_found", "registration.error.notFound");
  const input = options.input;
  if (input.website) throw new DomainError("bad_request", "rejected", "registration.error.spam");
  const emailNormalized = normalizeEmail(input.email);
  const idempotency = options.idempotencyKey
    ? { key: `registration:${event.id}:${options.idempotencyKey}`, scope: createHash("sha256").update(`${event.id}\n${emailNormalized}`).digest("hex") }
    : null;
  if (idempotency) {
    const sql = await rawSql();
    const replay = idempotencyRecord.get(sql, { key: idempotency.key, cutoff: idempotencyCutoff(now) });
    if (replay) return replayOf(sql, replay, idempotency.scope);
  }
  const state = registrationState(event, now);
  if (state === "not_yet_open") throw new DomainError("conflict", "not_yet_open", "registration.error.notYetOpen");
  if (state === "closed") throw new DomainError("conflict", "closed", "registration.error.closed");
  // Without a version the consent is to the current notice, as before the API named it.
  if (input.privacyNoticeVersion !== undefined && input.privacyNoticeVersion !== event.privacyNoticeVersion) {
    throw new DomainError("conflict", "privacy_notice_changed", "registration.error.privacyNoticeChanged", undefined, { privacyNoticeVersion: "registration.error.privacyNoticeChanged" });
  }

  const invite = input.inviteCode ? await db.inviteCode.findUnique({ where: { eventId_code: { eventId: event.id, code: input.inviteCode.trim() } } }) : null;
  if (input.inviteCode && !invite) throw inputError({ inviteCode: "registration.validation.inviteCode" });
  const category = chooseCategory(event.ticketCategories, {
    inviteCategoryId: invite?.categoryId ?? null,
    code: input.category,
    invited: Boolean(invite),
    skipApproval: Boolean(options.skipApproval),
  });

  const answers = checkAnswers(event.questions, category?.id ?? null, input.answers);
  const firmId = await firmForSeats({ inviteFirmId: invite?.firmId, contactFirmIds: options.contactFirmIds, email: emailNormalized, organization: input.organization });
  const needsApproval = !invite && !options.skipApproval && (event.requiresApproval || Boolean(category?.requiresApproval));
  // Organizer imports (skipApproval) come from the organizers' own list; only self-registrations are held.
  const holdMinutes = options.skipApproval ? null : event.emailConfirmHoldMinutes;
  const locale = isLocale(options.locale ?? input.locale) ? (options.locale ?? input.locale)! : "zh-CN";
  const newId = randomUUID();
  const ticketCode = newTicketCode();

  const answer = await groupedWrite((sql): RegistrationAnswer => {
    if (idempotency) {
      const replay = idempotencyRecord.get(sql, { key: idempotency.key, cutoff: idempotencyCutoff(now) });
      if (replay) return replayOf(sql, replay, idempotency.scope);
    }
    const existing = registrationStateByEmail.get(sql, { eventId: event.id, emailNormalized });
    let result: RegistrationAnswer;
    if (existing && existing.status !== "CANCELLED") {
      resendNoticeInTransaction(sql, existing, now);
      result = { httpStatus: 202, body: resentIfRegistered };
    } else {
      const id = existing?.id ?? newId;
      if (invite && !useInviteCode.run(sql, { id: invite.id, now: sqlDate(now) }).changes) throw inputError({ inviteCode: "registration.validation.inviteCode" });
      let status: RegistrationStatus | null;
      if (needsApproval) {
        status = "PENDING_APPROVAL";
        addPending.run(sql, { eventId: event.id });
      } else {
        const seat = takeSeat(sql, { eventId: event.id, categoryId: category?.id ?? null, firmId });
        status = statusForSeat(seat, { holdForConfirmation: holdMinutes !== null, waitlistEnabled: event.waitlistEnabled });
        if (status === null) throw new DomainError("conflict", "full", "registration.error.full");
        if (status === "WAITLISTED") addWaitlisted.run(sql, { eventId: event.id });
      }
      const values: RegistrationValues = {
        categoryId: category?.id ?? null,
        firmId,
        inviteCodeId: invite?.id ?? null,
        status,
        name: input.name,
        email: input.email.trim(),
        organization: input.organization,
        phone: input.phone ?? null,
        jobTitle: input.jobTitle ?? null,
        answers: JSON.stringify(answers),
        locale,
        ticketCode,
        consentAt: sqlDate(now),
        consentNoticeVersion: options.consentNoticeVersion ?? event.privacyNoticeVersion,
        waitlistedAt: status === "WAITLISTED" ? sqlDate(now) : null,
        ticketSentAt: sqlDate(now),
        holdExpiresAt: status === "HELD" ? sqlDate(new Date(now.getTime() + holdMinutes! * 60_000)) : null,
        confirmTokenHash: status === "HELD" ? confirmTokenHashFor(id, ticketCode) : null,
        updatedAt: sqlDate(now),
      };
      let manageVersion: number | null = null;
      if (existing) {
        // Whoever held the cancelled registration's link must not manage the new one.
        manageVersion = replaceManageLinkInTransaction(sql, id, now);
        registerAgain.run(sql, { ...values, id });
      } else {
        insertRegistration.run(sql, { ...values, id, eventId: event.id, emailNormalized, manageTokenHash: manageTokenHashFor(id), createdAt: sqlDate(now) });
      }
      const kind = noticeKind(status)!;
      enqueueRenderLaterInTransaction(sql, { kind, to: values.email, eventId: event.id, registrationId: id, dedupeKey: `${kind}:${id}:${ticketCode}` }, now);
      enqueueRegistrationWebhook(sql, "registration.created", id, now);
      // With e-mail confirmation on, links go only to the address.
      result = { httpStatus: 201, body: { registration: { id, status: publicStatus(status), manageUrl: holdMinutes === null ? manageUrlFor(id, manageVersion) : null } } };
    }
    if (idempotency) {
      recordIdempotentAnswer.run(sql, { key: idempotency.key, scope: idempotency.scope, status: result.httpStatus, body: JSON.stringify(result.body), createdAt: sqlDate(now) });
    }
    return result;
  });
  wakeOutboxSender();
  return answer;
}

/** `submitRegistration` for a person who must be new (organizer imports, the demo seed): an address already registered is a 409. */
export async function register(options: RegisterOptions): Promise<NewRegistrationAnswer> {
  const answer = await submitRegistration(options);
  if (answer.httpStatus !== 201) throw new DomainError("conflict", "already_registered", "registration.admin.import.duplicate");
  return answer;
}

/** The first answer again, unless the registration whose manage link it carries was erased since: that link is dead. */
function replayOf(sql: Sql, record: { status: number; body: string; scope: string }, scope: string): RegistrationAnswer {
  if (record.scope !== scope) throw new DomainError("conflict", "idempotency_conflict", "registration.error.idempotencyConflict");
  const answer = { httpStatus: record.status, body: JSON.parse(record.body) } as RegistrationAnswer;
  const registration = "registration" in answer.body ? answer.body.registration : null;
  if (registration?.manageUrl) {
    const current = anonymisedAtOf.get(sql, { id: registration.id });
    if (!current || current.anonymisedAt) throw new DomainError("gone", "registration_deleted", "registration.error.deleted");
  }
  return answer;
}

/** What a submit needs of its event, read with prepared statements (store/registration-event-store.server.ts). */
async function publishedEventForRegistration(slug: string) {
  const sql = await rawSql();
  const row = publishedEventBySlug.get(sql, { slug });
  if (!row) return null;
  return {
    id: row.id,
    registrationOpensAt: row.registrationOpensAt ? new Date(row.registrationOpensAt) : null,
    registrationClosesAt: row.registrationClosesAt ? new Date(row.registrationClosesAt) : null,
    endsAt: new Date(row.endsAt),
    capacity: row.capacity,
    confirmedCount: row.confirmedCount,
    waitlistEnabled: row.waitlistEnabled === 1,
    requiresApproval: row.requiresApproval === 1,
    privacyNoticeVersion: row.privacyNoticeVersion,
    emailConfirmHoldMinutes: row.emailConfirmHoldMinutes,
    ticketCategories: ticketCategoriesOf
      .all(sql, { eventId: row.id })
      .map((category) => ({ ...category, inviteOnly: category.inviteOnly === 1, requiresApproval: category.requiresApproval === 1, isDefault: category.isDefault === 1 })),
    questions: registrationQuestionsOf.all(sql, { eventId: row.id }).map((question) => ({ ...question, required: question.required === 1 })),
  };
}

export async function promoteWaitlist(eventId: string, now = new Date()): Promise<string[]> {
  const promoted = await writeTransaction((sql) => promoteWaitlistInTransaction(sql, eventId, now));
  if (promoted.length) wakeOutboxSender();
  return promoted;
}

export async function cancelRegistration(id: string, now = new Date()): Promise<boolean> {
  const cancelled = await writeTransaction((sql) => cancelInTransaction(sql, id, now));
  wakeOutboxSender();
  return cancelled;
}

/** Releases the places of holds nobody confirmed in time, exactly as a cancellation does (the waitlist moves up). */
export async function releaseExpiredHolds(now = new Date()): Promise<number> {
  const released = await writeTransaction((sql) => expiredHolds.all(sql, { now: sqlDate(now) }).filter(({ id }) => cancelInTransaction(sql, id, now)).length);
  if (released) wakeOutboxSender();
  return released;
}

export type Decision = "approve" | "reject";

/**
 * Approves or rejects registrations in one transaction. Approval takes a place (or the waitlist when full);
 * rejection frees whatever the registration held. Returns the new status per id.
 */
export async function decideRegistrations({
  eventId,
  ids,
  decision,
  actorUserId,
  now = new Date(),
}: {
  eventId: string;
  ids: string[];
  decision: Decision;
  actorUserId?: string | null;
  now?: Date;
}): Promise<Record<string, PublicStatus | "unchanged">> {
  const outcome = await writeTransaction((sql) => {
    const waitlistEnabled = waitlistEnabledOf.get(sql, { eventId })?.waitlistEnabled === 1;
    const results: Record<string, PublicStatus | "unchanged"> = {};
    for (const id of ids) {
      const row = rowState(sql, id);
      results[id] = "unchanged";
      if (!row || row.eventId !== eventId) continue;
      if (decision === "approve") {
        if (row.status !== "PENDING_APPROVAL") continue;
        const status = statusForSeat(takeSeat(sql, row), { holdForConfirmation: false, waitlistEnabled });
        if (status === null) continue;
        markApproved.run(sql, { id, status, now: sqlDate(now), waitlistedAt: status === "WAITLISTED" ? sqlDate(now) : null });
        removePending.run(sql, { eventId });
        if (status === "WAITLISTED") addWaitlisted.run(sql, { eventId });
        const kind = noticeKind(status)!;
        enqueueRenderLaterInTransaction(sql, { kind, to: row.email, eventId, registrationId: id, dedupeKey: `${kind}:${id}:${row.ticketCode}` }, now);
        enqueueRegistrationWebhook(sql, "registration.updated", id, now);
        results[id] = publicStatus(status);
      } else {
        if (isClosed(row.status)) continue;
        markRejected.run(sql, { id, from: row.status, ticketCode: newTicketCode(), now: sqlDate(now) });
        releaseStatus(sql, row);
        enqueueRenderLaterInTransaction(sql, { kind: "registration-rejected", to: row.email, eventId, registrationId: id, dedupeKey: `rejected:${id}` }, now);
        enqueueRegistrationWebhook(sql, "registration.updated", id, now);
        if (holdsSeat(row.status)) promoteWaitlistInTransaction(sql, eventId, now);
        results[id] = "rejected";
      }
    }
    return results;
  });
  wakeOutboxSender();
  const changed = Object.entries(outcome).filter(([, status]) => status !== "unchanged");
  if (changed.length) {
    await audit({
      action: decision === "approve" ? "registration.approved" : "registration.rejected",
      actorUserId,
      targetType: "Registration",
      targetId: changed.length === 1 ? changed[0][0] : "",
      eventId,
      details: { count: changed.length, ids: changed.map(([id]) => id) },
    });
  }
  return outcome;
}
