import { printableText } from "./text";

/**
 * A small iCalendar writer (RFC 5545) for published calendars. Written here rather than taken from a
 * library because the ones that run on Node 20 fold lines by characters instead of octets, or leave
 * `X-WR-CALNAME` unescaped: a calendar app then cuts a CJK title in the middle of a character, or reads a
 * comma in an event's name as a list separator.
 */
export type CalendarEvent = {
  uid: string;
  /** When this information was last revised (DTSTAMP): a fixed instant, so the same agenda gives the same file. */
  revisedAt: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  categories?: string[];
  sequence?: number;
};

export type Calendar = { productId: string; name: string; timeZone?: string; events: CalendarEvent[] };

const maxLineOctets = 75;
const utf8 = new TextEncoder();

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break as `\n`. */
export function escapeText(value: string): string {
  return printableText(value)
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

/**
 * One content line folded at 75 octets (RFC 5545 §3.1): each continuation starts with a space, and a
 * break never falls inside a character's UTF-8 sequence (iterating by code points keeps surrogate pairs whole).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    if (octets + size > maxLineOctets) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** A DATE-TIME in UTC, e.g. 20250723T010000Z. */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function eventLines(event: CalendarEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.revisedAt)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.categories?.length ? [`CATEGORIES:${event.categories.map(escapeText).join(",")}`] : []),
    ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
    "END:VEVENT",
  ];
}

/** The whole calendar, CRLF line ends, every line folded. */
export function icalendar(calendar: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(calendar.productId)}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.timeZone ? [`X-WR-TIMEZONE:${escapeText(calendar.timeZone)}`] : []),
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
