import { z } from "zod";
import type { Event } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { moveToLocalDay, parseZonedDateTime, utcToZonedParts } from "~/utils/time";
import { calendarDay, dateTimeIssue } from "~/utils/zoned-input";
import { zLongText, zOptionalText, zText } from "~/utils/text";
import { findConflicts } from "./conflicts.server";
import { invalidInput, parseOrThrow } from "./event.server";

export const sessionTypes = ["OPENING_REMARKS", "KEYNOTE", "TALK", "PANEL", "CEREMONY", "ROUNDTABLE", "BREAK", "MATCHMAKING", "OTHER"] as const;
export type SessionTypeName = (typeof sessionTypes)[number];

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

// ───────────────────────────── Rooms and tracks ─────────────────────────────

export const roomSchema = z.object({
  name: zText(100, { tooLong: "agenda.validation.tooLong" }),
  nameEn: zOptionalText(100, { tooLong: "agenda.validation.tooLong" }),
  capacity: z
    .union([z.literal(""), z.coerce.number().int("agenda.validation.capacity").min(1, "agenda.validation.capacity").max(100000, "agenda.validation.capacity")])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value)),
});

export const trackSchema = z.object({
  name: zText(100, { tooLong: "agenda.validation.tooLong" }),
  nameEn: zOptionalText(100, { tooLong: "agenda.validation.tooLong" }),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "agenda.validation.color")
    .default("#2563eb"),
});

async function nameTaken(kind: "room" | "track", eventId: string, name: string, exceptId?: string) {
  const db = await prisma();
  const where = { eventId_name: { eventId, name } };
  const found = kind === "room" ? await db.room.findUnique({ where }) : await db.track.findUnique({ where });
  return Boolean(found && found.id !== exceptId);
}

export async function createRoom(eventId: string, input: unknown) {
  const facts = parseOrThrow(roomSchema, input);
  if (await nameTaken("room", eventId, facts.name)) throw invalidInput({ name: "agenda.validation.nameTaken" });
  const db = await prisma();
  const position = await db.room.count({ where: { eventId } });
  return db.room.create({ data: { ...facts, eventId, position } });
}

export async function deleteRoom(eventId: string, roomId: string) {
  await ownRoom(eventId, roomId);
  await (await prisma()).room.delete({ where: { id: roomId } });
}

export async function createTrack(eventId: string, input: unknown) {
  const facts = parseOrThrow(trackSchema, input);
  if (await nameTaken("track", eventId, facts.name)) throw invalidInput({ name: "agenda.validation.nameTaken" });
  const db = await prisma();
  const position = await db.track.count({ where: { eventId } });
  return db.track.create({ data: { ...facts, eventId, position } });
}

export async function deleteTrack(eventId: string, trackId: string) {
  await ownTrack(eventId, trackId);
  await (await prisma()).track.delete({ where: { id: trackId } });
}

const notFoundInEvent = () => new HttpError(404, "not_found", "error.notFound.body");

async function ownRoom(eventId: string, roomId: string) {
  const room = await (await prisma()).room.findUnique({ where: { id: roomId } });
  if (!room || room.eventId !== eventId) throw notFoundInEvent();
  return room;
}

async function ownTrack(eventId: string, trackId: string) {
  const track = await (await prisma()).track.findUnique({ where: { id: trackId } });
  if (!track || track.eventId !== eventId) throw notFoundInEvent();
  return track;
}

/** The session, if it belongs to this event (ids come from URLs and forms: never trust them alone). */
export async function ownSession(eventId: string, sessionId: string) {
  const session = await (await prisma()).session.findUnique({ where: { id: sessionId } });
  if (!session || session.eventId !== eventId) throw notFoundInEvent();
  return session;
}

async function requireEvent(eventId: string): Promise<Event> {
  const event = await (await prisma()).event.findUnique({ where: { id: eventId } });
  if (!event) throw notFoundInEvent();
  return event;
}

// ───────────────────────────── Sessions ─────────────────────────────

/** The session form: a day and two times, entered in the event's zone. Built per zone, shared by form and seed. */
export function sessionSchema(timeZone: string) {
  return z
    .object({
      title: zText(200, { tooLong: "agenda.validation.tooLong" }),
      titleEn: zOptionalText(200, { tooLong: "agenda.validation.tooLong" }),
      type: z.enum(sessionTypes, { message: "agenda.validation.sessionType" }),
      date: z.string().trim().min(1, "validation.required"),
      startTime: z.string().trim().min(1, "validation.required"),
      endTime: z.string().trim().min(1, "validation.required"),
      roomId: optionalId,
      trackId: optionalId,
      plenary: checkbox,
      description: zLongText(5000, { tooLong: "agenda.validation.tooLong" }),
      descriptionEn: zLongText(5000, { tooLong: "agenda.validation.tooLong" }),
    })
    .transform((input, ctx) => {
      const starts = parseZonedDateTime(input.date, input.startTime, timeZone);
      const ends = parseZonedDateTime(input.date, input.endTime, timeZone);
      if (!starts.ok) ctx.addIssue({ code: "custom", path: ["startTime"], message: dateTimeIssue(starts.reason) });
      if (!ends.ok) ctx.addIssue({ code: "custom", path: ["endTime"], message: dateTimeIssue(ends.reason) });
      if (!starts.ok || !ends.ok) return z.NEVER;
      if (ends.instant <= starts.instant) {
        ctx.addIssue({ code: "custom", path: ["endTime"], message: "agenda.validation.endBeforeStart" });
        return z.NEVER;
      }
      const { date: _date, startTime: _start, endTime: _end, ...facts } = input;
      return { ...facts, startsAt: starts.instant, endsAt: ends.instant };
    });
}

export type SessionInput = z.input<ReturnType<typeof sessionSchema>>;

async function checkPlacement(eventId: string, facts: { roomId: string | null; trackId: string | null }) {
  const fields: Record<string, string> = {};
  const db = await prisma();
  if (facts.roomId) {
    const room = await db.room.findUnique({ where: { id: facts.roomId }, select: { eventId: true } });
    if (room?.eventId !== eventId) fields.roomId = "agenda.validation.unknownRoom";
  }
  if (facts.trackId) {
    const track = await db.track.findUnique({ where: { id: facts.trackId }, select: { eventId: true } });
    if (track?.eventId !== eventId) fields.trackId = "agenda.validation.unknownTrack";
  }
  if (Object.keys(fields).length) throw invalidInput(fields);
}

export async function createSession(eventId: string, input: unknown) {
  const event = await requireEvent(eventId);
  const facts = parseOrThrow(sessionSchema(event.timeZone), input);
  await checkPlacement(eventId, facts);
  return (await prisma()).session.create({ data: { ...facts, eventId } });
}

export async function updateSession(eventId: string, sessionId: string, input: unknown) {
  const event = await requireEvent(eventId);
  await ownSession(eventId, sessionId);
  const facts = parseOrThrow(sessionSchema(event.timeZone), input);
  await checkPlacement(eventId, facts);
  return (await prisma()).session.update({ where: { id: sessionId }, data: facts });
}

export async function deleteSession(eventId: string, sessionId: string) {
  await ownSession(eventId, sessionId);
  await (await prisma()).session.delete({ where: { id: sessionId } });
}

/** A copy right after the original, with the same people in the same roles (their answers start afresh). */
export async function duplicateSession(eventId: string, sessionId: string) {
  const original = await ownSession(eventId, sessionId);
  const db = await prisma();
  const speakers = await db.sessionSpeaker.findMany({ where: { sessionId }, orderBy: { position: "asc" } });
  const length = original.endsAt.getTime() - original.startsAt.getTime();
  const copy = await db.session.create({
    data: {
      eventId,
      title: original.title,
      titleEn: original.titleEn,
      type: original.type,
      startsAt: original.endsAt,
      endsAt: new Date(original.endsAt.getTime() + length),
      roomId: original.roomId,
      trackId: original.trackId,
      plenary: original.plenary,
      description: original.description,
      descriptionEn: original.descriptionEn,
    },
  });
  for (const speaker of speakers) {
    await db.sessionSpeaker.create({ data: { sessionId: copy.id, speakerId: speaker.speakerId, role: speaker.role, position: speaker.position } });
  }
  return copy;
}

export const shiftSchema = z.object({
  minutes: z.coerce
    .number({ message: "agenda.validation.minutes" })
    .int("agenda.validation.minutes")
    .min(-7 * 24 * 60, "agenda.validation.minutes")
    .max(7 * 24 * 60, "agenda.validation.minutes")
    .refine((value) => value !== 0, "agenda.validation.minutes"),
});

export async function shiftSession(eventId: string, sessionId: string, input: unknown) {
  const { minutes } = parseOrThrow(shiftSchema, input);
  const session = await ownSession(eventId, sessionId);
  const delta = minutes * 60_000;
  return (await prisma()).session.update({
    where: { id: sessionId },
    data: { startsAt: new Date(session.startsAt.getTime() + delta), endsAt: new Date(session.endsAt.getTime() + delta) },
  });
}

export const moveDaySchema = z.object({ day: calendarDay });

/** Same wall-clock times on another day in the event's zone (so 09:00 stays 09:00 across a DST change). */
export async function moveSessionToDay(eventId: string, sessionId: string, input: unknown) {
  const { day } = parseOrThrow(moveDaySchema, input);
  const event = await requireEvent(eventId);
  const session = await ownSession(eventId, sessionId);
  const startsAt = moveToLocalDay(session.startsAt, day, event.timeZone);
  const endDay = utcToZonedParts(session.endsAt, event.timeZone).date;
  const startDay = utcToZonedParts(session.startsAt, event.timeZone).date;
  const dayOffset = Math.round((Date.parse(endDay) - Date.parse(startDay)) / 86_400_000);
  const targetEndDay = new Date(Date.parse(day) + dayOffset * 86_400_000).toISOString().slice(0, 10);
  const endsAt = moveToLocalDay(session.endsAt, targetEndDay, event.timeZone);
  if (!startsAt || !endsAt) throw invalidInput({ day: "agenda.validation.nonexistentTime" });
  return (await prisma()).session.update({ where: { id: sessionId }, data: { startsAt, endsAt } });
}

// ───────────────────────────── The editor's view ─────────────────────────────

/** Everything the agenda editor shows, in one query, with the conflict list. */
export async function getEditorAgenda(eventId: string) {
  const db = await prisma();
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: {
      series: true,
      rooms: { orderBy: { position: "asc" } },
      tracks: { orderBy: { position: "asc" } },
      sessions: {
        orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
        include: {
          room: true,
          track: true,
          speakers: { orderBy: [{ position: "asc" }], include: { speaker: true } },
        },
      },
      agendaVersions: { orderBy: { version: "desc" }, select: { version: true, publishedAt: true, changeSummary: true } },
    },
  });
  if (!event) throw notFoundInEvent();
  return { event, conflicts: findConflicts(event, event.sessions) };
}

/** Form values of a session, in the event's zone. */
export function sessionFormValues(
  session: { title: string; titleEn: string; type: string; startsAt: Date; endsAt: Date; roomId: string | null; trackId: string | null; plenary: boolean; description: string; descriptionEn: string },
  timeZone: string,
) {
  const starts = utcToZonedParts(session.startsAt, timeZone);
  return {
    title: session.title,
    titleEn: session.titleEn,
    type: session.type,
    date: starts.date,
    startTime: starts.time,
    endTime: utcToZonedParts(session.endsAt, timeZone).time,
    roomId: session.roomId ?? "",
    trackId: session.trackId ?? "",
    plenary: session.plenary,
    description: session.description,
    descriptionEn: session.descriptionEn,
  };
}
