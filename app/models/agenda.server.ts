import { moveDaySchema, roomSchema, sessionSchema, shiftSchema, trackSchema, type PlaceFacts, type RoomFacts, type SessionFacts, type TrackFacts } from "~/schemas/agenda";
import type { Event } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { moveToLocalDay, utcToZonedParts } from "~/utils/time";
import { findConflicts } from "./conflicts.server";
import { invalidInput, parseOrThrow } from "./event.server";

export { sessionTypes, type SessionInput, type SessionTypeName } from "~/schemas/agenda";

async function nameTaken(kind: "room" | "track", eventId: string, name: string, exceptId?: string) {
  const db = await prisma();
  const where = { eventId_name: { eventId, name } };
  const found = kind === "room" ? await db.room.findUnique({ where }) : await db.track.findUnique({ where });
  return Boolean(found && found.id !== exceptId);
}

/** A room from raw facts (the seed): checked by the room form's schema first. */
export async function createRoom(eventId: string, input: unknown) {
  return addRoom(eventId, parseOrThrow(roomSchema, input));
}

export async function addRoom(eventId: string, facts: RoomFacts) {
  if (await nameTaken("room", eventId, facts.name)) throw invalidInput({ name: "agenda.validation.nameTaken" });
  const db = await prisma();
  const position = await db.room.count({ where: { eventId } });
  return db.room.create({ data: { ...facts, eventId, position } });
}

export async function deleteRoom(eventId: string, roomId: string) {
  await ownRoom(eventId, roomId);
  await (await prisma()).room.delete({ where: { id: roomId } });
}

/** A track from raw facts (the seed): checked by the track form's schema first. */
export async function createTrack(eventId: string, input: unknown) {
  return addTrack(eventId, parseOrThrow(trackSchema, input));
}

export async function addTrack(eventId: string, facts: TrackFacts) {
  if (await nameTaken("track", eventId, facts.name)) throw invalidInput({ name: "agenda.validation.nameTaken" });
  const db = await prisma();
  const position = await db.track.count({ where: { eventId } });
  return db.track.create({ data: { ...facts, eventId, position } });
}

export async function deleteTrack(eventId: string, trackId: string) {
  await ownTrack(eventId, trackId);
  await (await prisma()).track.delete({ where: { id: trackId } });
}

const notFoundInEvent = () => new DomainError("not_found", "not_found", "error.notFound.body");

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

/** A session from raw facts (the seed): its day and times are read in the event's zone. */
export async function createSession(eventId: string, input: unknown) {
  const event = await requireEvent(eventId);
  return addSession(eventId, parseOrThrow(sessionSchema(event.timeZone), input));
}

/** `facts` come from `sessionSchema(event's zone)`. */
export async function addSession(eventId: string, facts: SessionFacts) {
  await checkPlacement(eventId, facts);
  return (await prisma()).session.create({ data: { ...facts, eventId } });
}

/** `facts` come from `sessionSchema(event's zone)`. */
export async function updateSession(eventId: string, sessionId: string, facts: SessionFacts) {
  await ownSession(eventId, sessionId);
  await checkPlacement(eventId, facts);
  return (await prisma()).session.update({ where: { id: sessionId }, data: facts });
}

/**
 * A session put somewhere else on the grid (dragged, resized or moved with the keyboard). Overlaps are not
 * refused: they are conflicts, drawn on the grid and weighed at publishing. A plenary session keeps its room.
 * Answers where it was and where it is, for the audit log.
 */
export async function placeSession(eventId: string, facts: PlaceFacts) {
  const session = await ownSession(eventId, facts.id);
  const roomId = session.plenary ? session.roomId : facts.roomId;
  await checkPlacement(eventId, { roomId, trackId: null });
  const placed = await (await prisma()).session.update({ where: { id: session.id }, data: { startsAt: facts.startsAt, endsAt: facts.endsAt, roomId }, include: { room: true } });
  return {
    title: session.title,
    plenary: session.plenary,
    room: placed.room?.name ?? null,
    before: { startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), roomId: session.roomId },
    after: { startsAt: facts.startsAt.toISOString(), endsAt: facts.endsAt.toISOString(), roomId },
  };
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

export async function shiftSession(eventId: string, sessionId: string, input: unknown) {
  return shiftSessionBy(eventId, sessionId, parseOrThrow(shiftSchema, input).minutes);
}

export async function shiftSessionBy(eventId: string, sessionId: string, minutes: number) {
  const session = await ownSession(eventId, sessionId);
  const delta = minutes * 60_000;
  return (await prisma()).session.update({
    where: { id: sessionId },
    data: { startsAt: new Date(session.startsAt.getTime() + delta), endsAt: new Date(session.endsAt.getTime() + delta) },
  });
}

/** Moves a session to a day given as raw input (`{ day }`), checked by the form's schema first. */
export async function moveSessionToDay(eventId: string, sessionId: string, input: unknown) {
  return moveSessionTo(eventId, sessionId, parseOrThrow(moveDaySchema, input).day);
}

/** Same wall-clock times on another day in the event's zone (so 09:00 stays 09:00 across a DST change). */
export async function moveSessionTo(eventId: string, sessionId: string, day: string) {
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
