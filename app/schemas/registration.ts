import { z } from "zod";
import { zLongText, zOptionalText, zText } from "~/utils/text";

/**
 * The one schema of a registration submit, shared by the public form (Conform) and
 * `POST /api/v1/events/:slug/registrations` (DESIGN.md §5). Messages are i18n keys, optionally followed by
 * `|<max>`; `translateMessage` turns them into the caller's language.
 */
const optionalText = (max: number) => zOptionalText(max).transform((value) => (value ? value : undefined));

export const answerValue = z.union([zLongText(2000), z.array(zText(200)).max(50), z.boolean()]);

export const registrationInputSchema = z.object({
  name: zText(100),
  email: z
    .string({ required_error: "validation.required", invalid_type_error: "validation.invalid" })
    .trim()
    .min(1, "validation.required")
    .max(254, "validation.tooLong|254")
    .email("validation.email"),
  organization: zText(200),
  phone: z
    .string({ invalid_type_error: "validation.invalid" })
    .trim()
    .max(30, "validation.tooLong|30")
    .regex(/^$|^\+?[0-9][0-9 ()-]{5,28}$/, "registration.validation.phone")
    .optional()
    .transform((value) => (value ? value : undefined)),
  jobTitle: optionalText(100),
  category: optionalText(64),
  inviteCode: optionalText(64),
  answers: z.record(z.string().max(64), answerValue, { invalid_type_error: "validation.invalid" }).optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
  // The privacy notice version the person read (GET /api/v1/events/:slug); a stale one is refused with 409.
  privacyNoticeVersion: optionalText(20),
  consent: z.boolean({ required_error: "registration.validation.consent", invalid_type_error: "registration.validation.consent" }).refine((value) => value === true, "registration.validation.consent"),
  // Honeypot: a hidden field people never fill in.
  website: z.string().max(500).optional(),
});

export type RegistrationInput = z.infer<typeof registrationInputSchema>;

/** The fields an attendee may change later from the manage link (the organizer picks a subset). */
export const editableFieldNames = ["name", "organization", "phone", "jobTitle"] as const;
export type EditableField = (typeof editableFieldNames)[number];

export const registrationEditSchema = registrationInputSchema.pick({ name: true, organization: true, phone: true, jobTitle: true }).partial();

// Conform reads an empty field as absent, yet a name or organization the attendee empties is a refusal, not
// "no change": it is marked before Conform strips it, so its field is refused beside every other field's error.
const emptied = "\u0000";
function keepEmptiedRequired(form: unknown) {
  if (!form || typeof form !== "object") return form;
  const values: Record<string, unknown> = { ...form };
  for (const name of ["name", "organization"]) if (values[name] === "") values[name] = emptied;
  return values;
}
const requiredWhenSent = (text: typeof registrationInputSchema.shape.name) =>
  z
    .string()
    .refine((value) => value !== emptied, "validation.required")
    .pipe(text)
    .optional();

const editForm = registrationEditSchema.extend({
  intent: z.literal("edit"),
  name: requiredWhenSent(registrationInputSchema.shape.name),
  organization: requiredWhenSent(registrationInputSchema.shape.organization),
});

/** The attendee's answers to the questions they may change; an emptied answer is absent, so none is required here. */
export const manageAnswersForm = z.object({
  intent: z.literal("answers"),
  answers: z.record(z.string().max(64), answerValue, { invalid_type_error: "validation.invalid" }).default({}),
});

/** The forms of the attendee's manage page (`/r/:token`), told apart by `intent`. */
export const manageEditSchema = z.preprocess(keepEmptiedRequired, editForm);
export const manageForms = z.preprocess(
  keepEmptiedRequired,
  z.discriminatedUnion("intent", [editForm, manageAnswersForm, z.object({ intent: z.literal("cancel") }), z.object({ intent: z.literal("resend") }), z.object({ intent: z.literal("delete") })]),
);

/** The button on the e-mailed confirmation link: the token is in the URL, the form carries nothing. */
export const confirmEmailForm = z.object({});
