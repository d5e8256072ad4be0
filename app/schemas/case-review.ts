import { z } from "zod";
import { zLongText, zOptionalText, zText } from "~/utils/text";

/** The forms of a call's review: the reviewer's score sheet and the organizer's review page. Messages are i18n keys. */
/** 典型案例 / 优秀案例 / 未入选, in the order the organizer sees them. */
export const caseDecisions = ["TYPICAL", "EXCELLENT", "NOT_SELECTED"] as const;

const id = z.string({ required_error: "validation.required" }).min(1, "validation.required").max(100);

export const scoreSheetForm = z.object({
  intent: z.enum(["save", "complete"]),
  comment: zLongText(4000),
  scores: z
    .array(
      z.object({
        criterionId: id,
        score: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(5, "validation.invalid").optional(),
        comment: zLongText(2000),
      }),
    )
    .max(50)
    .default([]),
});

const addReviewer = z.object({
  intent: z.literal("add-reviewer"),
  email: zText(254),
  name: zOptionalText(100),
  locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
});
const recordConflict = z.object({ intent: z.literal("record-conflict"), userId: id, firmId: id, kind: z.enum(["OWN_FIRM", "DECLARED"]).default("DECLARED"), note: zOptionalText(500) });
const removeConflict = z.object({ intent: z.literal("remove-conflict"), conflictId: id });
const assign = z.object({ intent: z.literal("assign"), submissionId: id, reviewerUserId: id });
const unassign = z.object({ intent: z.literal("unassign"), assignmentId: id });
const autoAssign = z.object({ intent: z.literal("auto-assign") });
const shortlist = z.object({ intent: z.literal("shortlist"), submissionId: id, shortlisted: z.enum(["true", "false"]).transform((value) => value === "true") });
const decide = z.object({ intent: z.literal("decide"), submissionId: id, decision: z.enum(caseDecisions, { errorMap: () => ({ message: "validation.invalid" }) }) });

// A selected case whose submitter consented goes to the library from the same row it was decided on.
const publish = z.object({ intent: z.enum(["publish", "unpublish"]), submissionId: id });

export const callReviewForms = z.discriminatedUnion("intent", [addReviewer, recordConflict, removeConflict, assign, unassign, autoAssign, shortlist, decide, publish]);
