import type { QuestionKind } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { randomSecret } from "~/utils/secrets.server";
import { editableFieldNames } from "~/schemas/registration";
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
      inviteCodes: { orderBy: { createdAt: "desc" }, include: { category: { select: { name: true } }, firm: { select: { name: true } } } },
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

export async function listFirms() {
  const db = await prisma();
  return db.firm.findMany({ where: { status: "ACTIVE" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
