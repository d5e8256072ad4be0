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
