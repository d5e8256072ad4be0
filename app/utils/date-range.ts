import { DateTime } from "luxon";
import type { Locale, Translate } from "~/i18n";
import { describeZone, inZone, shortOffset } from "./time";

/**
 * The days an event spans, written the way each language writes a range: "2026年3月28日—29日",
 * "March 28–29, 2026". Built from luxon's localized pieces because the runtime's own range formatting
 * (Intl formatRange) writes Chinese ranges as "2026/3/28 – 2026/3/29".
 */
export function formatDayRange(startsAt: Date | string, endsAt: Date | string, zone: string, locale: Locale, t: Translate): string {
  const start = inZone(startsAt, zone).setLocale(locale);
  const end = inZone(endsAt, zone).setLocale(locale);
  if (start.hasSame(end, "day")) return start.toLocaleString(DateTime.DATE_FULL);
  const monthDay = { month: "long", day: "numeric" } as const;
  const year = start.toLocaleString({ year: "numeric" });
  if (start.hasSame(end, "month")) return t("event.dates.sameMonth", { year, start: start.toLocaleString(monthDay), endDay: end.toLocaleString({ day: "numeric" }) });
  if (start.hasSame(end, "year")) return t("event.dates.sameYear", { year, start: start.toLocaleString(monthDay), end: end.toLocaleString(monthDay) });
  return t("event.dates.otherYear", { start: start.toLocaleString(DateTime.DATE_FULL), end: end.toLocaleString(DateTime.DATE_FULL) });
}

/**
 * The UTC offset on each local day of the event, taken at the event's starting clock time that day (kept
 * within the event), so a day after a daylight-saving change shows its own offset.
 */
export function offsetsByDay(startsAt: Date | string, endsAt: Date | string, zone: string): { day: DateTime; offset: string }[] {
  const start = inZone(startsAt, zone);
  const end = inZone(endsAt, zone);
  const days: { day: DateTime; offset: string }[] = [];
  for (let day = start.startOf("day"); day <= end; day = day.plus({ days: 1 })) {
    const sameClock = day.set({ hour: start.hour, minute: start.minute });
    const instant = DateTime.max(start, DateTime.min(end, sameClock));
    days.push({ day, offset: shortOffset(instant.toJSDate(), zone) });
  }
  return days;
}

/** "Europe/Berlin (UTC+1)", or the offset of each day when a daylight-saving change falls inside the event. */
export function describeEventZone(startsAt: Date | string, endsAt: Date | string, zone: string, locale: Locale, t: Translate): string {
  const days = offsetsByDay(startsAt, endsAt, zone);
  if (new Set(days.map((entry) => entry.offset)).size <= 1) return t("event.timeZone", { zone: describeZone(zone, startsAt) });
  const perDay = days.map(({ day, offset }) => t("event.dayOffset", { day: day.setLocale(locale).toLocaleString({ month: "long", day: "numeric" }), offset }));
  return t("event.timeZoneByDay", { zone, days: perDay.join(t("event.dayOffsetSeparator")) });
}
