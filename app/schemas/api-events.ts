import { z } from "zod";

/**
 * The answers of the public events API (`GET /api/v1/events`, `GET /api/v1/events/:slug`,
 * `POST /api/v1/events/:slug/registrations`). The routes type their answer with these and the OpenAPI
 * document is generated from them, so the document cannot drift from the code.
 */
const isoDateTime = z.string().datetime();

export const registrationStatusSchema = z.enum(["open", "not_yet_open", "closed", "full"]);

export const eventSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  kind: z.enum(["FORUM", "DEEP_DIVE"]),
  series: z.object({ slug: z.string(), title: z.string(), titleEn: z.string().nullable() }).nullable(),
  city: z.string(),
  cityEn: z.string().nullable(),
  venue: z.string(),
  venueEn: z.string().nullable(),
  address: z.string(),
  timeZone: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  registration: z.object({
    status: registrationStatusSchema,
    opensAt: isoDateTime.nullable(),
    closesAt: isoDateTime,
    capacity: z.number().int().nullable(),
    confirmed: z.number().int(),
    waitlisted: z.number().int(),
    requiresApproval: z.boolean(),
    waitlistEnabled: z.boolean(),
  }),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventListSchema = z.object({ events: z.array(eventSummarySchema) });

/**
 * A ticket category as an integrator sees it. Invite-only categories are listed (a partner must know they
 * exist) but only an invite code gets a person into one; invite codes themselves are never published.
 * `remaining` counts the category's own seats (null: no category limit; the event's capacity still applies);
 * `default` is the category a submit without `category` gets.
 */
export const publicCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  capacity: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  requiresApproval: z.boolean(),
  inviteOnly: z.boolean(),
  default: z.boolean(),
});

export const questionTypeSchema = z.enum(["text", "long_text", "single_choice", "multiple_choice", "phone", "checkbox"]);

/** A custom question; `categories` lists the category codes it is asked of (empty: every category). */
export const publicQuestionSchema = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string().nullable(),
  type: questionTypeSchema,
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string(), labelEn: z.string().nullable() })),
  categories: z.array(z.string()),
});

export const privacyNoticeSchema = z.object({ version: z.string(), text: z.string(), textEn: z.string() });

export const registrationDescriptionSchema = z.object({
  categories: z.array(publicCategorySchema),
  questions: z.array(publicQuestionSchema),
  privacyNotice: privacyNoticeSchema,
});
export type RegistrationDescription = z.infer<typeof registrationDescriptionSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  room: z.string().nullable(),
  track: z.string().nullable(),
  speakers: z.array(z.object({ name: z.string(), organization: z.string(), title: z.string(), role: z.string() })),
});

export const eventDetailSchema = eventSummarySchema.extend({
  theme: z.string(),
  description: z.string(),
  agendaVersion: z.number().int(),
  registration: eventSummarySchema.shape.registration.merge(registrationDescriptionSchema),
  sessions: z.array(sessionSchema),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const registrationCreatedSchema = z.object({
  registration: z.object({
    id: z.string(),
    status: z.enum(["confirmed", "waitlisted", "pending_approval", "held"]),
    manageUrl: z.string().url().nullable(),
  }),
  message: z.string().optional(),
});

/** The one answer for an address already registered for the event, whatever its state (it reveals nothing). */
export const registrationResentSchema = z.object({ result: z.literal("resent_if_registered"), message: z.string() });
