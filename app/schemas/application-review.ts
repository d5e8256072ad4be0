import { z } from "zod";
import { zLongText, zRequiredLongText } from "~/utils/text";
import { applicationStatuses } from "./application";

/** The two forms of an application's review page, told apart by `intent`. Messages are i18n keys. */
export const reviewForm = z.object({
  intent: z.literal("review"),
  to: z.enum(applicationStatuses, { errorMap: () => ({ message: "validation.invalid" }) }),
  message: zLongText(4000),
});

export const reviewerNoteForm = z.object({ intent: z.literal("note"), note: zRequiredLongText(4000) });

export const applicationReviewForms = z.discriminatedUnion("intent", [reviewForm, reviewerNoteForm]);
