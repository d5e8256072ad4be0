import type { z } from "zod";
import type { Event, Series } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { fieldErrors } from "~/utils/http.server";
import { DomainError } from "~/utils/domain-error";
import { eventFactsSchema, type EventFacts, type EventFactsInput, type NewEventFacts } from "~/schemas/agenda";
import type { EventSummary } from "~/schemas/api-events";
import { slugFromTitles } from "~/utils/slug.server";
import { utcToZonedParts } from "~/utils/time";

export type RegistrationState = "open" | "not_yet_open" | "closed" | "full";

type RegistrationFacts = Pick<Event, "registrationOpensAt" | "registrationClosesAt" | "capacity" | "confirmedCount" | "waitlistEnabled" | "endsAt">;

/** Whether an attendee can register now (DESIGN.md §5 `registration.status`). */
export function registrationState(event: RegistrationFacts, now = new Date()): RegistrationState {
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "not_yet_open";
  const closesAt = event.registrationClosesAt ?? event.endsAt;
  if (now >= closesAt) return "closed";
  if (event.capacity !== null && event.confirmedCount >= event.capacity && !event.waitlistEnabled) return "full";
  return "open";
}

export function publicEventSummary(event: Event & { series: Series | null }, now = new Date()): EventSummary {
  return {
    slug: event.slug,
    title: event.title,
    titleEn: event.titleEn || null,
    kind: event.kind,
    series: event.series ? { slug: event.series.slug, title: event.series.title, titleEn: event.series.titleEn || null } : null,
    city: event.city,
    cityEn: event.cityEn || null,
    venue: event.venue,
    venueEn: event.venueEn || null,
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
  const everything = user.roles.some((grant) => grant.role === "ADMIN" || (grant.role === "ORGANIZER" && !grant.eventId && !grant.seriesId));
  const eventIds = user.roles.flatMap((grant) => (grant.role === "ORGANIZER" && grant.eventId ? [grant.eventId] : []));
  const seriesIds = user.roles.flatMap((grant) => (grant.role === "ORGANIZER" && grant.seriesId ? [grant.seriesId] : []));
  return db.event.findMany({
    where: everything ? {} : { OR: [{ id: { in: eventIds } }, { seriesId: { in: seriesIds } }] },
    orderBy: { startsAt: "desc" },
  });
}

// ───────────────────────────── Back office: create, edit, publish, archive ─────────────────────────────

/** A 422 whose `fields` hold message keys; routes translate them for the reader. */
export function invalidInput(fields: Record<string, string>): DomainError {
  return new DomainError("invalid", "invalid_input", "form.fixErrors", undefined, fields);
}

export function parseOrThrow<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

/** Registration settings the seed may set at creation; the registration capability edits them later. */
export type RegistrationDefaults = Partial<Pick<Event, "registrationOpensAt" | "registrationClosesAt" | "capacity" | "requiresApproval" | "waitlistEnabled" | "emailConfirmHoldMinutes">>;

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

/** A draft event from raw facts (the seed): checked by the event form's schema first. */
export async function createEvent(input: unknown, registration: RegistrationDefaults = {}) {
  return addEvent(parseOrThrow(eventFactsSchema, input), registration);
}

export async function addEvent(facts: EventFacts, registration: RegistrationDefaults = {}) {
  await checkSeriesAndSlug(facts);
  const db = await prisma();
  return db.event.create({ data: { ...facts, ...registration, status: "DRAFT" } });
}

/** An event from the "new event" form: an empty URL name is proposed from the titles (proposeEventSlug). */
export async function addNewEvent(facts: NewEventFacts) {
  const slug = facts.slug ?? (await proposeEventSlug(facts));
  if (!slug) throw invalidInput({ slug: "agenda.validation.slugNeeded" });
  return addEvent({ ...facts, slug });
}

/** The titles' URL name, made unique with -2, -3 … when an event already has it. */
export async function proposeEventSlug(titles: { title: string; titleEn?: string | null }): Promise<string | null> {
  const base = slugFromTitles(titles);
  if (!base) return null;
  const db = await prisma();
  const taken = new Set((await db.event.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((event) => event.slug));
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function updateEvent(eventId: string, facts: EventFacts) {
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
export function eventFormValues(event: Event): EventFactsInput {
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
