import { DateTime } from "luxon";

/**
 * Agenda times are entered and shown in the event's IANA zone and stored in UTC (DESIGN.md §3).
 * Never the server's local zone.
 */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** "2025-07-23" + "09:00" in `zone` → the UTC instant, or null when the local time does not exist or is invalid. */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) return null;
  // A time skipped by a daylight-saving jump is silently moved by luxon; refuse it instead.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== `${date}T${time.slice(0, 5)}`) return null;
  return local.toUTC().toJSDate();
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

/** e.g. "Asia/Shanghai (UTC+8)". */
export function describeZone(zone: string, at: Date | string = new Date()): string {
  return `${zone} (UTC${inZone(at, zone).toFormat("ZZ")})`.replace(":00)", ")");
}
