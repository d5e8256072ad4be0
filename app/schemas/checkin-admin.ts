import { z } from "zod";
import { zOptionalText, zText } from "~/utils/text";

/** The check-in dashboard's buttons on one scan: undo it, or mark its conflict resolved. */
export const scanDecisionSchema = z.object({ intent: z.enum(["undo", "resolve"]), checkInId: z.string().min(1).max(64) });

/**
 * A check-in list: one door or room with its own rules (main hall, VIP room, one session).
 * `allowReentry` only matters in ENTRY_EXIT mode: an entry-only list admits a ticket once.
 * Unticked checkboxes arrive as nothing at all, so every flag defaults to off.
 */
export const checkInListSchema = z.object({
  name: zText(80),
  nameEn: zOptionalText(80),
  allowedCategoryIds: z.array(z.string().min(1).max(40)).max(50).default([]),
  mode: z.enum(["ENTRY_ONLY", "ENTRY_EXIT"]).default("ENTRY_ONLY"),
  allowReentry: z.boolean().default(false),
  sessionId: z.string().min(1).max(40).nullish(),
  isDefault: z.boolean().default(false),
});

const listId = z.string({ required_error: "validation.required" }).min(1).max(64);

/** The forms of the check-in lists page: a new list, and each list's own form (save or delete it). */
export const createListForm = checkInListSchema.extend({ intent: z.literal("create") });
export const updateListForm = checkInListSchema.extend({ intent: z.literal("update"), listId });
export const deleteListForm = z.object({ intent: z.literal("delete"), listId });
export const checkInListForms = z.discriminatedUnion("intent", [createListForm, updateListForm, deleteListForm]);
