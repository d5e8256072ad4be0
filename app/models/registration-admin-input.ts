import { z } from "zod";

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
  intent: z.enum(["approve", "reject", "cancel", "note"]),
  ids: z.array(z.string().max(64)).max(1000).default([]),
  id: z.string().max(64).optional(),
  note: z.string().max(2000).optional(),
});

export const bulkMessageSchema = z.object({
  subject: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong|200"),
  body: z.string().trim().min(1, "validation.required").max(10_000, "validation.tooLong|10000"),
  intent: z.enum(["preview", "send"]),
});

const localDateTime = z
  .string()
  .regex(/^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "validation.invalid")
  .optional()
  .transform((value) => value || null);
const optionalCount = z
  .string()
  .regex(/^$|^\d{1,6}$/, "validation.invalid")
  .optional()
  .transform((value) => (value ? Number(value) : null));
const flag = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const settingsSchema = z.object({
  opensAt: localDateTime,
  closesAt: localDateTime,
  capacity: optionalCount,
  requiresApproval: flag,
  waitlistEnabled: flag,
});

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
  code: z.string().trim().regex(/^[a-z0-9-]{1,32}$/, "validation.invalid"),
  name: z.string().trim().min(1, "validation.required").max(50, "validation.tooLong|50"),
  nameEn: z.string().trim().max(50, "validation.tooLong|50").optional(),
  capacity: optionalCount,
  requiresApproval: flag,
  inviteOnly: flag,
});

export const quotaSchema = z.object({ firmId: z.string().min(1, "validation.required").max(64), quota: z.coerce.number().int().min(0).max(100_000) });

export const questionSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9_]{1,32}$/, "validation.invalid"),
  label: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong|200"),
  labelEn: z.string().trim().max(200).optional(),
  kind: z.enum(["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"]),
  required: flag,
  options: z.string().max(5000).optional(),
});

export const inviteSchema = z.object({
  code: z.string().trim().max(64).optional(),
  label: z.string().trim().max(100).optional(),
  categoryId: z.string().max(64).optional(),
  firmId: z.string().max(64).optional(),
  maxUses: z.coerce.number().int().min(1).max(100_000).default(1),
  expiresAt: localDateTime,
});
