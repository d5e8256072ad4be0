import { createHash } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import type { Event, Series } from "~/generated/prisma/client";
import { translator } from "~/i18n";
import { printableText } from "~/utils/text";
import { inZone, localDay, minutesBetween } from "~/utils/time";
import { getPublishedAgenda, type AgendaSnapshot, type SnapshotSession } from "./agenda-version.server";
import type { EventDetail } from "~/schemas/api-events";
import { publicEventSummary } from "./event.server";
import { registrationDescription } from "./registration-description.server";
import { appUrl } from "./session-speaker.server";

/**
 * Exports of the published agenda (DESIGN.md §5): the JSON API, iCalendar (RFC 5545, made by `ics`) and
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

/** The agenda as an iCalendar file; `onlyIds` limits it to a reader's favourites. */
export async function agendaIcs(event: PublicEvent, onlyIds?: Set<string>): Promise<string> {
  const agenda = await publishedSessions(event);
  const sessions = agenda.sessions.filter((session) => !onlyIds || onlyIds.has(session.id));
  if (sessions.length === 0) return emptyCalendar(event);
  const items: EventAttributes[] = sessions.map((session) => ({
    uid: `${session.id}@${new URL(appUrl("/")).host}`,
    start: Date.parse(session.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(session.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: printableText(session.title),
    description: printableText([session.description, ...speakerLine(session)].filter(Boolean).join("\n")),
    location: printableText([roomLabel(session, event), event.venue, event.address].filter(Boolean).join(", ")),
    url: appUrl(`/events/${event.slug}#session-${session.id}`),
    categories: [session.type, ...(session.track ? [printableText(session.track.name)] : [])],
    productId: "agent-programme-events/agenda",
    calName: printableText(event.title),
    sequence: event.publishedVersion,
  }));
  const { error, value } = createEvents(items);
  if (error || !value) throw error ?? new Error("ics produced nothing");
  return value;
}

function emptyCalendar(event: Event) {
  const name = printableText(event.title)
    .replace(/[\\;,]/g, (match) => `\\${match}`)
    .replace(/\n/g, "\\n");
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:agent-programme-events/agenda", "CALSCALE:GREGORIAN", `X-WR-CALNAME:${name}`, "END:VCALENDAR", ""].join("\r\n");
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

function frabModel(event: PublicEvent, agenda: AgendaSnapshot) {
  const zone = event.timeZone;
  const days = new Map<string, SnapshotSession[]>();
  for (const session of agenda.sessions) {
    const day = localDay(session.startsAt, zone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  const sortedDays = [...days.keys()].sort();
  const eventStart = localDay(event.startsAt, zone);
  const eventEnd = localDay(event.endsAt, zone);
  const allDays = sortedDays.length ? sortedDays : [eventStart];
  return {
    conference: {
      title: event.title,
      acronym: event.slug,
      start: [eventStart, allDays[0]].sort()[0],
      end: [eventEnd, allDays[allDays.length - 1]].sort().reverse()[0],
      days: allDays.length,
      timeZone: zone,
    },
    days: allDays.map((date, index) => {
      const sessions = days.get(date) ?? [];
      const rooms = new Map<string, SnapshotSession[]>();
      for (const session of sessions) {
        const room = roomLabel(session, event) || "—";
        rooms.set(room, [...(rooms.get(room) ?? []), session]);
      }
      const starts = sessions.map((session) => session.startsAt).sort();
      const ends = sessions.map((session) => session.endsAt).sort();
      return {
        index: index + 1,
        date,
        start: inZone(starts[0] ?? `${date}T00:00:00Z`, zone).toISO({ suppressMilliseconds: true })!,
        end: inZone(ends[ends.length - 1] ?? `${date}T00:00:00Z`, zone).toISO({ suppressMilliseconds: true })!,
        rooms: [...rooms.entries()].map(([name, roomSessions]) => ({
          name,
          events: roomSessions.map((session) => ({
            id: numericId(session.id),
            guid: guid(session.id),
            room: name,
            title: session.title,
            subtitle: session.titleEn,
            type: lower(session.type),
            date: inZone(session.startsAt, zone).toISO({ suppressMilliseconds: true })!,
            start: inZone(session.startsAt, zone).toFormat("HH:mm"),
            duration: duration(minutesBetween(session.startsAt, session.endsAt)),
            abstract: speakerLine(session).join("；"),
            description: session.description,
            slug: `${event.slug}-${numericId(session.id)}`,
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
      base_url: appUrl(`/events/${event.slug}`),
      conference: {
        acronym: model.conference.acronym,
        title: model.conference.title,
        start: model.conference.start,
        end: model.conference.end,
        daysCount: model.conference.days,
        timeslot_duration: "00:05",
        time_zone_name: model.conference.timeZone,
        rooms: roomNames.map((name) => ({ name, guid: guid(`room:${event.id}:${name}`) })),
        days: model.days.map((day) => ({
          index: day.index - 1,
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
