import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import type { Event, Series } from "~/generated/prisma/client";
import { translator } from "~/i18n";
import { DomainError } from "~/utils/domain-error";
import { icalendar, type CalendarEvent } from "~/utils/icalendar";
import { printableText } from "~/utils/text";
import { inZone, localDay, minutesBetween } from "~/utils/time";
import { getPublishedAgenda, type AgendaSnapshot, type SnapshotSession } from "./agenda-version.server";
import type { EventDetail } from "~/schemas/api-events";
import { publicEventSummary } from "./event.server";
import { getPublishedSeriesBySlug } from "./series.server";
import { registrationDescription } from "./registration-description.server";
import { appUrl } from "./session-speaker.server";

/**
 * Exports of the published agenda (DESIGN.md §5): the JSON API, iCalendar (RFC 5545) and
 * the frab schedule.xml / schedule.json read by Giggity, ConfClerk and the c3voc tools. All of them read
 * the published snapshot, never the draft.
 */
type PublicEvent = Event & { series: Series | null };

const lower = (value: string) => value.toLowerCase();

export async function publishedSessions(event: PublicEvent): Promise<AgendaSnapshot> {
  const agenda = await getPublishedAgenda(event.id, event.publishedVersion);
  return agenda?.snapshot ?? { rooms: [], tracks: [], sessions: [] };
}

/** `GET /api/v1/events/:slug`: the event, what registering needs, and its published agenda. */
export async function eventApiBody(event: PublicEvent): Promise<EventDetail> {
  const agenda = await publishedSessions(event);
  const summary = publicEventSummary(event);
  return {
    ...summary,
    registration: { ...summary.registration, ...(await registrationDescription(event)) },
    theme: event.theme,
    description: event.description,
    agendaVersion: event.publishedVersion,
    sessions: agenda.sessions.map((session) => ({
      id: session.id,
      title: session.title,
      type: lower(session.type),
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      room: session.room?.name ?? null,
      track: session.track?.name ?? null,
      speakers: session.speakers.map((speaker) => ({ name: speaker.name, organization: speaker.organization, title: speaker.title, role: lower(speaker.role) })),
    })),
  };
}

function speakerLine(session: SnapshotSession) {
  const t = translator("zh-CN");
  return session.speakers.map((speaker) => `${t(`agenda.role.${speaker.role}` as Parameters<typeof t>[0])}：${speaker.name}${speaker.organization ? `（${speaker.organization}）` : ""}`);
}

function roomLabel(session: SnapshotSession, event: Event) {
  if (session.room) return session.room.name;
  return session.plenary ? translator("zh-CN")("agenda.plenary") : event.venue;
}

// UIDs name the session (or event) and this fixed namespace, never APP_URL's host: a calendar that
// subscribed before the site moved keeps its entries instead of showing every session twice.
const uidNamespace = "agent-programme-events";
const calendarProduct = "-//agent-programme-events//agenda//ZH";

function sessionEntry(event: PublicEvent, session: SnapshotSession, publishedAt: string): CalendarEvent {
  return {
    uid: `${session.id}@${uidNamespace}`,
    revisedAt: new Date(publishedAt),
    start: new Date(session.startsAt),
    end: new Date(session.endsAt),
    summary: session.title,
    description: [session.description, ...speakerLine(session)].filter(Boolean).join("\n"),
    location: [roomLabel(session, event), event.venue, event.address].filter(Boolean).join(", "),
    url: appUrl(`/events/${event.slug}#session-${session.id}`),
    categories: [session.type, ...(session.track ? [session.track.name] : [])],
    sequence: event.publishedVersion,
  };
}

/** An event whose agenda is not published yet is one entry of its own, so a calendar still shows when and where it is. */
function eventEntry(event: PublicEvent): CalendarEvent {
  return {
    uid: `${event.id}@${uidNamespace}`,
    revisedAt: event.updatedAt,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: [event.theme, event.description].filter(Boolean).join("\n"),
    location: [event.venue, event.address].filter(Boolean).join(", "),
    url: appUrl(`/events/${event.slug}`),
    categories: [event.kind],
    sequence: event.publishedVersion,
  };
}

/** The calendar entries of an event; `onlyIds` limits them to a reader's favourites and must all be sessions of the published agenda. */
async function calendarEntries(event: PublicEvent, onlyIds?: Set<string>): Promise<CalendarEvent[]> {
  const agenda = await getPublishedAgenda(event.id, event.publishedVersion);
  const sessions = agenda?.snapshot.sessions ?? [];
  if (onlyIds) {
    const known = new Set(sessions.map((session) => session.id));
    const unknown = [...onlyIds].filter((id) => !known.has(id));
    if (unknown.length) throw new DomainError("not_found", "not_found", "event.sessionsNotFound", { ids: unknown.slice(0, 5).join(", ") });
  }
  if (!agenda || sessions.length === 0) return [eventEntry(event)];
  return sessions.filter((session) => !onlyIds || onlyIds.has(session.id)).map((session) => sessionEntry(event, session, agenda.publishedAt));
}

/** The agenda as an iCalendar file; `onlyIds` limits it to a reader's favourites (an id not in the agenda is a 404). */
export async function agendaIcs(event: PublicEvent, onlyIds?: Set<string>): Promise<string> {
  return icalendar({ productId: calendarProduct, name: event.title, timeZone: event.timeZone, events: await calendarEntries(event, onlyIds) });
}

/** The event alone as one calendar entry, for "add to calendar" on its page and after registering. */
export function eventIcs(event: PublicEvent): string {
  return icalendar({ productId: calendarProduct, name: event.title, timeZone: event.timeZone, events: [eventEntry(event)] });
}

/** Every published event of a series in one calendar named after the series: their sessions, or the event itself before its agenda is out. */
export async function seriesAgendaIcs(seriesSlug: string): Promise<string> {
  const series = await getPublishedSeriesBySlug(seriesSlug);
  if (!series) throw new DomainError("not_found", "not_found", "series.notFound");
  const entries = [];
  for (const event of series.events) entries.push(...(await calendarEntries(event)));
  return icalendar({ productId: calendarProduct, name: series.title, events: entries });
}

// ───────────────────────────── frab schedule ─────────────────────────────

/** A stable positive integer for a cuid (frab wants numeric ids); 48 bits make collisions negligible. */
export function numericId(id: string): number {
  return parseInt(createHash("sha256").update(id).digest("hex").slice(0, 12), 16) + 1;
}

function guid(id: string): string {
  const hex = createHash("sha256").update(`frab:${id}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const pad = (value: number) => String(value).padStart(2, "0");
const duration = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const isoInZone = (instant: Date | string, zone: string) => inZone(instant, zone).toISO({ suppressMilliseconds: true })!;

/**
 * The conference acronym the C3VOC formats accept (JSON schema `^[a-z0-9_-][a-z0-9_]{3,}…`, XSD
 * `[a-z0-9_-]{4,}`): the slug with `_` for `-`, padded to four characters. Slugs have no `_`, so two events
 * never share an acronym, and it changes only when the slug does.
 */
export function scheduleAcronym(slug: string): string {
  return slug
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "_")
    .padEnd(4, "_");
}

/** A session's slug as the C3VOC XSD wants it (`[a-z0-9_]{4,}-[a-z0-9_-]{4,}`): the acronym, then its numeric id. */
function sessionSlug(acronym: string, sessionId: string): string {
  return `${acronym}-${String(numericId(sessionId)).padStart(4, "0")}`;
}

// The C3VOC schema's pattern for `time_zone_name`. It admits most IANA names but not all ("Etc/GMT-8",
// "EST5EDT"); those are left out, and every time in the file still carries its UTC offset.
const c3vocZoneName = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

/** Every calendar day from `first` to `last` (yyyy-MM-dd). */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = DateTime.fromISO(first, { zone: "utc" }); day.toISODate()! <= last; day = day.plus({ days: 1 })) days.push(day.toISODate()!);
  return days;
}

function frabModel(event: PublicEvent, agenda: AgendaSnapshot) {
  const zone = event.timeZone;
  const acronym = scheduleAcronym(event.slug);
  const byDay = new Map<string, SnapshotSession[]>();
  for (const session of agenda.sessions) {
    const day = localDay(session.startsAt, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  const sessionDays = [...byDay.keys()].sort();
  const first = [localDay(event.startsAt, zone), ...sessionDays.slice(0, 1)].sort()[0];
  const last = [localDay(event.endsAt, zone), ...sessionDays.slice(-1)].sort().reverse()[0];
  const days = daysBetween(first, last);
  return {
    conference: { title: event.title, acronym, start: first, end: last, days: days.length, timeZone: zone },
    // Numbered from 1, as frab, pretalx and the C3VOC examples number them.
    days: days.map((date, index) => {
      const sessions = byDay.get(date) ?? [];
      const rooms = new Map<string, SnapshotSession[]>();
      for (const session of sessions) {
        const room = roomLabel(session, event) || "—";
        rooms.set(room, [...(rooms.get(room) ?? []), session]);
      }
      const starts = sessions.map((session) => session.startsAt).sort();
      const ends = sessions.map((session) => session.endsAt).sort();
      // A day without sessions spans the part of the event that falls on it.
      const midnight = DateTime.fromISO(date, { zone });
      const dayStart = starts[0] ?? DateTime.max(midnight, inZone(event.startsAt, zone)).toISO()!;
      const dayEnd = ends[ends.length - 1] ?? DateTime.min(midnight.plus({ days: 1 }), inZone(event.endsAt, zone)).toISO()!;
      return {
        index: index + 1,
        date,
        start: isoInZone(dayStart, zone),
        end: isoInZone(dayEnd, zone),
        rooms: [...rooms.entries()].map(([name, roomSessions]) => ({
          name,
          events: roomSessions.map((session) => ({
            id: numericId(session.id),
            guid: guid(session.id),
            room: name,
            title: session.title,
            subtitle: session.titleEn,
            type: lower(session.type),
            date: isoInZone(session.startsAt, zone),
            end: isoInZone(session.endsAt, zone),
            start: inZone(session.startsAt, zone).toFormat("HH:mm"),
            duration: duration(minutesBetween(session.startsAt, session.endsAt)),
            abstract: speakerLine(session).join("；"),
            description: session.description,
            slug: sessionSlug(acronym, session.id),
            track: session.track?.name ?? "",
            language: "zh",
            url: appUrl(`/events/${event.slug}#session-${session.id}`),
            persons: session.speakers.map((speaker) => ({ id: numericId(speaker.id), name: speaker.name, role: lower(speaker.role) })),
          })),
        })),
      };
    }),
  };
}

// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF; one such character in a stored title would make the whole document ill-formed.
const escapeXml = (value: string) => printableText(value).replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);

export async function scheduleXml(event: PublicEvent): Promise<string> {
  const model = frabModel(event, await publishedSessions(event));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<schedule>",
    `  <version>${event.publishedVersion}</version>`,
    "  <conference>",
    `    <title>${escapeXml(model.conference.title)}</title>`,
    `    <acronym>${escapeXml(model.conference.acronym)}</acronym>`,
    `    <start>${model.conference.start}</start>`,
    `    <end>${model.conference.end}</end>`,
    `    <days>${model.conference.days}</days>`,
    "    <timeslot_duration>00:05</timeslot_duration>",
    "  </conference>",
  ];
  for (const day of model.days) {
    lines.push(`  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">`);
    for (const room of day.rooms) {
      lines.push(`    <room name="${escapeXml(room.name)}">`);
      for (const item of room.events) {
        lines.push(
          `      <event id="${item.id}" guid="${item.guid}">`,
          `        <room>${escapeXml(item.room)}</room>`,
          `        <title>${escapeXml(item.title)}</title>`,
          `        <subtitle>${escapeXml(item.subtitle)}</subtitle>`,
          `        <type>${item.type}</type>`,
          `        <date>${item.date}</date>`,
          `        <start>${item.start}</start>`,
          `        <duration>${item.duration}</duration>`,
          `        <abstract>${escapeXml(item.abstract)}</abstract>`,
          `        <description>${escapeXml(item.description)}</description>`,
          `        <slug>${escapeXml(item.slug)}</slug>`,
          `        <track>${escapeXml(item.track)}</track>`,
          `        <language>${item.language}</language>`,
          "        <persons>",
          ...item.persons.map((person) => `          <person id="${person.id}">${escapeXml(person.name)}</person>`),
          "        </persons>",
          "        <links>",
          `          <link href="${escapeXml(item.url)}">${escapeXml(item.title)}</link>`,
          "        </links>",
          "      </event>",
        );
      }
      lines.push("    </room>");
    }
    lines.push("  </day>");
  }
  lines.push("</schedule>", "");
  return lines.join("\n");
}

export async function scheduleJson(event: PublicEvent) {
  const model = frabModel(event, await publishedSessions(event));
  const roomNames = [...new Set(model.days.flatMap((day) => day.rooms.map((room) => room.name)))];
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "agent-programme-events" },
    schedule: {
      version: String(event.publishedVersion),
      base_url: appUrl("/"),
      conference: {
        acronym: model.conference.acronym,
        title: model.conference.title,
        url: appUrl(`/events/${event.slug}`),
        start: model.conference.start,
        end: model.conference.end,
        daysCount: model.conference.days,
        timeslot_duration: "00:05",
        ...(c3vocZoneName.test(model.conference.timeZone) ? { time_zone_name: model.conference.timeZone } : {}),
        rooms: roomNames.map((name) => ({ name, guid: guid(`room:${event.id}:${name}`) })),
        days: model.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            day.rooms.map((room) => [
              room.name,
              room.events.map((item) => ({
                id: item.id,
                guid: item.guid,
                logo: null,
                date: item.date,
                end: item.end,
                start: item.start,
                duration: item.duration,
                room: item.room,
                slug: item.slug,
                url: item.url,
                title: item.title,
                subtitle: item.subtitle,
                track: item.track || null,
                type: item.type,
                language: item.language,
                abstract: item.abstract,
                description: item.description,
                recording_license: "",
                do_not_record: true,
                persons: item.persons.map((person) => ({ id: person.id, public_name: person.name, role: person.role })),
                links: [{ url: item.url, title: item.title }],
                attachments: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
}
