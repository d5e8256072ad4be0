import { z } from "zod";
import { isValidTimeZone, parseZonedDateTime } from "~/utils/time";
import { calendarDay, dateTimeIssue } from "~/utils/zoned-input";
import { zLongText, zOptionalText, zText } from "~/utils/text";

/**
 * The programme's forms (events, series, people, rooms, tracks, sessions, speaker roles), shared by the back
 * office pages (Conform), the models that check raw input from the seed, and the browser. Dates and times are
 * typed in the event's own zone.
 */

const tooLong = { tooLong: "agenda.validation.tooLong" };
const text = (max: number) => zOptionalText(max, tooLong);
const longText = (max: number) => zLongText(max, tooLong);
const requiredText = (max: number) => zText(max, tooLong);
// Conform sends an empty field as missing: both read "required".
const typedString = () => z.string({ required_error: "validation.required", invalid_type_error: "validation.invalid" });
const requiredField = typedString().trim().min(1, "validation.required");
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = typedString().trim().toLowerCase().min(3, "agenda.validation.slug").max(80, "agenda.validation.slug").regex(slugPattern, "agenda.validation.slug");

export const sessionTypes = ["OPENING_REMARKS", "KEYNOTE", "TALK", "PANEL", "CEREMONY", "ROUNDTABLE", "BREAK", "MATCHMAKING", "OTHER"] as const;
export type SessionTypeName = (typeof sessionTypes)[number];

/**
 * The roles a form offers. MODERATOR is no longer one of them: it meant the same as HOST (the person who
 * chairs the session, 主持人; a panel's moderator is its chair too) and was merged into HOST; the database
 * enum keeps the value because columns and values are only ever added.
 */
export const speakerRoles = ["HOST", "OPENING_SPEAKER", "KEYNOTE", "PANELIST", "SPEAKER", "CEREMONY_GUEST"] as const;
export type SpeakerRoleName = (typeof speakerRoles)[number];

/** Old role codes still accepted from raw input (the seed, older API clients), read as the role they mean now. */
export const formerRoles: Record<string, SpeakerRoleName> = { MODERATOR: "HOST" };
const speakerRole = z.preprocess((value) => (typeof value === "string" && value in formerRoles ? formerRoles[value] : value), z.enum(speakerRoles, { message: "agenda.validation.role" }));

/** A day and two times in `timeZone` become two instants; the first problem found is shown at its time field. */
function zonedSpan(startDate: string, startTime: string, endDate: string, endTime: string, timeZone: string, ctx: z.RefinementCtx) {
  const starts = parseZonedDateTime(startDate, startTime, timeZone);
  const ends = parseZonedDateTime(endDate, endTime, timeZone);
  if (!starts.ok) ctx.addIssue({ code: "custom", path: ["startTime"], message: dateTimeIssue(starts.reason) });
  if (!ends.ok) ctx.addIssue({ code: "custom", path: ["endTime"], message: dateTimeIssue(ends.reason) });
  if (!starts.ok || !ends.ok) return null;
  if (ends.instant <= starts.instant) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "agenda.validation.endBeforeStart" });
    return null;
  }
  return { startsAt: starts.instant, endsAt: ends.instant };
}

// ───────────────────────────── Events and series ─────────────────────────────

const eventFactsFields = z.object({
  slug,
  kind: z.enum(["FORUM", "DEEP_DIVE"], { message: "agenda.validation.kind" }),
  seriesId: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null),
  title: requiredText(200),
  titleEn: text(200),
  theme: text(200),
  themeEn: text(200),
  description: longText(5000),
  descriptionEn: longText(5000),
  city: text(60),
  cityEn: text(60),
  industry: text(60),
  venue: text(200),
  venueEn: text(200),
  address: text(300),
  timeZone: requiredField.refine(isValidTimeZone, "agenda.validation.timeZone"),
  startDate: requiredField,
  startTime: requiredField,
  endDate: requiredField,
  endTime: requiredField,
});

function eventFacts(input: z.output<typeof eventFactsFields>, ctx: z.RefinementCtx) {
  const span = zonedSpan(input.startDate, input.startTime, input.endDate, input.endTime, input.timeZone, ctx);
  if (!span) return z.NEVER;
  const { startDate: _sd, startTime: _st, endDate: _ed, endTime: _et, ...facts } = input;
  return { ...facts, ...span };
}

/** One schema for the event form and the seed. */
export const eventFactsSchema = eventFactsFields.transform(eventFacts);

/**
 * "New event": the URL name may be left empty (the server proposes one from the titles), and a start after
 * the end is shown together with every other field's error — the times are checked as a part of their own,
 * which Zod runs even when another field is invalid (an object's refinement runs only on a valid object).
 */
const dateFieldNames = { timeZone: true, startDate: true, startTime: true, endDate: true, endTime: true } as const;
const eventSpanFields = eventFactsFields.pick(dateFieldNames);
export const newEventSchema = eventFactsFields
  .omit(dateFieldNames)
  .extend({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => value || null)
      .pipe(slug.nullable()),
  })
  .and(
    eventSpanFields.transform((span, ctx) => {
      const zoned = zonedSpan(span.startDate, span.startTime, span.endDate, span.endTime, span.timeZone, ctx);
      return zoned ? { timeZone: span.timeZone, ...zoned } : z.NEVER;
    }),
  );

export type NewEventFacts = z.output<typeof newEventSchema>;
export type EventFactsInput = z.input<typeof eventFactsSchema>;
export type EventFacts = z.output<typeof eventFactsSchema>;

/** The event page: its facts (`save`), or a change of status. */
export const eventPageSchema = z
  .discriminatedUnion("intent", [eventFactsFields.extend({ intent: z.literal("save") }), z.object({ intent: z.enum(["publish", "archive", "draft"]) })])
  .transform((value, ctx) => {
    if (value.intent !== "save") return { intent: value.intent };
    const { intent, ...fields } = value;
    return { intent, facts: eventFacts(fields, ctx) };
  });

/** A series is a named run of events, e.g. the deep-dive campaign (DESIGN.md §2). */
export const seriesSchema = z.object({
  slug,
  title: requiredText(200),
  titleEn: text(200),
  description: longText(5000),
  descriptionEn: longText(5000),
});

export type SeriesFacts = z.output<typeof seriesSchema>;

// ───────────────────────────── People ─────────────────────────────

/** The people directory, reused across events (issue 3 §3). */
export const speakerSchema = z.object({
  name: requiredText(100),
  nameEn: text(100),
  organization: text(200),
  organizationEn: text(200),
  jobTitle: text(200),
  jobTitleEn: text(200),
  bio: longText(5000),
  bioEn: longText(5000),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "agenda.validation.tooLong")
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || z.string().email().safeParse(value).success, "validation.email"),
});

export type SpeakerFacts = z.output<typeof speakerSchema>;

export const attachSchema = z.object({
  speakerId: requiredField,
  role: speakerRole,
  // Counted from 1 as people read it; left out, the person goes last.
  position: z
    .union([z.literal(""), z.coerce.number({ message: "agenda.validation.position" }).int("agenda.validation.position").min(1, "agenda.validation.position").max(999, "agenda.validation.position")])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value)),
});

export type AttachFacts = z.output<typeof attachSchema>;

/** "Add new" in the speaker picker: a person who is not in the directory yet, put on the session at once. */
export const newSpeakerSchema = z.object({
  name: requiredText(100),
  organization: text(200),
  role: speakerRole,
});

export type NewSpeakerFacts = z.output<typeof newSpeakerSchema>;

/** A speaker's answer for one role, from the link in their invitation. */
export const responseSchema = z.object({
  sessionSpeakerId: requiredField,
  decision: z.enum(["CONFIRMED", "DECLINED"], { message: "agenda.validation.decision" }),
});

export type RoleResponse = z.output<typeof responseSchema>;

// ───────────────────────────── Rooms, tracks and sessions ─────────────────────────────

const optionalId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((value) => value || null);
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

export const roomSchema = z.object({
  name: requiredText(100),
  nameEn: text(100),
  capacity: z
    .union([z.literal(""), z.coerce.number().int("agenda.validation.capacity").min(1, "agenda.validation.capacity").max(100000, "agenda.validation.capacity")])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value)),
});

export type RoomFacts = z.output<typeof roomSchema>;

export const trackSchema = z.object({
  name: requiredText(100),
  nameEn: text(100),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "agenda.validation.color")
    .default("#2563eb"),
});

export type TrackFacts = z.output<typeof trackSchema>;

const sessionFields = z.object({
  title: requiredText(200),
  titleEn: text(200),
  type: z.enum(sessionTypes, { message: "agenda.validation.sessionType" }),
  date: requiredField,
  startTime: requiredField,
  endTime: requiredField,
  roomId: optionalId,
  trackId: optionalId,
  plenary: checkbox,
  description: longText(5000),
  descriptionEn: longText(5000),
});

function sessionFacts(input: z.output<typeof sessionFields>, timeZone: string, ctx: z.RefinementCtx) {
  const span = zonedSpan(input.date, input.startTime, input.date, input.endTime, timeZone, ctx);
  if (!span) return z.NEVER;
  const { date: _date, startTime: _start, endTime: _end, ...facts } = input;
  return { ...facts, ...span };
}

/** The session form: a day and two times, entered in the event's zone. Built per zone, shared by form and seed. */
export function sessionSchema(timeZone: string) {
  return sessionFields.transform((input, ctx) => sessionFacts(input, timeZone, ctx));
}

export type SessionInput = z.input<ReturnType<typeof sessionSchema>>;
export type SessionFacts = z.output<ReturnType<typeof sessionSchema>>;

export const shiftSchema = z.object({
  minutes: z.coerce
    .number({ message: "agenda.validation.minutes" })
    .int("agenda.validation.minutes")
    .min(-7 * 24 * 60, "agenda.validation.minutes")
    .max(7 * 24 * 60, "agenda.validation.minutes")
    .refine((value) => value !== 0, "agenda.validation.minutes"),
});

export const moveDaySchema = z.object({ day: calendarDay });

const onFiveMinutes = (time: string) => /^\d{2}:\d{2}$/.test(time) && Number(time.slice(3)) % 5 === 0;

/**
 * A session dragged, resized or moved with the keyboard on the grid: its day, times (in the event's zone, on
 * the grid's 5-minute steps) and room. A plenary session keeps spanning every room.
 */
const placeFields = z.object({
  id: z.string().trim().min(1, "validation.required"),
  date: requiredField,
  startTime: requiredField.refine(onFiveMinutes, "agenda.validation.snap"),
  endTime: requiredField.refine(onFiveMinutes, "agenda.validation.snap"),
  roomId: optionalId,
});

function placeFacts(input: z.output<typeof placeFields>, timeZone: string, ctx: z.RefinementCtx) {
  const span = zonedSpan(input.date, input.startTime, input.date, input.endTime, timeZone, ctx);
  return span ? { id: input.id, roomId: input.roomId, ...span } : z.NEVER;
}

export function placeSchema(timeZone: string) {
  return placeFields.transform((input, ctx) => placeFacts(input, timeZone, ctx));
}

export type PlaceFacts = z.output<ReturnType<typeof placeSchema>>;

/** Publishing: with conflicts left, only when the organizer says so; a draft event may be published with it. */
const publishFields = z.object({ overrideConflicts: checkbox, publishEvent: checkbox });

/** A person's page posts their facts (`save`); the photo is a multipart upload of its own. */
export const speakerPageSchema = speakerSchema.extend({ intent: z.literal("save") });

/** The person's photo upload; the model decodes the file and refuses what is not a photo. */
export const speakerPhotoSchema = z.object({ photo: z.instanceof(File).optional() });

const sessionId = z.string().trim().default("");

/**
 * The agenda editor's forms, one per intent: add a room, track or session (times in `timeZone`), shift or
 * move a session, the delete and duplicate buttons, and invite/publish.
 */
export function agendaEditorSchema(timeZone: string) {
  return z
    .discriminatedUnion("intent", [
      roomSchema.extend({ intent: z.literal("addRoom") }),
      trackSchema.extend({ intent: z.literal("addTrack") }),
      sessionFields.extend({ intent: z.literal("addSession") }),
      shiftSchema.extend({ intent: z.literal("shift"), id: sessionId }),
      moveDaySchema.extend({ intent: z.literal("moveDay"), id: sessionId }),
      z.object({ intent: z.enum(["deleteRoom", "deleteTrack", "duplicate", "deleteSession"]), id: sessionId }),
      placeFields.extend({ intent: z.literal("place") }),
      publishFields.extend({ intent: z.literal("publish") }),
      z.object({ intent: z.literal("invite") }),
    ])
    .transform((value, ctx) => {
      switch (value.intent) {
        case "addSession": {
          const { intent, ...fields } = value;
          return { intent, facts: sessionFacts(fields, timeZone, ctx) };
        }
        case "place": {
          const { intent, ...fields } = value;
          return { intent, facts: placeFacts(fields, timeZone, ctx) };
        }
        case "addRoom": {
          const { intent, ...facts } = value;
          return { intent, facts };
        }
        case "addTrack": {
          const { intent, ...facts } = value;
          return { intent, facts };
        }
        default:
          return value;
      }
    });
}

/** The session page: its facts (`save`), a person added in a role, or one removed. */
export function sessionPageSchema(timeZone: string) {
  return z
    .discriminatedUnion("intent", [
      sessionFields.extend({ intent: z.literal("save") }),
      attachSchema.extend({ intent: z.literal("attach") }),
      newSpeakerSchema.extend({ intent: z.literal("attachNew") }),
      z.object({ intent: z.literal("detach"), id: sessionId }),
    ])
    .transform((value, ctx) => {
      if (value.intent !== "save") return value;
      const { intent, ...fields } = value;
      return { intent, facts: sessionFacts(fields, timeZone, ctx) };
    });
}
