import { z } from "zod";

/**
 * Setting the password from an invitation link. The strength rule is the model's (it hashes only a password
 * it accepts); the form checks that both entries match. Messages are i18n keys.
 */
export const accountSetupForm = z
  .object({
    password: z.string({ required_error: "validation.required" }).max(200, "validation.tooLong|200"),
    confirm: z.string({ required_error: "validation.required" }),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "programme.setup.mismatch" });

// hashPassword's minimum (minPasswordLength in app/utils/password.server.ts), which stays server-only.
const minPasswordLength = 10;

/** Changing one's own password in the back office: the current one, then the new one twice. */
export const changePasswordForm = z
  .object({
    currentPassword: z.string({ required_error: "validation.required" }),
    newPassword: z.string({ required_error: "validation.required" }).min(minPasswordLength, `validation.tooShort|${minPasswordLength}`).max(200, "validation.tooLong|200"),
    confirmPassword: z.string({ required_error: "validation.required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "account.passwordMismatch" });

// A sign-in never says which entry is wrong: anything short of a usable e-mail and password is no
// credential at all, and the action answers it like a wrong one (400 rather than 401: nothing was checked).
export const loginForm = z.object({
  email: z.string().trim().max(254).optional().catch(undefined),
  password: z.string().max(200).optional().catch(undefined),
  redirectTo: z.string().optional().catch(undefined),
});
