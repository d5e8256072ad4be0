import { createHash, randomUUID } from "node:crypto";
import type { Prisma, RegistrationStatus } from "~/generated/prisma/client";
import { isLocale } from "~/i18n";
import { checkpointErasedData, groupedWrite, prisma, rawSql, sqlDate, writeTransaction, type Sql } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { hashSecret } from "~/utils/secrets.server";
import { audit } from "~/models/audit.server";
import { firmForSeats } from "./firm-seats.server";
import { registrationState } from "./event.server";
import { idempotencyCutoff } from "./idempotency.server";
import { enqueueRenderLaterInTransaction, requeueForRenderInTransaction, resendEmail, wakeOutboxSender } from "./outbox.server";
import { lazyEmailKinds } from "./registration-emails.server";
import type { EditableField, RegistrationInput } from "~/schemas/registration";
import { editableFieldNames } from "~/schemas/registration";
import { confirmTokenHashFor, manageTokenHashFor, manageUrlFor, newTicketCode } from "./ticket.server";

/**
 * Registration (DESIGN.md §4 invariants 1, 2, 3, 5): every state change is one synchronous
 * `writeTransaction` whose capacity checks are guarded UPDATEs on Event, TicketCategory and FirmQuota, and
 * whose e-mail is an outbox row in the same transaction.
 */
export type PublicStatus = "confirmed" | "waitlisted" | "pending_approval" | "rejected" | "cancelled" | "held";

export function publicStatus(status: RegistrationStatus | string): PublicStatus {
  return status.toLowerCase() as PublicStatus;
}

/**
 * The answer to a submit for an address that already has a registration for the event: the same bytes
 * whatever that registration's state, so it tells nobody whether, how or by whom the address is registered.
 */
export const resentIfRegistered = { result: "resent_if_registered" } as const;

export type RegistrationAnswer =
  | { httpStatus: 201; body: { registration: { id: string; status: PublicStatus; manageUrl: string | null } } }
  | { httpStatus: 202; body: typeof resentIfRegistered };

/** A 422 with per-field i18n keys (optionally `key|max`), translated by the route. */
export function inputError(fields: Record<string, string>): HttpError {
  return new HttpError(422, "invalid_input", "form.fixErrors", undefined, fields);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Re-sending the ticket for a repeated submit or from the manage page happens at most this often.
export const resendIntervalMs = 5 * 60_000;

type QuestionRow = { key: string; kind: string; required: boolean; options: string; categoryIds: string };

export function questionVisibleFor(question: { categoryIds: string }, categoryId: string | null): boolean {
  const ids = JSON.parse(question.categoryIds) as string[];
  return ids.length === 0 || (categoryId !== null && ids.includes(categoryId));
}

/** Checks answers against the questions shown for the category; returns the cleaned answers or throws 422. */
export function checkAnswers(questions: QuestionRow[], categoryId: string | null, answers: Record<string, unknown> = {}) {
  const fields: Record<string, string> = {};
  const clean: Record<string, string | string[] | boolean> = {};
  for (const question of questions) {
    if (!questionVisibleFor(question, categoryId)) continue;
    const name = `answers.${question.key}`;
    const raw = answers[question.key];
    const options = (JSON.parse(question.options) as { value: string }[]).map((option) => option.value);
    const empty = raw === undefined || raw === null || raw === "" || raw === false || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (question.required) fields[name] = question.kind === "CHECKBOX" ? "registration.validation.consent" : "validation.required";
      continue;
    }
    switch (question.kind) {
      case "CHECKBOX":
        if (raw !== true && raw !== "on" && raw !== "true") fields[name] = "validation.invalid";
        else clean[question.key] = true;
        break;
      case "MULTIPLE_CHOICE": {
        const values = Array.isArray(raw) ? raw : [raw];
        if (values.some((value) => typeof value !== "string" || !options.includes(value))) fields[name] = "registration.validation.choice";
        else clean[question.key] = values as string[];
        break;
      }
      case "SINGLE_CHOICE":
        if (typeof raw !== "string" || !options.includes(raw)) fields[name] = "registration.validation.choice";
        else clean[question.key] = raw;
        break;
      case "PHONE":
        if (typeof raw !== "string" || !/^\+?[0-9][0-9 ()-]{5,28}$/.test(raw.trim())) fields[name] = "registration.validation.phone";
        else clean[question.key] = raw.trim();
        break;
      default:
        if (typeof raw !== "string") fields[name] = "validation.invalid";
        else if (raw.length > (question.kind === "LONG_TEXT" ? 2000 : 200)) fields[name] = `validation.tooLong|${question.kind === "LONG_TEXT" ? 2000 : 200}`;
        else clean[question.key] = raw.trim();
    }
  }
  if (Object.keys(fields).length) throw inputError(fields);
  return clean;
}

type SeatRefusal = "event" | "category" | "firm";

/** Takes one confirmed place on the event, its category and the firm's quota, or none of them. */
function takeSeat(sql: Sql, seat: { eventId: string; categoryId: string | null; firmId: string | null }): true | SeatRefusal {
  if (!sql.run(`UPDATE Event SET confirmedCount = confirmedCount + 1 WHERE id = ? AND (capacity IS NULL OR confirmedCount < capacity)`, seat.eventId).changes) {
    return "event";
  }
  if (
    seat.categoryId &&
    !sql.run(`UPDATE TicketCategory SET confirmedCount = confirmedCount + 1 WHERE id = ? AND (capacity IS NULL OR confirmedCount < capacity)`, seat.categoryId).changes
  ) {
    sql.run(`UPDATE Event SET confirmedCount = confirmedCount - 1 WHERE id = ?`, seat.eventId);
    return "category";
  }
  if (
    seat.firmId &&
    !sql.run(`UPDATE FirmQuota SET confirmedCount = confirmedCount + 1 WHERE eventId = ? AND firmId = ? AND confirmedCount < quota`, seat.eventId, seat.firmId).changes &&
    sql.get(`SELECT 1 AS found FROM FirmQuota WHERE eventId = ? AND firmId = ?`, seat.eventId, seat.firmId)
  ) {
    sql.run(`UPDATE Event SET confirmedCount = confirmedCount - 1 WHERE id = ?`, seat.eventId);
    if (seat.categoryId) sql.run(`UPDATE TicketCategory SET confirmedCount = confirmedCount - 1 WHERE id = ?`, seat.categoryId);
    return "firm";
  }
  return true;
}

function releaseSeat(sql: Sql, seat: { eventId: string; categoryId: string | null; firmId: string | null }) {
  sql.run(`UPDATE Event SET confirmedCount = confirmedCount - 1 WHERE id = ? AND confirmedCount > 0`, seat.eventId);
  if (seat.categoryId) sql.run(`UPDATE TicketCategory SET confirmedCount = confirmedCount - 1 WHERE id = ? AND confirmedCount > 0`, seat.categoryId);
  if (seat.firmId) sql.run(`UPDATE FirmQuota SET confirmedCount = confirmedCount - 1 WHERE eventId = ? AND firmId = ? AND confirmedCount > 0`, seat.eventId, seat.firmId);
}

const counterOf: Partial<Record<RegistrationStatus, string>> = { WAITLISTED: "waitlistedCount", PENDING_APPROVAL: "pendingCount" };

/** A held place (waiting for the address to be confirmed) counts against capacity like a confirmed one. */
function holdsSeat(status: RegistrationStatus): boolean {
  return status === "CONFIRMED" || status === "HELD";
}

type RowState = { id: string; eventId: string; status: RegistrationStatus; categoryId: string | null; firmId: string | null; email: string };

/** Leaves `row.status`: frees the place or the waitlist/pending counter it held. */
function releaseStatus(sql: Sql, row: RowState) {
  if (holdsSeat(row.status)) releaseSeat(sql, row);
  const counter = counterOf[row.status];
  if (counter) sql.run(`UPDATE Event SET ${counter} = ${counter} - 1 WHERE id = ? AND ${counter} > 0`, row.eventId);
}

/**
 * Fills free places from the waitlist, oldest first. A person whose category or firm quota is still full
 * keeps their place in line while the next one moves up. Each promoted person gets their ticket.
 */
export function promoteWaitlistInTransaction(sql: Sql, eventId: string, now: Date): string[] {
  const promoted: string[] = [];
  const waiting = sql.all<RowState & { ticketCode: string }>(
    `SELECT id, eventId, status, categoryId, firmId, email, ticketCode FROM Registration
     WHERE eventId = ? AND status = 'WAITLISTED' ORDER BY waitlistedAt, createdAt, id LIMIT 1000`,
    eventId,
  );
  for (const candidate of waiting) {
    const seat = takeSeat(sql, candidate);
    if (seat === "event") break;
    if (seat !== true) continue;
    sql.run(
      `UPDATE Registration SET status = 'CONFIRMED', ticketSentAt = ?, updatedAt = ? WHERE id = ? AND status = 'WAITLISTED'`,
      sqlDate(now),
      sqlDate(now),
      candidate.id,
    );
    sql.run(`UPDATE Event SET waitlistedCount = waitlistedCount - 1 WHERE id = ? AND waitlistedCount > 0`, eventId);
    enqueueRenderLaterInTransaction(
      sql,
      { kind: "waitlist-promoted", to: candidate.email, eventId, registrationId: candidate.id, dedupeKey: `promoted:${candidate.id}:${candidate.ticketCode}` },
      now,
    );
    promoted.push(candidate.id);
  }
  return promoted;
}

export async function promoteWaitlist(eventId: string, now = new Date()): Promise<string[]> {
  const promoted = await writeTransaction((sql) => promoteWaitlistInTransaction(sql, eventId, now));
  if (promoted.length) wakeOutboxSender();
  return promoted;
}

function noticeKind(status: RegistrationStatus): string | null {
  if (status === "CONFIRMED") return "ticket";
  if (status === "WAITLISTED") return "registration-waitlisted";
  if (status === "PENDING_APPROVAL") return "registration-pending";
  if (status === "HELD") return "email-confirmation";
  return null;
}

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
  if (!event) throw new HttpError(404, "not_found", "registration.error.notFound");
  const input = options.input;
  if (input.website) throw new HttpError(400, "rejected", "registration.error.spam");
  const emailNormalized = normalizeEmail(input.email);
  const idempotency = options.idempotencyKey
    ? { key: `registration:${event.id}:${options.idempotencyKey}`, scope: createHash("sha256").update(`${event.id}\n${emailNormalized}`).digest("hex") }
    : null;
  if (idempotency) {
    const sql = await rawSql();
    const replay = sql.get<{ status: number; body: string; scope: string }>(`SELECT status, body, scope FROM IdempotencyRecord WHERE key = ? AND createdAt > ?`, idempotency.key, idempotencyCutoff(now));
    if (replay) return replayOf(sql, replay, idempotency.scope);
  }
  const state = registrationState(event, now);
  if (state === "not_yet_open") throw new HttpError(409, "not_yet_open", "registration.error.notYetOpen");
  if (state === "closed") throw new HttpError(409, "closed", "registration.error.closed");

  const invite = input.inviteCode
    ? await db.inviteCode.findUnique({ where: { eventId_code: { eventId: event.id, code: input.inviteCode.trim() } } })
    : null;
  if (input.inviteCode && !invite) throw inputError({ inviteCode: "registration.validation.inviteCode" });

  const categories = event.ticketCategories;
  let category = null as (typeof categories)[number] | null;
  if (invite?.categoryId) category = categories.find((candidate) => candidate.id === invite.categoryId) ?? null;
  else if (input.category) {
    category = categories.find((candidate) => candidate.code === input.category) ?? null;
    if (!category) throw inputError({ category: "registration.validation.category" });
  } else category = categories.find((candidate) => !candidate.inviteOnly) ?? null;
  if (categories.length && !category) throw inputError({ category: "registration.validation.category" });
  if (category?.inviteOnly && !invite && !options.skipApproval) throw inputError({ category: "registration.validation.categoryInviteOnly" });

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
      const replay = sql.get<{ status: number; body: string; scope: string }>(`SELECT status, body, scope FROM IdempotencyRecord WHERE key = ? AND createdAt > ?`, idempotency.key, idempotencyCutoff(now));
      if (replay) return replayOf(sql, replay, idempotency.scope);
    }
    const existing = sql.get<RowState & { ticketCode: string }>(
      `SELECT id, eventId, status, categoryId, firmId, email, ticketCode FROM Registration WHERE eventId = ? AND emailNormalized = ?`,
      event.id,
      emailNormalized,
    );
    let result: RegistrationAnswer;
    if (existing && existing.status !== "CANCELLED") {
      resendNoticeInTransaction(sql, existing, now);
      result = { httpStatus: 202, body: resentIfRegistered };
    } else {
      const id = existing?.id ?? newId;
      if (
        invite &&
        !sql.run(
          `UPDATE InviteCode SET usedCount = usedCount + 1 WHERE id = ? AND revokedAt IS NULL AND usedCount < maxUses AND (expiresAt IS NULL OR expiresAt > ?)`,
          invite.id,
          sqlDate(now),
        ).changes
      ) {
        throw inputError({ inviteCode: "registration.validation.inviteCode" });
      }
      let status: RegistrationStatus;
      if (needsApproval) {
        status = "PENDING_APPROVAL";
        sql.run(`UPDATE Event SET pendingCount = pendingCount + 1 WHERE id = ?`, event.id);
      } else if (takeSeat(sql, { eventId: event.id, categoryId: category?.id ?? null, firmId }) === true) {
        status = holdMinutes === null ? "CONFIRMED" : "HELD";
      } else if (event.waitlistEnabled) {
        status = "WAITLISTED";
        sql.run(`UPDATE Event SET waitlistedCount = waitlistedCount + 1 WHERE id = ?`, event.id);
      } else {
        throw new HttpError(409, "full", "registration.error.full");
      }
      const values = {
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
        const names = Object.keys(values);
        sql.run(
          `UPDATE Registration SET ${names.map((name) => `${name} = ?`).join(", ")}, cancelledAt = NULL, decidedAt = NULL WHERE id = ? AND status = 'CANCELLED'`,
          ...Object.values(values),
          id,
        );
      } else {
        const row = { id, eventId: event.id, emailNormalized, manageTokenHash: manageTokenHashFor(id), createdAt: sqlDate(now), ...values };
        sql.run(`INSERT INTO Registration (${Object.keys(row).join(", ")}) VALUES (${Object.keys(row).map(() => "?").join(", ")})`, ...Object.values(row));
      }
      const kind = noticeKind(status)!;
      enqueueRenderLaterInTransaction(sql, { kind, to: values.email, eventId: event.id, registrationId: id, dedupeKey: `${kind}:${id}:${ticketCode}` }, now);
      // With e-mail confirmation on, links go only to the address.
      result = { httpStatus: 201, body: { registration: { id, status: publicStatus(status), manageUrl: holdMinutes === null ? manageUrlFor(id, manageVersion) : null } } };
    }
    if (idempotency) {
      sql.run(
        // An expired record the cleanup job has not deleted yet is replaced.
        `INSERT INTO IdempotencyRecord (key, scope, status, body, createdAt) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET scope = excluded.scope, status = excluded.status, body = excluded.body, createdAt = excluded.createdAt`,
        idempotency.key,
        idempotency.scope,
        result.httpStatus,
        JSON.stringify(result.body),
        sqlDate(now),
      );
    }
    return result;
  });
  wakeOutboxSender();
  return answer;
}

export type NewRegistrationAnswer = Extract<RegistrationAnswer, { httpStatus: 201 }>;

/** `submitRegistration` for a person who must be new (organizer imports, the demo seed): an address already registered is a 409. */
export async function register(options: RegisterOptions): Promise<NewRegistrationAnswer> {
  const answer = await submitRegistration(options);
  if (answer.httpStatus !== 201) throw new HttpError(409, "already_registered", "registration.admin.import.duplicate");
  return answer;
}

/** The first answer again, unless the registration whose manage link it carries was erased since: that link is dead. */
function replayOf(sql: Sql, record: { status: number; body: string; scope: string }, scope: string): RegistrationAnswer {
  if (record.scope !== scope) throw new HttpError(409, "idempotency_conflict", "registration.error.idempotencyConflict");
  const answer = { httpStatus: record.status, body: JSON.parse(record.body) } as RegistrationAnswer;
  const registration = "registration" in answer.body ? answer.body.registration : null;
  if (registration?.manageUrl) {
    const current = sql.get<{ anonymisedAt: string | null }>(`SELECT anonymisedAt FROM Registration WHERE id = ?`, registration.id);
    if (!current || current.anonymisedAt) throw new HttpError(410, "registration_deleted", "registration.error.deleted");
  }
  return answer;
}

/**
 * Gives the registration a new manage link; the one it replaces answers 410 from now on (the new one only
 * ever goes out by e-mail). Returns the new link's version.
 */
function replaceManageLinkInTransaction(sql: Sql, id: string, now: Date): number | null {
  const row = sql.get<{ manageTokenHash: string; manageTokenVersion: number | null }>(`SELECT manageTokenHash, manageTokenVersion FROM Registration WHERE id = ?`, id);
  if (!row) return null;
  const version = (row.manageTokenVersion ?? 0) + 1;
  sql.run(`INSERT OR IGNORE INTO ReplacedManageLink (tokenHash, registrationId, replacedAt) VALUES (?, ?, ?)`, row.manageTokenHash, id, sqlDate(now));
  sql.run(`UPDATE Registration SET manageTokenVersion = ?, manageTokenHash = ? WHERE id = ?`, version, manageTokenHashFor(id, version), id);
  return version;
}

/**
 * Re-sends the message that fits the registration's state, with a new manage link, unless one went out in
 * the last few minutes.
 */
function resendNoticeInTransaction(sql: Sql, row: RowState & { ticketCode: string }, now: Date): boolean {
  const kind = noticeKind(row.status);
  if (!kind) return false;
  const allowed = sql.run(
    `UPDATE Registration SET ticketSentAt = ? WHERE id = ? AND (ticketSentAt IS NULL OR ticketSentAt <= ?)`,
    sqlDate(now),
    row.id,
    sqlDate(new Date(now.getTime() - resendIntervalMs)),
  ).changes;
  if (!allowed) return false;
  replaceManageLinkInTransaction(sql, row.id, now);
  return enqueueRenderLaterInTransaction(
    sql,
    { kind, to: row.email, eventId: row.eventId, registrationId: row.id, dedupeKey: `${kind}:${row.id}:resend:${now.getTime()}` },
    now,
  );
}

type EventRow = {
  id: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  endsAt: string;
  capacity: number | null;
  confirmedCount: number;
  waitlistEnabled: number;
  requiresApproval: number;
  privacyNoticeVersion: string;
  emailConfirmHoldMinutes: number | null;
};

/**
 * What a submit needs of its event, read with prepared statements: on the storm path the equivalent Prisma
 * query with two includes costs ≈1.8 ms of CPU per submit, these three ≈0.03 ms.
 */
async function publishedEventForRegistration(slug: string) {
  const sql = await rawSql();
  const row = sql.get<EventRow>(
    `SELECT id, registrationOpensAt, registrationClosesAt, endsAt, capacity, confirmedCount, waitlistEnabled, requiresApproval, privacyNoticeVersion,
       emailConfirmHoldMinutes
     FROM Event WHERE slug = ? AND status = 'PUBLISHED'`,
    slug,
  );
  if (!row) return null;
  const categories = sql.all<{ id: string; code: string; inviteOnly: number; requiresApproval: number }>(
    `SELECT id, code, inviteOnly, requiresApproval FROM TicketCategory WHERE eventId = ? ORDER BY position ASC`,
    row.id,
  );
  const questions = sql.all<{ key: string; kind: string; required: number; options: string; categoryIds: string }>(
    `SELECT key, kind, required, options, categoryIds FROM RegistrationQuestion WHERE eventId = ? ORDER BY position ASC`,
    row.id,
  );
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
    ticketCategories: categories.map((category) => ({ ...category, inviteOnly: category.inviteOnly === 1, requiresApproval: category.requiresApproval === 1 })),
    questions: questions.map((question) => ({ ...question, required: question.required === 1 })),
  };
}

function rowState(sql: Sql, id: string) {
  return sql.get<RowState & { ticketCode: string }>(`SELECT id, eventId, status, categoryId, firmId, email, ticketCode FROM Registration WHERE id = ?`, id);
}

/** Cancels (attendee, organizer or an expired hold): the place frees, the old ticket code dies, the waitlist moves up. */
export function cancelInTransaction(sql: Sql, id: string, now: Date): boolean {
  const row = rowState(sql, id);
  if (!row || row.status === "CANCELLED" || row.status === "REJECTED") return false;
  const changed = sql.run(
    `UPDATE Registration SET status = 'CANCELLED', ticketCode = ?, cancelledAt = ?, updatedAt = ? WHERE id = ? AND status = ?`,
    newTicketCode(),
    sqlDate(now),
    sqlDate(now),
    id,
    row.status,
  ).changes;
  if (!changed) return false;
  releaseStatus(sql, row);
  if (holdsSeat(row.status)) promoteWaitlistInTransaction(sql, row.eventId, now);
  return true;
}

export async function cancelRegistration(id: string, now = new Date()): Promise<boolean> {
  const cancelled = await writeTransaction((sql) => cancelInTransaction(sql, id, now));
  wakeOutboxSender();
  return cancelled;
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
    const event = sql.get<{ waitlistEnabled: number }>(`SELECT waitlistEnabled FROM Event WHERE id = ?`, eventId);
    const results: Record<string, PublicStatus | "unchanged"> = {};
    for (const id of ids) {
      const row = rowState(sql, id);
      results[id] = "unchanged";
      if (!row || row.eventId !== eventId) continue;
      if (decision === "approve") {
        if (row.status !== "PENDING_APPROVAL") continue;
        let status: RegistrationStatus;
        if (takeSeat(sql, row) === true) status = "CONFIRMED";
        else if (event?.waitlistEnabled) status = "WAITLISTED";
        else continue;
        sql.run(
          `UPDATE Registration SET status = ?, decidedAt = ?, ticketSentAt = ?, waitlistedAt = ?, updatedAt = ? WHERE id = ? AND status = 'PENDING_APPROVAL'`,
          status,
          sqlDate(now),
          sqlDate(now),
          status === "WAITLISTED" ? sqlDate(now) : null,
          sqlDate(now),
          id,
        );
        sql.run(`UPDATE Event SET pendingCount = pendingCount - 1 WHERE id = ? AND pendingCount > 0`, eventId);
        if (status === "WAITLISTED") sql.run(`UPDATE Event SET waitlistedCount = waitlistedCount + 1 WHERE id = ?`, eventId);
        const kind = noticeKind(status)!;
        enqueueRenderLaterInTransaction(sql, { kind, to: row.email, eventId, registrationId: id, dedupeKey: `${kind}:${id}:${row.ticketCode}` }, now);
        results[id] = publicStatus(status);
      } else {
        if (row.status === "REJECTED" || row.status === "CANCELLED") continue;
        sql.run(
          `UPDATE Registration SET status = 'REJECTED', ticketCode = ?, decidedAt = ?, updatedAt = ? WHERE id = ? AND status = ?`,
          newTicketCode(),
          sqlDate(now),
          sqlDate(now),
          id,
          row.status,
        );
        releaseStatus(sql, row);
        enqueueRenderLaterInTransaction(sql, { kind: "registration-rejected", to: row.email, eventId, registrationId: id, dedupeKey: `rejected:${id}` }, now);
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

// ---- self-service through the manage link (no account) ----

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
  const sql = await rawSql();
  return Boolean(
    sql.get(
      `SELECT 1 AS found FROM ReplacedManageLink link JOIN Registration r ON r.id = link.registrationId WHERE link.tokenHash = ? AND r.anonymisedAt IS NULL`,
      hashSecret(token),
    ),
  );
}

async function requireByToken(token: string) {
  const registration = await registrationForManageToken(token);
  if (registration) return registration;
  if (await isReplacedManageLink(token)) throw new HttpError(410, "link_replaced", "registration.error.linkReplaced");
  throw new HttpError(404, "invalid_link", "registration.error.invalidLink");
}

export function editableFieldsOf(event: { editableFields: string }): EditableField[] {
  const listed = JSON.parse(event.editableFields) as string[];
  return editableFieldNames.filter((name) => listed.includes(name));
}

/** Changes the fields the organizers allow; any other field in `changes` is refused with 422. */
export async function editOwnRegistration(token: string, changes: Partial<Record<EditableField, string | undefined>>) {
  const registration = await requireByToken(token);
  const allowed = editableFieldsOf(registration.event);
  const refused = Object.keys(changes).filter((name) => changes[name as EditableField] !== undefined && !allowed.includes(name as EditableField));
  if (refused.length) throw inputError(Object.fromEntries(refused.map((name) => [name, "registration.error.notEditable"])));
  if (registration.status === "CANCELLED" || registration.status === "REJECTED") throw new HttpError(409, "not_editable", "registration.error.cannotCancel");
  const data: Prisma.RegistrationUpdateInput = {};
  for (const name of allowed) {
    const value = changes[name];
    if (value === undefined) continue;
    if (name === "phone" || name === "jobTitle") data[name] = value || null;
    else if (value) data[name] = value;
  }
  const db = await prisma();
  return db.registration.update({ where: { id: registration.id }, data });
}

export async function cancelOwnRegistration(token: string, now = new Date()) {
  const registration = await requireByToken(token);
  if (!(await cancelRegistration(registration.id, now))) throw new HttpError(409, "not_cancellable", "registration.error.cannotCancel");
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

export type EmailConfirmationState = "open" | "used" | "expired";

type HoldRow = { id: string; eventId: string; status: RegistrationStatus; holdExpiresAt: string | null; email: string; ticketCode: string };

function holdState(row: HoldRow, now: Date): EmailConfirmationState {
  if (row.status === "HELD") return row.holdExpiresAt && new Date(row.holdExpiresAt) > now ? "open" : "expired";
  // A released hold keeps its expiry; a confirmed one dropped it.
  return row.status === "CANCELLED" && row.holdExpiresAt ? "expired" : "used";
}

async function holdForConfirmToken(token: string): Promise<HoldRow | null> {
  if (!token || token.length > 100) return null;
  const sql = await rawSql();
  return (
    sql.get<HoldRow>(
      `SELECT id, eventId, status, holdExpiresAt, email, ticketCode FROM Registration WHERE confirmTokenHash = ? AND anonymisedAt IS NULL`,
      hashSecret(token),
    ) ?? null
  );
}

const confirmationErrors = {
  used: () => new HttpError(410, "link_used", "registration.confirm.used"),
  expired: () => new HttpError(410, "link_expired", "registration.confirm.expired"),
};

/** What the confirmation link's page shows: the event, and whether the link can still be used (else 410/404). */
export async function emailConfirmationFor(token: string, now = new Date()) {
  const row = await holdForConfirmToken(token);
  if (!row) throw new HttpError(404, "invalid_link", "registration.error.invalidLink");
  const state = holdState(row, now);
  if (state !== "open") throw confirmationErrors[state]();
  const db = await prisma();
  const event = await db.event.findUniqueOrThrow({ where: { id: row.eventId }, select: { slug: true, title: true, titleEn: true, timeZone: true } });
  return { event, holdExpiresAt: new Date(row.holdExpiresAt!) };
}

/**
 * Opening the e-mailed link proves the address: the held place becomes a confirmed one (it already counts
 * against capacity, so no counter moves) and the ticket with the manage link is e-mailed. Single use; a
 * guarded UPDATE so a confirmation and the release of the same hold cannot both happen.
 */
export async function confirmEmail(token: string, now = new Date()): Promise<void> {
  const row = await holdForConfirmToken(token);
  if (!row) throw new HttpError(404, "invalid_link", "registration.error.invalidLink");
  const confirmed = await writeTransaction((sql) => {
    const changed = sql.run(
      `UPDATE Registration SET status = 'CONFIRMED', holdExpiresAt = NULL, ticketSentAt = ?, updatedAt = ? WHERE id = ? AND status = 'HELD' AND holdExpiresAt > ?`,
      sqlDate(now),
      sqlDate(now),
      row.id,
      sqlDate(now),
    ).changes;
    if (changed) {
      enqueueRenderLaterInTransaction(sql, { kind: "ticket", to: row.email, eventId: row.eventId, registrationId: row.id, dedupeKey: `ticket:${row.id}:${row.ticketCode}` }, now);
    }
    return changed === 1;
  });
  if (confirmed) return wakeOutboxSender();
  const state = holdState((await holdForConfirmToken(token)) ?? row, now);
  throw confirmationErrors[state === "open" ? "used" : state]();
}

/** Releases the places of holds nobody confirmed in time, exactly as a cancellation does (the waitlist moves up). */
export async function releaseExpiredHolds(now = new Date()): Promise<number> {
  const released = await writeTransaction((sql) => {
    const expired = sql.all<{ id: string }>(`SELECT id FROM Registration WHERE status = 'HELD' AND holdExpiresAt <= ? ORDER BY holdExpiresAt LIMIT 500`, sqlDate(now));
    return expired.filter(({ id }) => cancelInTransaction(sql, id, now)).length;
  });
  if (released) wakeOutboxSender();
  return released;
}

/**
 * Everything stored about the attendee, as the JSON they download (DESIGN.md §7, PIPL): what they entered,
 * and what organizers wrote or decided about them (their note, approvals and rejections, check-ins, the text
 * of every e-mail sent to them).
 */
export async function exportOwnData(token: string, ip = "") {
  const registration = await requireByToken(token);
  const db = await prisma();
  const emails = await db.emailMessage.findMany({
    where: { registrationId: registration.id },
    select: { kind: true, toAddress: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  });
  const checkIns = await db.checkIn.findMany({
    where: { registrationId: registration.id },
    select: { direction: true, result: true, scannedAt: true, offline: true, undoneAt: true, list: { select: { name: true } } },
    orderBy: { scannedAt: "asc" },
  });
  const decisions = await db.auditLog.findMany({
    where: {
      eventId: registration.eventId,
      action: { in: ["registration.approved", "registration.rejected"] },
      OR: [{ targetId: registration.id }, { details: { contains: `"${registration.id}"` } }],
    },
    select: { action: true, at: true },
    orderBy: { at: "asc" },
  });
  const firm = registration.firmId ? await db.firm.findUnique({ where: { id: registration.firmId }, select: { name: true } }) : null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  await audit({ action: "attendee.data_export", targetType: "Registration", targetId: registration.id, eventId: registration.eventId, ip });
  return {
    exportedAt: new Date().toISOString(),
    event: { slug: registration.event.slug, title: registration.event.title, startsAt: registration.event.startsAt.toISOString() },
    registration: {
      id: registration.id,
      status: publicStatus(registration.status),
      name: registration.name,
      email: registration.email,
      organization: registration.organization,
      phone: registration.phone,
      jobTitle: registration.jobTitle,
      category: registration.category?.name ?? null,
      firm: firm?.name ?? null,
      answers: JSON.parse(registration.answers) as unknown,
      locale: registration.locale,
      consentAt: registration.consentAt.toISOString(),
      consentNoticeVersion: registration.consentNoticeVersion,
      createdAt: registration.createdAt.toISOString(),
      waitlistedAt: iso(registration.waitlistedAt),
      decidedAt: iso(registration.decidedAt),
      ticketSentAt: iso(registration.ticketSentAt),
      cancelledAt: iso(registration.cancelledAt),
      checkedInAt: iso(registration.checkedInAt),
      organizerNote: registration.organizerNote,
    },
    decisions: decisions.map((decision) => ({ decision: decision.action === "registration.approved" ? "approved" : "rejected", at: decision.at.toISOString() })),
    emails: emails.map(({ toAddress, createdAt, sentAt, ...email }) => ({ ...email, to: toAddress, createdAt: createdAt.toISOString(), sentAt: iso(sentAt) })),
    checkIns: checkIns.map(({ list, scannedAt, undoneAt, ...checkIn }) => ({ ...checkIn, list: list.name, scannedAt: scannedAt.toISOString(), undoneAt: iso(undoneAt) })),
  };
}

/** Cancels (freeing the place), erases the personal data and the e-mails, and kills the manage link. */
export async function anonymiseRegistration(id: string, now = new Date()) {
  await writeTransaction((sql) => {
    cancelInTransaction(sql, id, now);
    sql.run(
      `UPDATE Registration SET name = '', email = ?, emailNormalized = ?, organization = '', phone = NULL, jobTitle = NULL, answers = '{}',
       organizerNote = '', manageTokenHash = ?, anonymisedAt = ?, updatedAt = ? WHERE id = ?`,
      `deleted-${id}@invalid`,
      `deleted-${id}@invalid`,
      hashSecret(randomUUID()),
      sqlDate(now),
      sqlDate(now),
      id,
    );
    sql.run(`DELETE FROM EmailMessage WHERE registrationId = ?`, id);
  });
  wakeOutboxSender();
  if (!(await checkpointErasedData())) console.warn(`Erasure of registration ${id}: other connections kept the WAL busy for 5 s; its older frames stay until the WAL restarts.`);
}

export async function deleteOwnData(token: string, ip = "") {
  const registration = await requireByToken(token);
  await anonymiseRegistration(registration.id);
  await audit({ action: "attendee.data_deleted", targetType: "Registration", targetId: registration.id, eventId: registration.eventId, ip });
}

// ---- back office ----

export type RegistrationFilter = {
  status?: RegistrationStatus | null;
  categoryId?: string | null;
  firmId?: string | null;
  checkedIn?: boolean | null;
  q?: string | null;
};

export function registrationWhere(eventId: string, filter: RegistrationFilter): Prisma.RegistrationWhereInput {
  const q = filter.q?.trim();
  return {
    eventId,
    anonymisedAt: null,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
    ...(filter.firmId ? { firmId: filter.firmId } : {}),
    ...(filter.checkedIn === true ? { checkedInAt: { not: null } } : filter.checkedIn === false ? { checkedInAt: null } : {}),
    ...(q ? { OR: [{ name: { contains: q } }, { emailNormalized: { contains: q.toLowerCase() } }, { organization: { contains: q } }] } : {}),
  };
}

export async function listRegistrations(eventId: string, filter: RegistrationFilter, take = 500) {
  const db = await prisma();
  const where = registrationWhere(eventId, filter);
  const [rows, total] = await Promise.all([
    db.registration.findMany({
      where,
      include: { category: { select: { name: true, nameEn: true } }, firm: { select: { name: true } } },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      take,
    }),
    db.registration.count({ where }),
  ]);
  return { rows, total };
}

export async function setOrganizerNote(eventId: string, id: string, note: string) {
  const db = await prisma();
  await db.registration.updateMany({ where: { id, eventId }, data: { organizerNote: note.slice(0, 2000) } });
}

export async function registrationCounts(eventId: string) {
  const sql = await rawSql();
  return sql.get<{ capacity: number | null; confirmed: number; waitlisted: number; pending: number }>(
    `SELECT capacity, confirmedCount AS confirmed, waitlistedCount AS waitlisted, pendingCount AS pending FROM Event WHERE id = ?`,
    eventId,
  )!;
}
