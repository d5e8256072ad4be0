import type { QuestionKind } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { randomSecret } from "~/utils/secrets.server";
import { editableFieldNames } from "~/schemas/registration";
import { audit, type AuditAction } from "./audit.server";
import { answerUse, choiceKinds, editedOptions, kindChangeAllowed, type ChoiceOption } from "./question-edit-rules";
import { defaultCategory } from "./registration-rules.server";
import { promoteWaitlist } from "./registration-write.server";

/** What the public form needs: the event, its categories and its questions (choices parsed). */
export async function registrationFormData(slug: string) {
  const db = await prisma();
  const event = await db.event.findFirst({
    where: { slug, status: "PUBLISHED" },
    include: { ticketCategories: { orderBy: { position: "asc" } }, questions: { orderBy: { position: "asc" } } },
  });
  if (!event) return null;
  const { ticketCategories, questions, ...rest } = event;
  const preselected = defaultCategory(ticketCategories);
  return {
    event: rest,
    categories: ticketCategories.map((category) => {
      const { id, code, name, nameEn, inviteOnly, requiresApproval } = category;
      return { id, code, name, nameEn, inviteOnly, requiresApproval, default: category === preselected };
    }),
    questions: questions.map((question) => ({
      id: question.id,
      key: question.key,
      label: question.label,
      labelEn: question.labelEn,
      kind: question.kind,
      required: question.required,
      options: JSON.parse(question.options) as { value: string; label: string; labelEn?: string }[],
      categoryIds: JSON.parse(question.categoryIds) as string[],
    })),
  };
}

export async function registrationSettings(eventId: string) {
  const db = await prisma();
  return db.event.findUniqueOrThrow({
    where: { id: eventId },
    include: {
      ticketCategories: { orderBy: { position: "asc" } },
      firmQuotas: { include: { firm: { select: { name: true } } } },
      questions: { orderBy: { position: "asc" } },
      inviteCodes: { orderBy: { createdAt: "desc" }, include: { category: { select: { name: true, nameEn: true } }, firm: { select: { name: true } } } },
    },
  });
}

/** Window, capacity, approval, waitlist and editable fields. Raising the capacity moves the waitlist up. */
export async function updateRegistrationSettings(
  eventId: string,
  settings: { registrationOpensAt: Date | null; registrationClosesAt: Date | null; capacity: number | null; requiresApproval: boolean; waitlistEnabled: boolean; editableFields: string[] },
) {
  const db = await prisma();
  await db.event.update({
    where: { id: eventId },
    data: { ...settings, editableFields: JSON.stringify(settings.editableFields.filter((name) => (editableFieldNames as readonly string[]).includes(name))) },
  });
  return promoteWaitlist(eventId);
}

/** Turns "confirm the e-mail address first" on (places held this many minutes) or off (null). */
export async function updateEmailConfirmation(eventId: string, holdMinutes: number | null) {
  const db = await prisma();
  await db.event.update({ where: { id: eventId }, data: { emailConfirmHoldMinutes: holdMinutes } });
}

/** Adds or changes a category by its code. Marking it the default unmarks the others in the same transaction. */
export async function upsertCategory(
  eventId: string,
  category: { code: string; name: string; nameEn?: string; capacity?: number | null; requiresApproval?: boolean; inviteOnly?: boolean; isDefault?: boolean; position?: number },
) {
  const db = await prisma();
  const isDefault = category.isDefault ?? false;
  const upsert = db.ticketCategory.upsert({
    where: { eventId_code: { eventId, code: category.code } },
    update: {
      name: category.name,
      nameEn: category.nameEn ?? "",
      capacity: category.capacity ?? null,
      requiresApproval: category.requiresApproval ?? false,
      inviteOnly: category.inviteOnly ?? false,
      isDefault,
    },
    create: { eventId, ...category, nameEn: category.nameEn ?? "", capacity: category.capacity ?? null, isDefault },
  });
  const unmarkOthers = db.ticketCategory.updateMany({ where: { eventId, isDefault: true, code: { not: category.code } }, data: { isDefault: false } });
  const saved = isDefault ? (await db.$transaction([unmarkOthers, upsert]))[1] : await upsert;
  await promoteWaitlist(eventId);
  return saved;
}

export async function deleteCategory(eventId: string, id: string) {
  const db = await prisma();
  const used = await db.registration.count({ where: { categoryId: id, status: { in: ["CONFIRMED", "WAITLISTED", "PENDING_APPROVAL"] } } });
  if (used) throw new DomainError("conflict", "in_use", "validation.invalid");
  await db.ticketCategory.deleteMany({ where: { id, eventId } });
}

/** A firm's quota; its counter starts from the firm's confirmed registrations so later releases stay exact. */
export async function setFirmQuota(eventId: string, firmId: string, quota: number) {
  const db = await prisma();
  const confirmed = await db.registration.count({ where: { eventId, firmId, status: "CONFIRMED" } });
  const saved = await db.firmQuota.upsert({
    where: { eventId_firmId: { eventId, firmId } },
    update: { quota },
    create: { eventId, firmId, quota, confirmedCount: confirmed },
  });
  await promoteWaitlist(eventId);
  return saved;
}

export async function removeFirmQuota(eventId: string, firmId: string) {
  const db = await prisma();
  await db.firmQuota.deleteMany({ where: { eventId, firmId } });
  await promoteWaitlist(eventId);
}

export async function upsertQuestion(
  eventId: string,
  question: {
    key: string;
    label: string;
    labelEn?: string;
    kind: QuestionKind;
    required?: boolean;
    options?: { value: string; label: string; labelEn?: string }[];
    categoryIds?: string[];
    position?: number;
    attendeeEditable?: boolean;
  },
) {
  const db = await prisma();
  const data = {
    label: question.label,
    labelEn: question.labelEn ?? "",
    kind: question.kind,
    required: question.required ?? false,
    options: JSON.stringify(question.options ?? []),
    categoryIds: JSON.stringify(question.categoryIds ?? []),
    position: question.position ?? 0,
    attendeeEditable: question.attendeeEditable ?? false,
  };
  return db.registrationQuestion.upsert({ where: { eventId_key: { eventId, key: question.key } }, update: data, create: { eventId, key: question.key, ...data } });
}

export async function deleteQuestion(eventId: string, id: string) {
  const db = await prisma();
  await db.registrationQuestion.deleteMany({ where: { id, eventId } });
}

export async function createInviteCode(eventId: string, invite: { code?: string; label?: string; categoryId?: string | null; firmId?: string | null; maxUses?: number; expiresAt?: Date | null }) {
  const db = await prisma();
  const code = invite.code?.trim() || randomSecret(6).replace(/[-_]/g, "X").toUpperCase();
  return db.inviteCode.upsert({
    where: { eventId_code: { eventId, code } },
    update: {},
    create: { eventId, code, label: invite.label ?? "", categoryId: invite.categoryId ?? null, firmId: invite.firmId ?? null, maxUses: invite.maxUses ?? 1, expiresAt: invite.expiresAt ?? null },
  });
}

export async function revokeInviteCode(eventId: string, id: string) {
  const db = await prisma();
  await db.inviteCode.updateMany({ where: { id, eventId }, data: { revokedAt: new Date() } });
}

// ---- editing what exists (issue 14 §5): each edit is refused at its field when it would break what is stored ----

/** A refusal shown at one field of the edit form; `count` is the number its message names. */
function refusedAt(field: string, messageKey: MessageKey, count?: number): DomainError {
  return new DomainError("conflict", "edit_refused", messageKey, count === undefined ? undefined : { max: count }, { [field]: count === undefined ? messageKey : `${messageKey}|${count}` });
}

const settingsChanged = (action: AuditAction, eventId: string, actorUserId: string, details: Record<string, unknown>) =>
  audit({ action, actorUserId, targetType: "Event", targetId: eventId, eventId, details });

/**
 * Changes a category's names, capacity, approval, invite-only and default marks. Its code stays: the API and
 * imports name categories by it. A capacity below the places already taken is refused; the check is part of
 * the UPDATE so a registration confirmed meanwhile cannot slip under it. Marking it the default unmarks the others.
 */
export async function updateCategory(
  eventId: string,
  id: string,
  changes: { name: string; nameEn?: string; capacity: number | null; requiresApproval: boolean; inviteOnly: boolean; isDefault: boolean },
  actorUserId: string,
) {
  const db = await prisma();
  const before = await db.ticketCategory.findFirst({ where: { id, eventId } });
  if (!before) throw new DomainError("not_found", "unknown_category", "registrationEdit.error.gone");
  const data = { ...changes, nameEn: changes.nameEn ?? "" };
  const updated = await db.ticketCategory.updateMany({ where: { id, eventId, ...(changes.capacity === null ? {} : { confirmedCount: { lte: changes.capacity } }) }, data });
  // After the guarded UPDATE, so a refused edit unmarks nothing; for that moment two defaults read as the first.
  if (updated.count && changes.isDefault) await db.ticketCategory.updateMany({ where: { eventId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
  if (updated.count === 0) {
    const { confirmedCount } = await db.ticketCategory.findUniqueOrThrow({ where: { id } });
    throw refusedAt("capacity", "registrationEdit.error.belowConfirmed", confirmedCount);
  }
  await settingsChanged("registration.category_updated", eventId, actorUserId, { category: before.code, before: pick(before, data), after: data });
  await promoteWaitlist(eventId);
}

/** Changes a firm's quota; a quota below the firm's places already taken is refused in the same UPDATE. */
export async function updateFirmQuota(eventId: string, firmId: string, quota: number, actorUserId: string) {
  const db = await prisma();
  const before = await db.firmQuota.findUnique({ where: { eventId_firmId: { eventId, firmId } } });
  if (!before) throw new DomainError("not_found", "unknown_quota", "registrationEdit.error.gone");
  const updated = await db.firmQuota.updateMany({ where: { eventId, firmId, confirmedCount: { lte: quota } }, data: { quota } });
  if (updated.count === 0) {
    const { confirmedCount } = await db.firmQuota.findUniqueOrThrow({ where: { eventId_firmId: { eventId, firmId } } });
    throw refusedAt("quota", "registrationEdit.error.belowConfirmed", confirmedCount);
  }
  await settingsChanged("registration.quota_updated", eventId, actorUserId, { firmId, before: { quota: before.quota }, after: { quota } });
  await promoteWaitlist(eventId);
}

/**
 * Changes a question. Its key stays (answers are stored by it). Once people have answered, its type may only
 * change where every stored answer stays valid (text to long text, phone to text), and a choice somebody
 * chose may not be removed or renamed: a line with an existing label keeps its option, so reordering and
 * adding choices are safe. Answers already given are never rewritten.
 */
export async function updateQuestion(
  eventId: string,
  id: string,
  changes: { label: string; labelEn?: string; kind: QuestionKind; required: boolean; options: string[]; categoryIds: string[]; attendeeEditable: boolean },
  actorUserId: string,
) {
  const db = await prisma();
  const before = await db.registrationQuestion.findFirst({ where: { id, eventId } });
  if (!before) throw new DomainError("not_found", "unknown_question", "registrationEdit.error.gone");
  const stored = await db.registration.findMany({ where: { eventId, anonymisedAt: null }, select: { answers: true } });
  const use = answerUse(
    stored.map((row) => JSON.parse(row.answers) as Record<string, unknown>),
    before.key,
  );
  if (!kindChangeAllowed(before.kind, changes.kind, use.answered > 0)) throw refusedAt("kind", "registrationEdit.error.kindAnswered", use.answered);
  const isChoice = choiceKinds.includes(changes.kind);
  const { options, dropped } = editedOptions(JSON.parse(before.options) as ChoiceOption[], isChoice ? changes.options : []);
  const orphaned = isChoice ? dropped.filter((option) => use.chosen.has(option.value)) : [];
  if (orphaned.length) {
    throw new DomainError(
      "conflict",
      "edit_refused",
      "registrationEdit.error.optionChosen",
      { options: orphaned.map((option) => option.label).join(" / ") },
      { options: "registrationEdit.error.optionChosenField" },
    );
  }
  if (isChoice && options.length === 0) throw refusedAt("options", "registrationEdit.error.noOptions");
  const data = {
    label: changes.label,
    labelEn: changes.labelEn ?? "",
    kind: changes.kind,
    required: changes.required,
    options: JSON.stringify(options),
    categoryIds: JSON.stringify(changes.categoryIds),
    attendeeEditable: changes.attendeeEditable,
  };
  await db.registrationQuestion.update({ where: { id }, data });
  await settingsChanged("registration.question_updated", eventId, actorUserId, { question: before.key, before: pick(before, data), after: data });
}

/**
 * Changes an invite code's label, category, firm, uses allowed and expiry. The code itself stays (it has been
 * handed out); a revoked code is not edited; fewer uses than already made are refused in the same UPDATE.
 */
export async function updateInviteCode(
  eventId: string,
  id: string,
  changes: { label?: string; categoryId: string | null; firmId: string | null; maxUses: number; expiresAt: Date | null },
  actorUserId: string,
) {
  const db = await prisma();
  const before = await db.inviteCode.findFirst({ where: { id, eventId } });
  if (!before) throw new DomainError("not_found", "unknown_invite", "registrationEdit.error.gone");
  if (before.revokedAt) throw new DomainError("conflict", "invite_revoked", "registrationEdit.error.revoked");
  if (changes.categoryId && !(await db.ticketCategory.count({ where: { id: changes.categoryId, eventId } }))) throw refusedAt("categoryId", "registration.validation.category");
  const data = { ...changes, label: changes.label ?? "" };
  const updated = await db.inviteCode.updateMany({ where: { id, eventId, usedCount: { lte: changes.maxUses } }, data });
  if (updated.count === 0) {
    const { usedCount } = await db.inviteCode.findUniqueOrThrow({ where: { id } });
    throw refusedAt("maxUses", "registrationEdit.error.belowUsed", usedCount);
  }
  await settingsChanged("registration.invite_updated", eventId, actorUserId, { invite: before.id, before: pick(before, data), after: data });
}

/** The values an edit had before, for the audit entry (only the columns it sets). */
function pick(row: Record<string, unknown>, changed: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(changed).map((name) => [name, row[name]]));
}

export async function listFirms() {
  const db = await prisma();
  return db.firm.findMany({ where: { status: "ACTIVE" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
