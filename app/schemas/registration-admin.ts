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

/**
 * The list's actions. A bulk action applies to the ticked `ids`, or with `scope=filter` to every registration
 * matching the list's filter (the query string the form posts to), of which the organizer confirmed `expected`.
 */
export const decisionSchema = z
  .object({
    intent: z.enum(["approve", "reject", "cancel", "reissue"]),
    scope: z.enum(["ids", "filter"]).default("ids"),
    ids: z.array(z.string().max(64)).max(1000).default([]),
    expected: z.coerce.number().int().min(0).max(1_000_000).optional(),
    id: z.string().max(64).optional(),
  })
  .refine((value) => value.scope !== "filter" || value.expected !== undefined, { message: "validation.required", path: ["expected"] });

const rowId = z.string({ required_error: "validation.required" }).min(1, "validation.required").max(64);

/** The per-person page's forms, told apart by `intent`. */
export const registrationPersonForms = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("reject") }),
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("reissue") }),
  z.object({ intent: z.literal("resend"), messageId: rowId }),
  z.object({ intent: z.literal("addNote"), body: zRequiredLongText(2000) }),
  z.object({ intent: z.literal("deleteNote"), noteId: rowId }),
  z.object({ intent: z.literal("listNote"), note: zLongText(2000) }),
]);

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

const count = (max: number, min = 0) => z.coerce.number({ message: "validation.invalid" }).int("validation.invalid").min(min, "validation.invalid").max(max, "validation.invalid");
const id = z.string({ required_error: "validation.required" }).min(1, "validation.required").max(64);
const names = z.array(z.string().max(64)).max(50).default([]);

/** The registration window and limits; the times are typed in the event's zone, an empty one means "no limit". */
const settingsFields = (timeZone: string) =>
  z.object({
    intent: z.literal("settings"),
    opensAt: optionalZonedDateTime(timeZone),
    closesAt: optionalZonedDateTime(timeZone),
    capacity: optionalCount,
    requiresApproval: flag,
    waitlistEnabled: flag,
    editableFields: names,
  });
const windowInOrder = notBefore("opensAt", "closesAt", "registration.validation.closesBeforeOpens");

export const settingsForm = (timeZone: string) => settingsFields(timeZone).superRefine(windowInOrder);

/** "Confirm the e-mail address first": on, with how long a place is held (default 30 minutes); off holds nothing. */
export const emailConfirmationForm = z.object({
  intent: z.literal("emailConfirmation"),
  confirmEmailFirst: flag,
  holdMinutes: z
    .string()
    .regex(/^$|^\d{1,4}$/, "validation.invalid")
    .optional()
    .transform((value) => (value ? Number(value) : 30))
    .refine((minutes) => minutes >= 5 && minutes <= 1440, "validation.invalid"),
});

export const categoryForm = z.object({
  intent: z.literal("category"),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,32}$/, "validation.invalid"),
  name: zText(50),
  nameEn: zOptionalText(50),
  capacity: optionalCount,
  requiresApproval: flag,
  inviteOnly: flag,
  isDefault: flag,
});

export const quotaForm = z.object({ intent: z.literal("quota"), firmId: id, quota: count(100_000) });

/** A choice question's options, one per line; each gets a stable value by its position. */
export function questionOptions(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => ({ value: `o${index + 1}`, label: line }));
}

export const questionForm = z.object({
  intent: z.literal("question"),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,32}$/, "validation.invalid"),
  label: zText(200),
  labelEn: zOptionalText(200),
  kind: z.enum(["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"]),
  required: flag,
  options: zLongText(5000).transform(questionOptions),
  categoryIds: names,
  attendeeEditable: flag,
});

/** An invite code whose expiry is typed in the event's zone (empty: it never expires); an empty link is none. */
export const inviteForm = (timeZone: string) =>
  z.object({
    intent: z.literal("invite"),
    code: z.string().trim().max(64).optional(),
    label: zOptionalText(100),
    categoryId: z
      .string()
      .max(64)
      .optional()
      .transform((value) => value || null),
    firmId: z
      .string()
      .max(64)
      .optional()
      .transform((value) => value || null),
    maxUses: count(100_000, 1).default(1),
    expiresAt: optionalZonedDateTime(timeZone),
  });

/**
 * The forms that change one existing row. A category's code, a question's key and an invite's code are not
 * among their fields: integrations, stored answers and handed-out codes refer to them. A question's choices
 * come as their labels; the model keeps each existing option's stored value by its label.
 */
export const editCategoryForm = categoryForm.omit({ code: true }).extend({ intent: z.literal("editCategory"), id });
export const editQuotaForm = quotaForm.extend({ intent: z.literal("editQuota") });
export const editQuestionForm = questionForm.omit({ key: true }).extend({
  intent: z.literal("editQuestion"),
  id,
  options: zLongText(5000).transform((text) => questionOptions(text).map((option) => option.label)),
});
export const editInviteForm = (timeZone: string) =>
  inviteForm(timeZone)
    .omit({ code: true })
    .extend({ intent: z.literal("editInvite"), id });

/** The forms that remove one row of a list. */
export const deleteCategoryForm = z.object({ intent: z.literal("deleteCategory"), id });
export const removeQuotaForm = z.object({ intent: z.literal("removeQuota"), firmId: id });
export const deleteQuestionForm = z.object({ intent: z.literal("deleteQuestion"), id });
export const revokeInviteForm = z.object({ intent: z.literal("revokeInvite"), id });

/** Every form of the registration settings page, told apart by `intent`; the window's order is checked after. */
export const registrationSettingsForms = (timeZone: string) =>
  z
    .discriminatedUnion("intent", [
      settingsFields(timeZone),
      emailConfirmationForm,
      categoryForm,
      quotaForm,
      questionForm,
      inviteForm(timeZone),
      editCategoryForm,
      editQuotaForm,
      editQuestionForm,
      editInviteForm(timeZone),
      deleteCategoryForm,
      removeQuotaForm,
      deleteQuestionForm,
      revokeInviteForm,
    ])
    .superRefine((value, ctx) => {
      if (value.intent === "settings") windowInOrder(value, ctx);
    });

/** The CSV import's buttons: check the rows only, or import them. The CSV itself is read by the action. */
export const importForm = z.object({ intent: z.enum(["dry-run", "import"]).default("dry-run") });
