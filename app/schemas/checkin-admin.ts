import { z } from "zod";

/** The check-in dashboard's buttons on one scan: undo it, or mark its conflict resolved. */
export const scanDecisionSchema = z.object({ intent: z.enum(["undo", "resolve"]), checkInId: z.string().min(1).max(64) });
