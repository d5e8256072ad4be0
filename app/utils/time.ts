import { DateTime } from "luxon";

/**
 * Agenda times are entered and shown in the event's IANA zone and stored in UTC (DESIGN.md §3).
 * Never the server's local zone.
 */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * "2025-07-23" + "09:00" in `zone` → the UTC instant, or null when the local time does not exist (a
 * daylight-saving gap) or is invalid. A time that happens twice (autumn fold) means its first occurrence.
 */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
  const parsed = parseZonedDateTime(date, time, zone);
  return parsed.ok ? parsed.instant : null;
}

export function inZone(instant: Date | string, zone: string): DateTime {
  return DateTime.fromJSDate(new Date(instant), { zone });
}

export function formatTime(instant: Date | string, zone: string): string {
  return inZone(instant, zone).toFormat("HH:mm");
}

export function formatDate(instant: Date | string, zone: string, locale: string): string {
  return inZone(instant, zone).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}

export function formatDateTime(instant: Date | string, zone: string, locale: string): string {
  return inZone(instant, zone).setLocale(locale).toLocaleString(DateTime.DATETIME_MED);
}

/** The calendar day (yyyy-MM-dd) of an instant in the zone, for grouping agendas by day. */
export function localDay(instant: Date | string, zone: string): string {
  return inZone(instant, zone).toISODate() ?? "";
}

/** The programme's zone: back-office times that belong to no event (DESIGN.md §3; no per-user zone yet). */
export const programmeZone = "Asia/Shanghai";

/** An instant as a log shows it: the zone's date and time with its offset, e.g. "2026年12月1日 06:48 (UTC+8)". */
export function zonedStamp(instant: Date | string, zone: string, locale: string): string {
  return `${formatDateTime(instant, zone, locale)} (${shortOffset(instant, zone)})`;
}

/** e.g. "Asia/Shanghai (UTC+8)", "Asia/Kolkata (UTC+5:30)", "Europe/Berlin (UTC+2)" in summer. */
export function describeZone(zone: string, at: Date | string = new Date()): string {
  return `${zone} (${shortOffset(at, zone)})`;
}

/** The UTC instants a wall-clock time can mean in `zone`: none (spring-forward gap), one, or two (autumn fold). */
export function possibleInstants(date: string, time: string, zone: string): Date[] {
  if (!isValidTimeZone(zone)) return [];
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) return [];
  const wanted = `${date}T${time.slice(0, 5)}`;
  return local
    .getPossibleOffsets()
    .filter((candidate) => candidate.toFormat("yyyy-MM-dd'T'HH:mm") === wanted)
    .map((candidate) => candidate.toUTC().toJSDate())
    .sort((a, b) => a.getTime() - b.getTime());
}

export type TypedTimeFailure = "invalid_zone" | "invalid" | "nonexistent";
export type TypedTime = { ok: true; instant: Date; ambiguous: boolean } | { ok: false; reason: TypedTimeFailure };

/**
 * The one reader of a date and time someone typed, in the event's zone. Says why a time was refused: not a
 * real calendar date or clock time ("2026-02-30", "25:61", "24:00"), an unknown zone, or a wall-clock time
 * the zone skips (spring-forward gap). A time that happens twice (autumn fold) takes the first occurrence
 * unless `fold: "later"` is asked for.
 */
export function parseZonedDateTime(date: string, time: string, zone: string, { fold = "earlier" }: { fold?: "earlier" | "later" } = {}): TypedTime {
  if (!isValidTimeZone(zone)) return { ok: false, reason: "invalid_zone" };
  if (!isCalendarDay(date) || !isClockTime(time)) return { ok: false, reason: "invalid" };
  const instants = possibleInstants(date, time, zone);
  if (instants.length === 0) return { ok: false, reason: "nonexistent" };
  return { ok: true, instant: fold === "later" ? instants[instants.length - 1] : instants[0], ambiguous: instants.length > 1 };
}

/** A `datetime-local` field's value ("2026-03-01T09:30") read in `zone`, as `parseZonedDateTime` reads it. */
export function parseLocalDateTime(value: string, zone: string): TypedTime {
  const [date = "", time = "", ...rest] = value.split("T");
  return rest.length ? { ok: false, reason: "invalid" } : parseZonedDateTime(date, time, zone);
}

/** "2026-02-28" is a day; "2026-02-30" and "2026-2-3" are not (luxon alone would roll some over). */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: "utc" }).toISODate() === day;
}

/** "09:30" or "09:30:15" on a 24-hour clock; "24:00" and "25:61" are refused. */
function isClockTime(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time);
}

/** The date and time fields of a form, in the event's zone, for an instant stored in UTC. */
export function utcToZonedParts(instant: Date | string, zone: string): { date: string; time: string } {
  const local = inZone(instant, zone);
  return { date: local.toISODate() ?? "", time: local.toFormat("HH:mm") };
}

/** Every IANA zone the runtime knows, for the time-zone picker (the common zones of our events first). */
export function timeZoneOptions(): string[] {
  const preferred = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo", "Europe/Berlin", "Europe/London", "America/New_York", "UTC"];
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...preferred, ...all.filter((zone) => !preferred.includes(zone))];
}

/** Minutes between two instants. */
export function minutesBetween(start: Date | string, end: Date | string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

/** Moves an instant to another calendar day in `zone`, keeping its wall-clock time (null if that time does not exist there). */
export function moveToLocalDay(instant: Date | string, day: string, zone: string): Date | null {
  const { time } = utcToZonedParts(instant, zone);
  return zonedToUtc(day, time, zone);
}

/** The zone's UTC offset at an instant, e.g. "UTC+8", "UTC-3:30", "UTC+0". */
export function shortOffset(instant: Date | string, zone: string): string {
  const minutes = inZone(instant, zone).offset;
  const sign = minutes < 0 ? "-" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}
