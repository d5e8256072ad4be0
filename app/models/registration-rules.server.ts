import type { RegistrationStatus } from "~/generated/prisma/client";
import type { EditableField } from "~/schemas/registration";
import { editableFieldNames } from "~/schemas/registration";
import { DomainError } from "~/utils/domain-error";

/**
 * The decisions of registration, without I/O (DESIGN.md §3: decisions as pure functions). The write path
 * (registration-write.server.ts) reads, asks these, and writes through the stores.
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

export type RegistrationAnswer = { httpStatus: 201; body: { registration: { id: string; status: PublicStatus; manageUrl: string | null } } } | { httpStatus: 202; body: typeof resentIfRegistered };

export type NewRegistrationAnswer = Extract<RegistrationAnswer, { httpStatus: 201 }>;

/** A 422 with per-field i18n keys (optionally `key|max`), translated by the route. */
export function inputError(fields: Record<string, string>): DomainError {
  return new DomainError("invalid", "invalid_input", "form.fixErrors", undefined, fields);
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

/**
 * Checks answers against the questions shown for the category; returns the cleaned answers or throws 422.
 * A key that is no question of the event is refused (an integrator's typo must not lose an answer silently);
 * an answer to a question of another category is dropped, as the form drops it when the category changes.
 */
export function checkAnswers(questions: QuestionRow[], categoryId: string | null, answers: Record<string, unknown> = {}) {
  const fields: Record<string, string> = {};
  const clean: Record<string, string | string[] | boolean> = {};
  const known = new Set(questions.map((question) => question.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) fields[`answers.${key}`] = "registration.validation.unknownQuestion";
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

type CategoryChoice = { id: string; code: string; inviteOnly: boolean } & DefaultCandidate;

type DefaultCandidate = { inviteOnly: boolean; requiresApproval: boolean; isDefault: boolean; capacity: number | null; confirmedCount: number };

/**
 * The category of a submit that names none, and the one the public form preselects: the organizer's default
 * if it is public, else the first public category (in `position` order) that needs no approval and has room,
 * else the first public one. Without this, an anonymous submit landed in the first public category even when
 * it was full, and was waitlisted while other public seats were free.
 */
export function defaultCategory<C extends DefaultCandidate>(categories: C[]): C | null {
  const open = categories.filter((category) => !category.inviteOnly);
  return (
    open.find((category) => category.isDefault) ?? open.find((category) => !category.requiresApproval && (category.capacity === null || category.confirmedCount < category.capacity)) ?? open[0] ?? null
  );
}

/**
 * The ticket category of a submit: the invite code's, else the one asked for by code, else the default one
 * (`defaultCategory`). Invite-only categories need an invite code (or an organizer import); throws 422 otherwise.
 */
export function chooseCategory<C extends CategoryChoice>(
  categories: C[],
  { inviteCategoryId, code, invited, skipApproval }: { inviteCategoryId: string | null; code: string | null | undefined; invited: boolean; skipApproval: boolean },
): C | null {
  let category: C | null;
  if (inviteCategoryId) category = categories.find((candidate) => candidate.id === inviteCategoryId) ?? null;
  else if (code) {
    category = categories.find((candidate) => candidate.code === code) ?? null;
    if (!category) throw inputError({ category: "registration.validation.category" });
  } else category = defaultCategory(categories);
  if (categories.length && !category) throw inputError({ category: "registration.validation.category" });
  if (category?.inviteOnly && !invited && !skipApproval) throw inputError({ category: "registration.validation.categoryInviteOnly" });
  return category;
}

/** Which counter refused a place: the event's capacity, the category's or the firm's quota. */
export type SeatRefusal = "event" | "category" | "firm";

/**
 * The status a registration gets from the attempt to take a place: confirmed (or held until the address is
 * confirmed), else the waitlist when the event has one; null when it is full and there is no waitlist.
 */
export function statusForSeat(seat: true | SeatRefusal, { holdForConfirmation, waitlistEnabled }: { holdForConfirmation: boolean; waitlistEnabled: boolean }) {
  if (seat === true) return holdForConfirmation ? ("HELD" as const) : ("CONFIRMED" as const);
  return waitlistEnabled ? ("WAITLISTED" as const) : null;
}

/**
 * The waitlist moves up oldest first. When the event is full nobody further down can move up either; a person
 * whose category or firm quota is still full keeps their place in line while the next one moves up.
 */
export function promotionStep(seat: true | SeatRefusal): "promote" | "keep_in_line" | "stop" {
  if (seat === true) return "promote";
  return seat === "event" ? "stop" : "keep_in_line";
}

/** A held place (waiting for the address to be confirmed) counts against capacity like a confirmed one. */
export function holdsSeat(status: RegistrationStatus): boolean {
  return status === "CONFIRMED" || status === "HELD";
}

/** Cancelled and rejected registrations are closed: they can be neither cancelled, decided again nor edited. */
export function isClosed(status: RegistrationStatus): boolean {
  return status === "CANCELLED" || status === "REJECTED";
}

/** The e-mail that tells the person their registration's state (and is re-sent on request), if any. */
export function noticeKind(status: RegistrationStatus): string | null {
  if (status === "CONFIRMED") return "ticket";
  if (status === "WAITLISTED") return "registration-waitlisted";
  if (status === "PENDING_APPROVAL") return "registration-pending";
  if (status === "HELD") return "email-confirmation";
  return null;
}

export type EmailConfirmationState = "open" | "used" | "expired";

export function holdState(row: { status: RegistrationStatus; holdExpiresAt: string | null }, now: Date): EmailConfirmationState {
  if (row.status === "HELD") return row.holdExpiresAt && new Date(row.holdExpiresAt) > now ? "open" : "expired";
  // A released hold keeps its expiry; a confirmed one dropped it.
  return row.status === "CANCELLED" && row.holdExpiresAt ? "expired" : "used";
}

export function editableFieldsOf(event: { editableFields: string }): EditableField[] {
  const listed = JSON.parse(event.editableFields) as string[];
  return editableFieldNames.filter((name) => listed.includes(name));
}

type OwnEdits = { name?: string; organization?: string; phone?: string | null; jobTitle?: string | null };

/**
 * The attendee's own edit as the columns it changes; a field the organizers do not allow is refused with 422.
 * An emptied phone or job title is cleared; an emptied required field keeps its value.
 */
export function ownEdits(allowed: EditableField[], changes: Partial<Record<EditableField, string | undefined>>): OwnEdits {
  const refused = Object.keys(changes).filter((name) => changes[name as EditableField] !== undefined && !allowed.includes(name as EditableField));
  if (refused.length) throw inputError(Object.fromEntries(refused.map((name) => [name, "registration.error.notEditable"])));
  const data: OwnEdits = {};
  for (const name of allowed) {
    const value = changes[name];
    if (value === undefined) continue;
    if (name === "phone" || name === "jobTitle") data[name] = value || null;
    else if (value) data[name] = value;
  }
  return data;
}
