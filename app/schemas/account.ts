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

/** Changing one's own password on the account page: the current one, then the new one twice. */
const passwordChange = z.object({
  intent: z.literal("password"),
  currentPassword: z.string({ required_error: "validation.required" }),
  newPassword: z.string({ required_error: "validation.required" }).min(minPasswordLength, `validation.tooShort|${minPasswordLength}`).max(200, "validation.tooLong|200"),
  confirmPassword: z.string({ required_error: "validation.required" }),
});
const newPasswordsMatch = {
  check: (value: { newPassword: string; confirmPassword: string }) => value.newPassword === value.confirmPassword,
  path: ["confirmPassword"],
  message: "account.passwordMismatch",
};

export const changePasswordForm = passwordChange.refine(newPasswordsMatch.check, newPasswordsMatch);

// A sign-in never says which entry is wrong: anything short of a usable e-mail and password is no
// credential at all, and the action answers it like a wrong one (400 rather than 401: nothing was checked).
export const loginForm = z.object({
  email: z.string().trim().max(254).optional().catch(undefined),
  password: z.string().max(200).optional().catch(undefined),
  redirectTo: z.string().optional().catch(undefined),
});

/** Ending one other session of one's own (its id from the account page's list), or every other one. */
export const endSessionForm = z.object({ intent: z.literal("end-session"), sessionId: z.string().max(128) });
export const endOtherSessionsForm = z.object({ intent: z.literal("end-other-sessions") });

/** The forms of the account page, told apart by `intent`. */
export const accountForms = z
  .discriminatedUnion("intent", [passwordChange, endSessionForm, endOtherSessionsForm])
  .refine((value) => value.intent !== "password" || newPasswordsMatch.check(value), newPasswordsMatch);

/** Asking for a one-time sign-in link: only the address; every answer is the same whatever it is. */
export const forgotPasswordForm = z.object({
  email: z.string({ required_error: "validation.required" }).trim().max(254, "validation.tooLong|254").email("validation.email"),
});
