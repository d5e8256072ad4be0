import { z } from "zod";
import { isValidTimeZone, parseLocalDateTime } from "~/utils/time";
import { dateTimeIssue } from "~/utils/zoned-input";
import { zLongText, zOptionalText, zText } from "~/utils/text";
import { questionOptions } from "./registration-admin";

/**
 * The forms of the typical-case call: the organizer's call (facts, submission form, rubric and review
 * settings) and the submitter's case. Opening and closing are typed in the call's own zone to the second.
 */

const typedString = () => z.string({ required_error: "validation.required", invalid_type_error: "validation.invalid" });
const requiredField = typedString().trim().min(1, "validation.required");
const flag = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");
const id = z.string({ required_error: "validation.required" }).min(1, "validation.required").max(64);
// A repeated field arrives as a string when one box is ticked and an array when several are.
const codes = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().trim().max(64)).max(50));
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const count = (min: number, max: number) => z.coerce.number({ message: "validation.invalid" }).int("validation.invalid").min(min, "validation.invalid").max(max, "validation.invalid");

export const callFactsFields = z.object({
  title: zText(200),
  titleEn: zOptionalText(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => value || null)
    .pipe(z.string().min(3, "agenda.validation.slug").max(80, "agenda.validation.slug").regex(slugPattern, "agenda.validation.slug").nullable()),
  description: zLongText(10000),
  descriptionEn: zLongText(10000),
  eligibility: zLongText(5000),
  eligibilityEn: zLongText(5000),
  industryCodes: codes,
  scenarioCodes: codes,
  timeZone: requiredField.refine(isValidTimeZone, "agenda.validation.timeZone"),
  opensAt: requiredField,
  closesAt: requiredField,
  licence: zLongText(10000),
  licenceEn: zLongText(10000),
  licenceVersion: zText(20),
});

type CallFactsInput = z.output<typeof callFactsFields>;

function withWindow(input: CallFactsInput, ctx: z.RefinementCtx) {
  const opens = parseLocalDateTime(input.opensAt, input.timeZone);
  const closes = parseLocalDateTime(input.closesAt, input.timeZone);
  if (!opens.ok) ctx.addIssue({ code: "custom", path: ["opensAt"], message: dateTimeIssue(opens.reason) });
  if (!closes.ok) ctx.addIssue({ code: "custom", path: ["closesAt"], message: dateTimeIssue(closes.reason) });
  if (!opens.ok || !closes.ok) return z.NEVER;
  if (closes.instant <= opens.instant) {
    ctx.addIssue({ code: "custom", path: ["closesAt"], message: "agenda.validation.endBeforeStart" });
    return z.NEVER;
  }
  return { ...input, opensAt: opens.instant, closesAt: closes.instant };
}

/** The call's facts with its window read in its zone: instants, closing after opening. */
export const callFactsSchema = callFactsFields.transform(withWindow);

export type CallFacts = z.output<typeof callFactsSchema>;

/** The overview tab: the facts (`save`), or publishing and withdrawing the call's page. */
export const callOverviewForms = z
  .discriminatedUnion("intent", [callFactsFields.extend({ intent: z.literal("save") }), z.object({ intent: z.enum(["publish", "unpublish"]) })])
  .transform((value, ctx) => {
    if (value.intent !== "save") return { intent: value.intent };
    const { intent, ...fields } = value;
    return { intent, facts: withWindow(fields, ctx) };
  });

export const questionKinds = ["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"] as const;

const questionFields = {
  label: zText(200),
  labelEn: zOptionalText(200),
  kind: z.enum(questionKinds, { message: "validation.invalid" }),
  required: flag,
  options: zLongText(5000).transform(questionOptions),
};

/** The submission form tab: custom questions (the registration questions' kinds) and attachment limits. */
export const callFormForms = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("question"),
    key: z
      .string({ required_error: "validation.required" })
      .trim()
      .regex(/^[a-z0-9_]{1,32}$/, "validation.invalid"),
    ...questionFields,
  }),
  z.object({ intent: z.literal("editQuestion"), id, ...questionFields }),
  z.object({ intent: z.literal("deleteQuestion"), id }),
  z.object({ intent: z.literal("attachments"), maxAttachments: count(0, 20), maxAttachmentMb: count(1, 50) }),
]);

const criterionFields = {
  name: zText(100),
  nameEn: zOptionalText(100),
  description: zLongText(1000),
  descriptionEn: zLongText(1000),
  weight: z.coerce.number({ message: "validation.invalid" }).min(0.1, "validation.invalid").max(10, "validation.invalid"),
};

/** The rubric tab: weighted criteria and how the call is reviewed. */
export const callRubricForms = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("criterion"), ...criterionFields }),
  z.object({ intent: z.literal("editCriterion"), id, ...criterionFields }),
  z.object({ intent: z.literal("deleteCriterion"), id }),
  z.object({ intent: z.literal("review"), blindReview: flag, normaliseScores: flag, reviewersPerCase: count(1, 10) }),
]);

/** One figure of a case ("审批时效" · "缩短 60%"); rows left empty are dropped. */
const figures = z.preprocess(
  (value) => (Array.isArray(value) ? value : []),
  z
    .array(z.object({ label: zOptionalText(60), labelEn: zOptionalText(60), value: zOptionalText(60) }))
    .max(12)
    .transform((rows) => rows.filter((row) => row.label || row.value)),
);

const coSubmitters = z.preprocess(
  (value) => (Array.isArray(value) ? value : []),
  z
    .array(z.object({ firmId: z.string().trim().max(64).optional().default(""), name: zOptionalText(200) }))
    .max(10)
    .transform((rows) => rows.filter((row) => row.firmId || row.name)),
);

/**
 * The case as the submitter edits it. A draft may be saved half-filled; `submit` asks for every fixed field,
 * the required custom questions (checked by the model, which knows them) and consent to the licence.
 */
const caseFields = {
  title: zOptionalText(200),
  titleEn: zOptionalText(200),
  industry: z.string().trim().max(64).optional().default(""),
  scenario: z.string().trim().max(64).optional().default(""),
  summary: zLongText(1000),
  problem: zLongText(5000),
  solution: zLongText(10000),
  results: zLongText(5000),
  figures,
  coSubmitters,
  contactName: zOptionalText(100),
  contactEmail: z
    .union([z.literal(""), z.string().trim().toLowerCase().email("validation.email").max(254)])
    .optional()
    .default(""),
  contactPhone: zOptionalText(40),
  publicationConsent: flag,
};

export const caseDraftFields = z.object(caseFields);
export type CaseDraft = z.output<typeof caseDraftFields>;

export const submissionForms = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), ...caseFields }),
  z.object({ intent: z.literal("submit"), ...caseFields }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("deleteAttachment"), attachmentId: id }),
]);

/** The fixed fields `submit` asks for. */
export const requiredCaseFields = ["title", "industry", "scenario", "summary", "problem", "solution", "results", "contactName", "contactEmail"] as const;

/** A person outside the member firms asks for a contributor account; the e-mailed link sets the password. */
export const contributorSignupSchema = z.object({
  name: zText(100),
  email: typedString().trim().toLowerCase().email("validation.email").max(254),
  organization: zText(200),
});
