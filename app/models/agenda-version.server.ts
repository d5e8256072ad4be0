import { randomUUID } from "node:crypto";
import { renderEmail } from "@emails/render";
import SpeakerSessionMoved from "@emails/speaker-session-moved";
import { translator } from "~/i18n";
import { bumpPublishedVersion, insertAgendaVersion, publishDraftEvent } from "~/models/store/agenda-store.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { formatDate, formatTime } from "~/utils/time";
import { getEditorAgenda } from "./agenda.server";
import { appUrl } from "./session-speaker.server";
import { enqueueEmailInTransaction, type OutgoingEmail } from "./outbox.server";

/**
 * Draft and publish (issue 3 §5). The editor works on live rows; the public page, the API and the exports
 * read only the last published snapshot, so edits stay private until published. Each publish stores the
 * snapshot with a version number and the list of changes against the previous version.
 */
export type SnapshotSpeaker = {
  id: string;
  name: string;
  nameEn: string;
  organization: string;
  // Absent from snapshots published before the English affiliation fields existed.
  organizationEn?: string;
  title: string;
  titleEn?: string;
  role: string;
  position: number;
  hasPhoto: boolean;
};

export type SnapshotSession = {
  id: string;
  title: string;
  titleEn: string;
  type: string;
  startsAt: string;
  endsAt: string;
  plenary: boolean;
  room: { id: string; name: string; nameEn: string } | null;
  track: { id: string; name: string; nameEn: string; color: string } | null;
  description: string;
  descriptionEn: string;
  speakers: SnapshotSpeaker[];
};

export type AgendaSnapshot = {
  rooms: { id: string; name: string; nameEn: string }[];
  tracks: { id: string; name: string; nameEn: string; color: string }[];
  sessions: SnapshotSession[];
};

export type ChangeKind = "added" | "removed" | "moved" | "changed";
export type AgendaChange = {
  sessionId: string;
  kind: ChangeKind;
  title: string;
  before?: { startsAt: string; endsAt: string; room: string | null };
  after?: { startsAt: string; endsAt: string; room: string | null };
};

/** The current draft as a snapshot, read in one query. */
export async function buildSnapshot(eventId: string): Promise<AgendaSnapshot> {
  const db = await prisma();
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: {
      rooms: { orderBy: { position: "asc" } },
      tracks: { orderBy: { position: "asc" } },
      sessions: {
        orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
        include: { room: true, track: true, speakers: { orderBy: { position: "asc" }, include: { speaker: true } } },
      },
    },
  });
  if (!event) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return {
    rooms: event.rooms.map((room) => ({ id: room.id, name: room.name, nameEn: room.nameEn })),
    tracks: event.tracks.map((track) => ({ id: track.id, name: track.name, nameEn: track.nameEn, color: track.color })),
    sessions: event.sessions.map((session) => ({
      id: session.id,
      title: session.title,
      titleEn: session.titleEn,
      type: session.type,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      plenary: session.plenary,
      room: session.room ? { id: session.room.id, name: session.room.name, nameEn: session.room.nameEn } : null,
      track: session.track ? { id: session.track.id, name: session.track.name, nameEn: session.track.nameEn, color: session.track.color } : null,
      description: session.description,
      descriptionEn: session.descriptionEn,
      // People who declined are not announced.
      speakers: session.speakers
        .filter((row) => row.confirmation !== "DECLINED")
        .map((row) => ({
          id: row.speaker.id,
          name: row.speaker.name,
          nameEn: row.speaker.nameEn,
          organization: row.speaker.organization,
          organizationEn: row.speaker.organizationEn,
          title: row.speaker.jobTitle,
          titleEn: row.speaker.jobTitleEn,
          role: row.role,
          position: row.position,
          hasPhoto: Boolean(row.speaker.photoPath),
        })),
    })),
  };
}

const placement = (session: SnapshotSession) => ({ startsAt: session.startsAt, endsAt: session.endsAt, room: session.plenary ? "*" : (session.room?.name ?? null) });

function contentKey(session: SnapshotSession) {
  return JSON.stringify([
    session.title,
    session.titleEn,
    session.type,
    session.track?.id ?? null,
    session.description,
    session.descriptionEn,
    session.speakers.map((speaker) => [speaker.id, speaker.role, speaker.position]),
  ]);
}

/** What changed from one snapshot to the next, in agenda order. */
export function diffSnapshots(previous: AgendaSnapshot | null, next: AgendaSnapshot): AgendaChange[] {
  if (!previous) return [];
  const before = new Map(previous.sessions.map((session) => [session.id, session]));
  const changes: AgendaChange[] = [];
  for (const session of next.sessions) {
    const old = before.get(session.id);
    if (!old) {
      changes.push({ sessionId: session.id, kind: "added", title: session.title, after: placement(session) });
      continue;
    }
    before.delete(session.id);
    const oldPlace = placement(old);
    const newPlace = placement(session);
    if (JSON.stringify(oldPlace) !== JSON.stringify(newPlace)) {
      changes.push({ sessionId: session.id, kind: "moved", title: session.title, before: oldPlace, after: newPlace });
    } else if (contentKey(old) !== contentKey(session)) {
      changes.push({ sessionId: session.id, kind: "changed", title: session.title });
    }
  }
  for (const old of before.values()) changes.push({ sessionId: old.id, kind: "removed", title: old.title, before: placement(old) });
  return changes;
}

function describePlace(place: { startsAt: string; endsAt: string; room: string | null }, zone: string, locale: "zh-CN" | "en") {
  const room = place.room === "*" ? translator(locale)("agenda.plenary") : place.room;
  return `${formatDate(place.startsAt, zone, locale)} ${formatTime(place.startsAt, zone)}–${formatTime(place.endsAt, zone)}${room ? ` · ${room}` : ""}`;
}

export type PublishOptions = {
  userId?: string | null;
  now?: Date;
  /** The organizer ticked "publish despite N conflicts"; without it a draft with conflicts is refused. */
  overrideConflicts?: boolean;
  /** The event is a draft and the organizer ticked "publish the event too": both change in one transaction. */
  publishEvent?: boolean;
};

/**
 * Publishes the draft as the next version. The version row, the event's version number (and, when asked,
 * the event's own status) and the e-mails to speakers of moved sessions are written in one transaction; a
 * concurrent publish of the same event loses the guarded UPDATE and is refused instead of skipping or
 * repeating a number. A draft with conflicts is refused unless the organizer overrides; the conflicts that
 * were overridden are answered so the route can audit them.
 */
export async function publishAgenda(eventId: string, { userId = null, now = new Date(), overrideConflicts = false, publishEvent = false }: PublishOptions = {}) {
  const db = await prisma();
  const { event, conflicts } = await getEditorAgenda(eventId);
  if (conflicts.length > 0 && !overrideConflicts) {
    throw new DomainError("conflict", "agenda_conflicts", "agenda.publish.conflicts", { count: conflicts.length });
  }
  const snapshot = await buildSnapshot(eventId);
  const previousRow = event.publishedVersion ? await db.agendaVersion.findUnique({ where: { eventId_version: { eventId, version: event.publishedVersion } } }) : null;
  const previous = previousRow ? (JSON.parse(previousRow.snapshot) as AgendaSnapshot) : null;
  const changes = diffSnapshots(previous, snapshot);
  const version = event.publishedVersion + 1;
  const publishingEvent = publishEvent && event.status === "DRAFT";

  const t = translator("zh-CN");
  const emails: OutgoingEmail[] = [];
  // Addresses are private: they are never part of a snapshot, so they are looked up only for moved sessions.
  const movedSpeakerIds = snapshot.sessions
    .filter((session) => changes.some((change) => change.kind === "moved" && change.sessionId === session.id))
    .flatMap((session) => session.speakers.map((speaker) => speaker.id));
  const addresses = new Map((await db.speaker.findMany({ where: { id: { in: movedSpeakerIds } }, select: { id: true, email: true } })).map((row) => [row.id, row.email]));
  for (const change of changes) {
    if (change.kind !== "moved" || !change.before || !change.after) continue;
    const session = snapshot.sessions.find((candidate) => candidate.id === change.sessionId)!;
    for (const speaker of session.speakers) {
      const address = addresses.get(speaker.id);
      if (!address) continue;
      const rendered = await renderEmail(
        t("agenda.email.moved.subject", { session: session.title }),
        SpeakerSessionMoved({
          locale: "zh-CN",
          speakerName: speaker.name,
          eventTitle: event.title,
          sessionTitle: session.title,
          role: t(`agenda.role.${speaker.role}` as Parameters<typeof t>[0]),
          before: describePlace(change.before, event.timeZone, "zh-CN"),
          after: describePlace(change.after, event.timeZone, "zh-CN"),
          agendaUrl: appUrl(`/events/${event.slug}#session-${session.id}`),
        }),
      );
      emails.push({ kind: "speaker_session_moved", to: address, ...rendered, eventId, dedupeKey: `session-moved:${session.id}:${speaker.id}:${speaker.role}:v${version}` });
    }
  }

  const published = await writeTransaction((sql) => {
    const bumped = bumpPublishedVersion.run(sql, { eventId, from: event.publishedVersion, to: version, at: sqlDate(now) });
    if (bumped.changes !== 1) return false;
    insertAgendaVersion.run(sql, {
      id: randomUUID(),
      eventId,
      version,
      snapshot: JSON.stringify(snapshot),
      changeSummary: JSON.stringify(changes),
      publishedAt: sqlDate(now),
      publishedById: userId,
    });
    if (publishingEvent) publishDraftEvent.run(sql, { eventId, at: sqlDate(now) });
    for (const email of emails) enqueueEmailInTransaction(sql, email, now);
    return true;
  });
  if (!published) throw new DomainError("conflict", "conflict", "agenda.publish.concurrent");
  const titles = new Map(event.sessions.map((session) => [session.id, session.title]));
  return {
    version,
    first: version === 1,
    changes,
    emailsQueued: emails.length,
    eventPublished: publishingEvent,
    overriddenConflicts: conflicts.map((conflict) => ({
      kind: conflict.kind,
      sessions: conflict.sessionIds.map((id) => titles.get(id) ?? id),
      speaker: conflict.speakerName,
      room: conflict.roomName,
    })),
  };
}

export type AgendaState = { version: number; publishedAt: Date | null; unpublishedChanges: number };

/**
 * Where the agenda stands for the event overview: never published (version 0), or version N published at
 * some time, with the number of sessions the draft changed since (added, removed, moved or edited).
 */
export async function agendaState(eventId: string): Promise<AgendaState> {
  const db = await prisma();
  const event = await db.event.findUnique({ where: { id: eventId }, select: { publishedVersion: true } });
  if (!event) throw new DomainError("not_found", "not_found", "error.notFound.body");
  if (event.publishedVersion < 1) return { version: 0, publishedAt: null, unpublishedChanges: 0 };
  const row = await db.agendaVersion.findUnique({ where: { eventId_version: { eventId, version: event.publishedVersion } }, select: { snapshot: true, publishedAt: true } });
  if (!row) return { version: 0, publishedAt: null, unpublishedChanges: 0 };
  const changes = diffSnapshots(JSON.parse(row.snapshot) as AgendaSnapshot, await buildSnapshot(eventId));
  return { version: event.publishedVersion, publishedAt: row.publishedAt, unpublishedChanges: changes.length };
}

type PublishedAgenda = {
  version: number;
  publishedAt: string;
  snapshot: AgendaSnapshot;
  changes: AgendaChange[];
  changedIds: Set<string>;
  log: { version: number; publishedAt: string; changes: AgendaChange[] }[];
};

// Parsed snapshots by event and version: published versions never change, so this is safe to keep.
const cache = new Map<string, PublishedAgenda>();

/** The last published agenda with its change marks and log (null before the first publish). */
export async function getPublishedAgenda(eventId: string, publishedVersion: number): Promise<PublishedAgenda | null> {
  if (publishedVersion < 1) return null;
  const key = `${eventId}:${publishedVersion}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const db = await prisma();
  const rows = await db.agendaVersion.findMany({
    where: { eventId, version: { lte: publishedVersion } },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true, changeSummary: true, snapshot: true },
    take: 1,
  });
  const latest = rows[0];
  if (!latest) return null;
  const logRows = await db.agendaVersion.findMany({
    where: { eventId, version: { lte: publishedVersion } },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true, changeSummary: true },
  });
  const changes = JSON.parse(latest.changeSummary || "[]") as AgendaChange[];
  const result: PublishedAgenda = {
    version: latest.version,
    publishedAt: latest.publishedAt.toISOString(),
    snapshot: JSON.parse(latest.snapshot) as AgendaSnapshot,
    changes,
    changedIds: new Set(changes.filter((change) => change.kind !== "removed").map((change) => change.sessionId)),
    log: logRows.map((row) => ({ version: row.version, publishedAt: row.publishedAt.toISOString(), changes: JSON.parse(row.changeSummary || "[]") })),
  };
  if (cache.size > 200) cache.clear();
  cache.set(key, result);
  return result;
}
