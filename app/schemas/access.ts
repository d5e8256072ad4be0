import { z } from "zod";

/** The forms of the back office's users-and-roles page, told apart by `intent`. */
export const roles = ["ADMIN", "ORGANIZER", "CHECKIN", "FIRM_CONTACT"] as const;

export const createUserSchema = z.object({
  intent: z.literal("create-user"),
  email: z.string().trim().max(254),
  name: z.string().trim().max(100),
  password: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export const grantSchema = z.object({
  intent: z.literal("grant"),
  email: z.string().trim().max(254),
  role: z.enum(roles),
  scope: z.string().regex(/^(none|(event|series|firm):[\w-]{1,64})$/),
});
export const revokeSchema = z.object({ intent: z.literal("revoke"), grantId: z.string().min(1).max(64) });
export const accessForms = z.discriminatedUnion("intent", [createUserSchema, grantSchema, revokeSchema]);
