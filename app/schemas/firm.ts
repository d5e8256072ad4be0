import { z } from "zod";
import { zText } from "~/utils/text";
import { firmProfileSchema } from "./application";

/**
 * The forms of a firm page (the firm portal and the back office's firm page), one schema per form, told
 * apart by `intent`. Messages are i18n keys.
 */
const id = z.string({ required_error: "validation.required", invalid_type_error: "validation.invalid" });

export const firmProfileForm = firmProfileSchema.extend({ intent: z.literal("profile") });

export const inviteContactForm = z.object({
  intent: z.literal("invite"),
  name: zText(100),
  email: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(254, "validation.tooLong|254").email("validation.email"),
});

export const removeContactForm = z.object({ intent: z.literal("remove"), userId: id });

export const addDomainForm = z.object({ intent: z.literal("addDomain"), domain: zText(253) });

export const removeDomainForm = z.object({ intent: z.literal("removeDomain"), domainId: id });

export const onboardingStepForm = z.object({ intent: z.literal("step"), stepId: id, done: z.enum(["0", "1"]).transform((value) => value === "1") });

/** The logo travels as a streamed, size-limited multipart body the action reads itself; the form says only what it is. */
export const logoForm = z.object({ intent: z.literal("logo") });

export const firmForms = z.discriminatedUnion("intent", [firmProfileForm, inviteContactForm, removeContactForm, addDomainForm, removeDomainForm, onboardingStepForm]);
export type FirmForm = z.infer<typeof firmForms>;

export const firmStatuses = ["ACTIVE", "SUSPENDED", "LEFT"] as const;
export const firmStatusForm = z.object({ intent: z.literal("status"), status: z.enum(firmStatuses, { errorMap: () => ({ message: "validation.invalid" }) }) });

/** The back office's firm page: every form of the portal, and the membership status. */
export const adminFirmForms = z.discriminatedUnion("intent", [...firmForms.options, firmStatusForm]);
