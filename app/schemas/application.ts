import { z } from "zod";
import { zLongText, zOptionalText, zText } from "~/utils/text";
import { creditCodeProblem, normalizeCreditCode } from "~/models/credit-code";

/**
 * The one schema of an application to join the programme, shared by the public form (Conform, also in the
 * browser) and `POST /api/v1/programme/applications`. Messages are i18n keys, optionally followed by
 * `|<number>`; `issueText` turns them into the reader's language.
 */
export const applicationStatuses = ["SUBMITTED", "UNDER_REVIEW", "NEEDS_MORE_INFO", "APPROVED", "REJECTED"] as const;

export const firmSizes = ["1-49", "50-199", "200-999", "1000+"] as const;

export const creditCodeSchema = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.invalid" })
  .transform(normalizeCreditCode)
  .superRefine((code, context) => {
    if (!code) return context.addIssue({ code: "custom", message: "validation.required" });
    const problem = creditCodeProblem(code);
    if (problem) context.addIssue({ code: "custom", message: `programme.creditCode.${problem}` });
  });

export const websiteSchema = z
  .string({ invalid_type_error: "validation.invalid" })
  .trim()
  .max(200, "validation.tooLong|200")
  .optional()
  .transform((value) => (value ? (/^https?:\/\//i.test(value) ? value : `https://${value}`) : undefined))
  .refine((value) => {
    if (value === undefined) return true;
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "programme.validation.website");

const phoneSchema = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.invalid" })
  .trim()
  .min(1, "validation.required")
  .max(30, "validation.tooLong|30")
  .regex(/^\+?[0-9][0-9 ()-]{5,28}$/, "programme.validation.phone");

/** The firm facts an applicant gives and an amend link may change (the credit code is the identity, fixed). */
export const applicationDetailsSchema = z.object({
  firmName: zText(100),
  industry: zText(50),
  city: zText(50),
  website: websiteSchema,
  size: z.enum(firmSizes, { errorMap: () => ({ message: "programme.validation.size" }) }),
  offers: zLongText(2000),
  needs: zLongText(2000),
  contactName: zText(100),
  contactEmail: zText(254)
    .pipe(z.string().email("validation.email"))
    .transform((value) => value.toLowerCase()),
  contactPhone: phoneSchema,
});

export const applicationInputSchema = applicationDetailsSchema.extend({
  creditCode: creditCodeSchema,
  // The charter version shown on the form, so acceptance is recorded for exactly the text the applicant saw.
  charterVersion: zText(20),
  charterAccepted: z.preprocess((value) => value === true || value === "on" || value === "true", z.literal(true, { errorMap: () => ({ message: "programme.validation.charter" }) })),
  // Honeypot: a field hidden from people; bots fill it in.
  nickname: z.string().max(0, "programme.validation.honeypot").optional(),
});

export const applicationFieldNames = [...Object.keys(applicationInputSchema.shape)] as const;

export type ApplicationInput = z.infer<typeof applicationInputSchema>;
export type ApplicationDetails = z.infer<typeof applicationDetailsSchema>;

/** Profile fields a firm contact or an organizer may edit. */
export const firmProfileSchema = z.object({
  name: zText(100),
  nameEn: zOptionalText(100),
  industry: zText(50),
  industryEn: zOptionalText(50),
  city: zText(50),
  cityEn: zOptionalText(50),
  website: websiteSchema,
  size: z.enum(firmSizes, { errorMap: () => ({ message: "programme.validation.size" }) }),
  description: zLongText(500),
  descriptionEn: zLongText(1000),
  offers: zLongText(2000),
  needs: zLongText(2000),
});

export type FirmProfileInput = z.infer<typeof firmProfileSchema>;

/** "validation.tooLong|100" → the key and its parameter, translated by the caller. */
export function issueText(message: string, t: (key: never, params?: Record<string, string | number>) => string): string {
  const [key, number] = message.split("|");
  const translate = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  return number ? translate(key, { max: Number(number), min: Number(number) }) : translate(key);
}
