import { z } from "zod";
import { zLongText, zOptionalText, zRequiredLongText, zText } from "~/utils/text";

/**
 * The scenario board's forms (issue 18 §1): a need or an offer, the organizers' moderation, a contact
 * request and the author's answer to it. Messages are i18n keys.
 */
const id = z.string({ required_error: "validation.required" }).min(1, "validation.required").max(64, "validation.invalid");
const budget = z.preprocess(
  (value) => (value === "" || value === undefined ? undefined : value),
  z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid").max(2_000_000_000, "validation.invalid").optional(),
);

// The tags line, however the form library hands it over (one string, or a list of them).
const oneLine = (value: unknown) => (Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : "");

export const boardSides = ["NEED", "OFFER"] as const;

export const boardPostSchema = z
  .object({
    side: z.enum(boardSides, { required_error: "validation.required", invalid_type_error: "validation.invalid" }),
    // The member firm an offer speaks for (a firm contact may speak for several); a need may name one too.
    firmId: zOptionalText(64),
    organizationName: zText(120),
    organizationNameEn: zOptionalText(120),
    title: zText(120),
    titleEn: zOptionalText(120),
    industry: zOptionalText(60),
    scenario: zOptionalText(60),
    description: zRequiredLongText(4000),
    descriptionEn: zLongText(4000),
    details: zLongText(4000),
    detailsEn: zLongText(4000),
    budgetMin: budget,
    budgetMax: budget,
    // One line, separated by commas (either width) or 、
    tags: z
      .preprocess(
        (value) =>
          oneLine(value)
            .split(/[,，、]/)
            .map((tag) => tag.trim()),
        z.array(zOptionalText(30)).max(12, "validation.tooLong|12"),
      )
      .transform((tags) => tags.filter(Boolean)),
    contactName: zText(80),
    contactEmail: zText(200).pipe(z.string().email("validation.email")),
    contactPhone: zOptionalText(40),
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
  z.object({ intent: z.literal("reject"), postId: id, reason: zRequiredLongText(500) }),
]);

export const boardContactRequestSchema = z.object({ intent: z.literal("contact"), fromPostId: id, message: zRequiredLongText(1000) });

export const boardRequestDecisionSchema = z.object({ intent: z.enum(["accept", "decline"]), requestId: id });
