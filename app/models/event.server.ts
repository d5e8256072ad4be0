import { z } from "zod";
import type { Event, Series } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { fieldErrors, HttpError } from "~/utils/http.server";
import { zLongText, zOptionalText, zText } from "~/utils/text";
import { isValidTimeZone, parseZonedDateTime, utcToZonedParts } from "~/utils/time";
import { dateTimeIssue } from "~/utils/zoned-input";

export type RegistrationState = "open" | "not_yet_open" | "closed" | "full";

type RegistrationFacts = Pick<
  Event,
  "registrationOpensAt" | "registrationClosesAt" | "capacity" | "confirmedCount" | "waitlistEnabled" | "endsAt"
>;

/** Whether an attendee can register now (DESIGN.md §5 `registration.status`). */
export function registrationState(event: RegistrationFacts, now = new Date()): RegistrationState {
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "not_yet_open";
  const closesAt = event.registrationClosesAt ?? event.endsAt;
  if (now >= closesAt) return "closed";
  if (event.capacity !== null && event.confirmedCount >= event.capacity && !event.waitlistEnabled) return "full";
  return "open";
}

export function publicEventSummary(event: Event & { series: Series | null }, now = new Date()) {
  return {
    slug: event.slug,
    title: event.title,
    titleEn: event.titleEn || null,
    kind: event.kind,
    series: event.series ? { slug: event.series.slug, title: event.series.title, titleEn: event.series.titleEn || null } : null,
    city: event.city,
    venue: event.venue,
    address: event.address,
    timeZone: event.timeZone,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    registration: {
      status: registrationState(event, now),
      opensAt: event.registrationOpensAt?.toISOString() ?? null,
      closesAt: (event.registrationClosesAt ?? event.endsAt).toISOString(),
      capacity: event.capacity,
      confirmed: event.confirmedCount,
      waitlisted: event.waitlistedCount,
      requiresApproval: event.requiresApproval,
      waitlistEnabled: event.waitlistEnabled,
    },
  };
}

export async function listPublishedEvents({ now = new Date() }: { now?: Date } = {}) {
  const db = await prisma();
  const events = await db.event.findMany({
    where: { status: "PUBLISHED" },
    include: { series: true },
    orderBy: { startsAt: "asc" },
  });
  return {
    upcoming: events.filter((event) => event.endsAt >= now),
    past: events.filter((event) => event.endsAt < now).reverse(),
  };
}

export async function getPublishedEventBySlug(slug: string) {
  const db = await prisma();
  return db.event.findFirst({ where: { slug, status: "PUBLISHED" }, include: { series: true } });
}

export async function getEventBySlug(slug: string) {
  const db = await prisma();
  return db.event.findUnique({ where: { slug }, include: { series: true } });
}

/** What a check-in scope check needs: the event's own id and its series (for series-wide roles). */
export async function getEventScope(eventId: string) {
  const db = await prisma();
  return db.event.findUnique({ where: { id: eventId }, select: { id: true, seriesId: true } });
}

/** The few facts the check-in API answers with, by slug. */
export async function getCheckInEventBySlug(slug: string) {
  const db = await prisma();
  return db.event.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, titleEn: true, timeZone: true } });
}

type ScopedUser = { roles: { role: string; eventId: string | null; seriesId: string | null }[] };

/** Events the user may manage in the back office, newest first (the scope rules of permissions.server.ts). */
export async function listManageableEvents(user: ScopedUser) {
  const db = await prisma();
  const everything = user.roles.some(
    (grant) => grant.role === "ADMIN" || (grant.role === "ORGANIZER" && !grant.eventId && !grant.seriesId),
  );
  const eventIds = user.roles.flatMap((grant) => (grant.role === "ORGANIZER" && grant.eventId ? [grant.eventId] : []));
  const seriesIds = user.roles.flatMap((grant) => (grant.role === "ORGANIZER" && grant.seriesId ? [grant.seriesId] : []));
  return db.event.findMany({
    where: everything ? {} : { OR: [{ id: { in: eventIds } }, { seriesId: { in: seriesIds } }] },
    orderBy: { startsAt: "desc" },
  });
}

// ───────────────────────────── Back office: create, edit, publish, archive ─────────────────────────────

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const tooLong = { tooLong: "agenda.validation.tooLong" };
const text = (max: number) => zOptionalText(max, tooLong);
const longText = (max: number) => zLongText(max, tooLong);
const requiredText = (max: number) => zText(max, tooLong);

/** One schema for the event form and the seed: dates and times are entered in the event's own zone. */
export const eventFactsSchema = z
  .object({
    slug: z.string().trim().toLowerCase().min(3, "agenda.validation.slug").max(80, "agenda.validation.slug").regex(slugPattern, "agenda.validation.slug"),
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
    timeZone: z.string().trim().min(1, "validation.required").refine(isValidTimeZone, "agenda.validation.timeZone"),
    startDate: z.string().trim().min(1, "validation.required"),
    startTime: z.string().trim().min(1, "validation.required"),
    endDate: z.string().trim().min(1, "validation.required"),
    endTime: z.string().trim().min(1, "validation.required"),
  })
  .transform((input, ctx) => {
    const starts = parseZonedDateTime(input.startDate, input.startTime, input.timeZone);
    const ends = parseZonedDateTime(input.endDate, input.endTime, input.timeZone);
    if (!starts.ok) ctx.addIssue({ code: "custom", path: ["startTime"], message: dateTimeIssue(starts.reason) });
    if (!ends.ok) ctx.addIssue({ code: "custom", path: ["endTime"], message: dateTimeIssue(ends.reason) });
    if (!starts.ok || !ends.ok) return z.NEVER;
    if (ends.instant <= starts.instant) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "agenda.validation.endBeforeStart" });
      return z.NEVER;
    }
    const { startDate: _sd, startTime: _st, endDate: _ed, endTime: _et, ...facts } = input;
    return { ...facts, startsAt: starts.instant, endsAt: ends.instant };
  });

export type EventFactsInput = z.input<typeof eventFactsSchema>;

/** A 422 whose `fields` hold message keys; routes translate them for the reader. */
export function invalidInput(fields: Record<string, string>): HttpError {
  return new HttpError(422, "invalid_input", "form.fixErrors", undefined, fields);
}

export function parseOrThrow<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

/** Registration settings the seed may set at creation; the registration capability edits them later. */
export type RegistrationDefaults = Partial<
  Pick<Event, "registrationOpensAt" | "registrationClosesAt" | "capacity" | "requiresApproval" | "waitlistEnabled" | "emailConfirmHoldMinutes">
>;

async function checkSeriesAndSlug(facts: { slug: string; seriesId: string | null }, eventId?: string) {
  const db = await prisma();
  const fields: Record<string, string> = {};
  const sameSlug = await db.event.findUnique({ where: { slug: facts.slug }, select: { id: true } });
  if (sameSlug && sameSlug.id !== eventId) fields.slug = "agenda.validation.slugTaken";
  if (facts.seriesId && !(await db.series.findUnique({ where: { id: facts.seriesId }, select: { id: true } }))) {
    fields.seriesId = "agenda.validation.unknownSeries";
  }
  if (Object.keys(fields).length) throw invalidInput(fields);
}

export async function createEvent(input: unknown, registration: RegistrationDefaults = {}) {
  const facts = parseOrThrow(eventFactsSchema, input);
  await checkSeriesAndSlug(facts);
  const db = await prisma();
  return db.event.create({ data: { ...facts, ...registration, status: "DRAFT" } });
}

export async function updateEvent(eventId: string, input: unknown) {
  const facts = parseOrThrow(eventFactsSchema, input);
  await checkSeriesAndSlug(facts, eventId);
  const db = await prisma();
  return db.event.update({ where: { id: eventId }, data: facts });
}

export async function setEventStatus(eventId: string, status: "PUBLISHED" | "ARCHIVED" | "DRAFT", now = new Date()) {
  const db = await prisma();
  return db.event.update({
    where: { id: eventId },
    data: { status, ...(status === "PUBLISHED" ? { publishedAt: now } : {}) },
  });
}

export const publishEvent = (eventId: string, now = new Date()) => setEventStatus(eventId, "PUBLISHED", now);
export const archiveEvent = (eventId: string) => setEventStatus(eventId, "ARCHIVED");

export async function getEventById(eventId: string) {
  const db = await prisma();
  return db.event.findUnique({ where: { id: eventId }, include: { series: true } });
}

/** The form values of an event, with its times in its own zone. */
export function eventFormValues(event: Event): Record<string, string> {
  const starts = utcToZonedParts(event.startsAt, event.timeZone);
  const ends = utcToZonedParts(event.endsAt, event.timeZone);
  return {
    slug: event.slug,
    kind: event.kind,
    seriesId: event.seriesId ?? "",
    title: event.title,
    titleEn: event.titleEn,
    theme: event.theme,
    themeEn: event.themeEn,
    description: event.description,
    descriptionEn: event.descriptionEn,
    city: event.city,
    cityEn: event.cityEn,
    industry: event.industry,
    venue: event.venue,
    venueEn: event.venueEn,
    address: event.address,
    timeZone: event.timeZone,
    startDate: starts.date,
    startTime: starts.time,
    endDate: ends.date,
    endTime: ends.time,
  };
}
