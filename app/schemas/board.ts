import { z } from "zod";

/**
 * The scenario board's forms (issue 18 §1): a need or an offer, the organizers' moderation, a contact
 * request and the author's answer to it. Messages are i18n keys.
 */
const text = (max: number) => z.string({ invalid_type_error: "validation.invalid" }).trim().max(max, `validation.tooLong|${max}`);
const required = (max: number) =>
  z.string({ required_error: "validation.required", invalid_type_error: "validation.invalid" }).trim().min(1, "validation.required").max(max, `validation.tooLong|${max}`);
const id = z.string({ required_error: "validation.required" }).min(1, "validation.required").max(64, "validation.invalid");
const budget = z.preprocess(
  (value) => (value === "" || value === undefined ? undefined : value),
  z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid").max(2_000_000_000, "validation.invalid").optional(),
);

export const boardSides = ["NEED", "OFFER"] as const;

export const boardPostSchema = z
  .object({
    side: z.enum(boardSides, { required_error: "validation.required", invalid_type_error: "validation.invalid" }),
    // The member firm an offer speaks for (a firm contact may speak for several); a need may name one too.
    firmId: text(64).optional(),
    organizationName: required(120),
    organizationNameEn: text(120).default(""),
    title: required(120),
    titleEn: text(120).default(""),
    industry: text(60).optional(),
    scenario: text(60).optional(),
    description: required(4000),
    descriptionEn: text(4000).default(""),
    details: text(4000).default(""),
    detailsEn: text(4000).default(""),
    budgetMin: budget,
    budgetMax: budget,
    // One line, separated by commas (either width) or 、
    tags: z
      .preprocess((value) => (typeof value === "string" ? value.split(/[,，、]/).map((tag) => tag.trim()) : []), z.array(text(30)).max(12, "validation.tooLong|12"))
      .transform((tags) => tags.filter(Boolean)),
    contactName: required(80),
    contactEmail: required(200).email("validation.email"),
    contactPhone: text(40).default(""),
  })
  .superRefine((value, context) => {
    if (value.budgetMin != null && value.budgetMax != null && value.budgetMin > value.budgetMax) {
      context.addIssue({ code: "custom", path: ["budgetMax"], message: "board.form.budgetOrder" });
    }
    if (value.side === "OFFER" && !value.firmId) context.addIssue({ code: "custom", path: ["firmId"], message: "validation.required" });
  });
export type BoardPostInput = z.output<typeof boardPostSchema>;

export const boardModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), postId: id }),
  z.object({ intent: z.literal("reject"), postId: id, reason: required(500) }),
]);

export const boardContactRequestSchema = z.object({ intent: z.literal("contact"), fromPostId: id, message: required(1000) });

export const boardRequestDecisionSchema = z.object({ intent: z.enum(["accept", "decline"]), requestId: id });
