import { z } from "zod";
import { notBefore, optionalZonedDateTime } from "~/utils/zoned-input";
import { zLongText, zOptionalText, zRequiredLongText, zText } from "~/utils/text";

/** Filters of the back office registration list, read from the query string (shared by list, export and bulk message). */
export const registrationFilterSchema = z.object({
  status: z.enum(["CONFIRMED", "WAITLISTED", "PENDING_APPROVAL", "REJECTED", "CANCELLED", "HELD"]).optional().catch(undefined),
  categoryId: z.string().max(64).optional().catch(undefined),
  firmId: z.string().max(64).optional().catch(undefined),
  checkedIn: z
    .enum(["yes", "no"])
    .optional()
    .catch(undefined)
    .transform((value) => (value === "yes" ? true : value === "no" ? false : null)),
  q: z.string().max(100).optional().catch(undefined),
});

export function filterFromSearchParams(params: URLSearchParams) {
  return registrationFilterSchema.parse(Object.fromEntries([...params].filter(([, value]) => value !== "")));
}

export const decisionSchema = z.object({
  intent: z.enum(["approve", "reject", "cancel", "note", "reissue"]),
  ids: z.array(z.string().max(64)).max(1000).default([]),
  id: z.string().max(64).optional(),
  note: zLongText(2000),
});

export const bulkMessageSchema = z.object({
  subject: zText(200),
  body: zRequiredLongText(10_000),
  intent: z.enum(["preview", "send"]),
});

const optionalCount = z
  .string()
  .regex(/^$|^\d{1,6}$/, "validation.invalid")
  .optional()
  .transform((value) => (value ? Number(value) : null));
const flag = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The registration window and limits; the times are typed in the event's zone, an empty one means "no limit". */
export function settingsSchema(timeZone: string) {
  return z
    .object({
      opensAt: optionalZonedDateTime(timeZone),
      closesAt: optionalZonedDateTime(timeZone),
      capacity: optionalCount,
      requiresApproval: flag,
      waitlistEnabled: flag,
    })
    .superRefine(notBefore("opensAt", "closesAt", "registration.validation.closesBeforeOpens"));
}

// "Confirm the e-mail address first": on, with how long a place is held (default 30 minutes).
export const emailConfirmationSchema = z
  .object({
    confirmEmailFirst: flag,
    holdMinutes: z
      .string()
      .regex(/^$|^\d{1,4}$/, "validation.invalid")
      .optional()
      .transform((value) => (value ? Number(value) : 30))
      .refine((minutes) => minutes >= 5 && minutes <= 1440, "validation.invalid"),
  })
  .transform(({ confirmEmailFirst, holdMinutes }) => ({ holdMinutes: confirmEmailFirst ? holdMinutes : null }));

export const categorySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,32}$/, "validation.invalid"),
  name: zText(50),
  nameEn: zOptionalText(50),
  capacity: optionalCount,
  requiresApproval: flag,
  inviteOnly: flag,
});

export const quotaSchema = z.object({ firmId: z.string().min(1, "validation.required").max(64), quota: z.coerce.number().int().min(0).max(100_000) });

export const questionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,32}$/, "validation.invalid"),
  label: zText(200),
  labelEn: zOptionalText(200),
  kind: z.enum(["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"]),
  required: flag,
  options: zLongText(5000),
});

export const inviteSchema = z.object({
  code: z.string().trim().max(64).optional(),
  label: zOptionalText(100),
  categoryId: z.string().max(64).optional(),
  firmId: z.string().max(64).optional(),
  maxUses: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** An invite code whose expiry is typed in the event's zone (empty: it never expires). */
export const inviteSchemaIn = (timeZone: string) => inviteSchema.extend({ expiresAt: optionalZonedDateTime(timeZone) });
