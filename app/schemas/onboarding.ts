import { z } from "zod";
import { zOptionalText, zText } from "~/utils/text";

/** The forms of the back office's onboarding page, told apart by `intent`. Messages are i18n keys. */
const id = z.string({ required_error: "validation.required", invalid_type_error: "validation.invalid" });
const whole = (max: number) => z.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid").max(max, "validation.invalid");

const stepFields = {
  title: zText(100),
  titleEn: zOptionalText(100),
  // Days after joining; empty means the step has no due date.
  dueDays: whole(3650)
    .optional()
    .transform((value) => value ?? null),
  position: whole(1000).default(0),
};

export const createStepForm = z.object({ intent: z.literal("create"), ...stepFields });

/** A configured step's form: save it, or archive or restore it (the button pressed is the intent). */
const updateStepForm = z.object({ intent: z.literal("update"), stepId: id, ...stepFields });
const archiveStepForm = z.object({ intent: z.enum(["archive", "restore"]), stepId: id });
export const editStepForms = z.discriminatedUnion("intent", [updateStepForm, archiveStepForm]);

export const remindersForm = z.object({ intent: z.literal("reminders") });

export const toggleStepForm = z.object({ intent: z.literal("toggle"), firmId: id, stepId: id, done: z.enum(["0", "1"]).transform((value) => value === "1") });

export const onboardingForms = z.discriminatedUnion("intent", [createStepForm, updateStepForm, archiveStepForm, remindersForm, toggleStepForm]);
