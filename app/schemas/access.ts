import { z } from "zod";
import { zOptionalText, zText } from "~/utils/text";

/**
 * The forms of the back office's users-and-roles page and of an event's staff-and-tokens page, told apart by
 * `intent`. The rules that need the database or the password policy (a free e-mail, a known account, a
 * strong password, a scope that fits the role) are the user model's. Messages are i18n keys.
 */
export const roles = ["ADMIN", "ORGANIZER", "CHECKIN", "FIRM_CONTACT"] as const;
export const tokenRoles = ["CHECKIN", "ORGANIZER"] as const;

const id = z.string({ required_error: "validation.required" }).max(64, "validation.invalid");
const email = z.string({ required_error: "validation.required" }).trim().max(254, "validation.tooLong|254").email("validation.email");

export const createUserSchema = z.object({
  intent: z.literal("create-user"),
  email,
  name: zText(100),
  password: z.string().max(200, "validation.tooLong|200").optional(),
});
export const grantSchema = z.object({
  intent: z.literal("grant"),
  email,
  role: z.enum(roles, { message: "validation.invalid" }),
  scope: z.string({ required_error: "validation.required" }).regex(/^(none|(event|series|firm):[\w-]{1,64})$/, "validation.invalid"),
});
export const revokeSchema = z.object({ intent: z.literal("revoke"), grantId: id });
export const accessForms = z.discriminatedUnion("intent", [createUserSchema, grantSchema, revokeSchema]);

export const createTokenSchema = z.object({ intent: z.literal("create-token"), name: zOptionalText(100), role: z.enum(tokenRoles, { message: "validation.invalid" }) });
export const revokeTokenSchema = z.object({ intent: z.literal("revoke-token"), tokenId: id });
export const addStaffSchema = z.object({ intent: z.literal("add-staff"), email });
export const removeStaffSchema = z.object({ intent: z.literal("remove-staff"), grantId: id });
export const eventAccessForms = z.discriminatedUnion("intent", [createTokenSchema, revokeTokenSchema, addStaffSchema, removeStaffSchema]);
