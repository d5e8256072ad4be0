import { z } from "zod";
import { matchSides, shareableFields } from "~/models/matchmaking-rules";
import { optionalZonedDateTime } from "~/utils/zoned-input";

/**
 * Event matchmaking (issue 18 §2): the opt-in profile, a meeting request, the organizers' setup and the
 * follow-up, each one schema shared by the manage page's forms and the API; and the API's answers, for the
 * OpenAPI document.
 */
const text = (max: number) => z.string({ invalid_type_error: "validation.invalid" }).trim().max(max, `validation.tooLong|${max}`);

// A form sends one value per checkbox, or none; JSON sends an array.
const list = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(item, { invalid_type_error: "validation.invalid" }).max(max, `validation.tooLong|${max}`),
  );

export const profileInputSchema = z.object({
  side: z.enum(matchSides, { required_error: "validation.required", invalid_type_error: "validation.invalid" }),
  offers: text(1000).default(""),
  needs: text(1000).default(""),
  tags: list(text(30).min(1, "validation.required"), 12).default([]),
  industry: text(60).optional(),
  shared: list(z.enum(shareableFields, { invalid_type_error: "validation.invalid" }), shareableFields.length).default(["name", "organization", "jobTitle"]),
  availability: list(z.string().max(64), 200).default([]),
});
export type ProfileInput = z.output<typeof profileInputSchema>;

export const requestInputSchema = z.object({
  to: z.string({ required_error: "validation.required" }).min(1, "validation.required").max(64),
  message: text(500).default(""),
});

export const followUpInputSchema = z.object({
  meetingId: z.string().min(1).max(64),
  nextStep: z.preprocess((value) => (value === "yes" ? true : value === "no" ? false : value), z.boolean({ required_error: "validation.required", invalid_type_error: "validation.required" })),
  usefulness: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(5, "validation.invalid"),
});

/**
 * The manage page's profile form: tags are one comma-separated line there, and every shareable field is a
 * checkbox on the page, so none ticked means sharing nothing (not the API's default).
 */
export const manageProfileForm = profileInputSchema.extend({
  intent: z.literal("profile"),
  tags: z.preprocess((value) => (typeof value === "string" ? value.split(/[,，、]/) : value), list(text(30), 12)).transform((tags) => tags.filter(Boolean)),
  shared: list(z.enum(shareableFields, { invalid_type_error: "validation.invalid" }), shareableFields.length),
});

export const manageRequestForm = requestInputSchema.extend({ intent: z.literal("request") });
export const manageFollowUpForm = followUpInputSchema.extend({ intent: z.literal("followup") });

/** The manage page's matchmaking forms, told apart by `intent`. */
export const matchmakingManageForms = z.discriminatedUnion("intent", [
  manageProfileForm,
  manageRequestForm,
  z.object({ intent: z.literal("accept"), requestId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("decline"), requestId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("checkin"), meetingId: z.string().min(1).max(64) }),
  manageFollowUpForm,
  z.object({ intent: z.literal("optout") }),
]);

/** The organizers' matchmaking tab: the setup (opt-in closing typed in the event's zone), running and publishing the plan. */
export const matchmakingAdminForms = (timeZone: string) =>
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("setup"),
      enabled: z.preprocess((value) => value === "on" || value === true, z.boolean()),
      slotMinutes: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(5, "validation.invalid").max(120, "validation.invalid"),
      tables: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(500, "validation.invalid"),
      optInClosesAt: optionalZonedDateTime(timeZone),
    }),
    z.object({ intent: z.literal("run") }),
    z.object({ intent: z.literal("publish") }),
  ]);

// ---- the API's answers ----

const sharedSchema = z.object({
  name: z.string().optional(),
  organization: z.string().optional(),
  jobTitle: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const participantSchema = z.object({
  id: z.string(),
  side: z.enum(matchSides),
  offers: z.string(),
  needs: z.string(),
  tags: z.array(z.string()),
  industry: z.string().nullable(),
  shared: sharedSchema.describe("Only the registration fields this participant chose to share; the others are absent."),
  score: z.number(),
  reasons: z.array(z.string()),
  request: z.object({ id: z.string(), direction: z.enum(["sent", "received"]), status: z.enum(["pending", "accepted", "declined", "cancelled"]) }).nullable(),
});

export const participantsAnswerSchema = z.object({ participants: z.array(participantSchema) });

export const meetingSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  table: z.number().int(),
  with: z.object({ id: z.string(), shared: sharedSchema }),
  checkedIn: z.boolean(),
  otherCheckedIn: z.boolean(),
  outcome: z.enum(["upcoming", "held", "no_show"]),
});

export const meetingsAnswerSchema = z.object({ meetings: z.array(meetingSchema) });

export const profileAnswerSchema = z.object({
  profile: z.object({
    id: z.string(),
    side: z.enum(matchSides),
    offers: z.string(),
    needs: z.string(),
    tags: z.array(z.string()),
    industry: z.string().nullable(),
    shared: z.array(z.enum(shareableFields)),
    availability: z.array(z.string()),
  }),
});

export const requestAnswerSchema = z.object({ id: z.string(), status: z.literal("pending") });
export const acceptAnswerSchema = z.object({ meeting: z.object({ id: z.string(), startsAt: z.string().datetime(), endsAt: z.string().datetime(), table: z.number().int() }) });
export const declineAnswerSchema = z.object({ id: z.string(), status: z.literal("declined") });

export const matchmakingSummarySchema = z.object({
  enabled: z.boolean(),
  slotMinutes: z.number().int(),
  tables: z.number().int(),
  optInClosesAt: z.string().datetime().nullable(),
  slots: z.array(z.object({ id: z.string(), startsAt: z.string().datetime(), endsAt: z.string().datetime() })),
  participants: z.number().int(),
  requests: z.object({ pending: z.number().int(), accepted: z.number().int(), declined: z.number().int(), cancelled: z.number().int() }),
  meetings: z.object({ placed: z.number().int(), held: z.number().int(), noShows: z.number().int() }),
});
