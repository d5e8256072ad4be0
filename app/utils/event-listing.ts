/**
 * Listing public events (home page and /events): filters read from the query string, so they work without
 * JavaScript, grouping by series and city, pages, and the dates a card shows. Pure: the routes pass the
 * published events in.
 */

export type ListedEvent = {
  slug: string;
  city: string;
  timeZone: string;
  startsAt: string;
  series: { slug: string; title: string; titleEn: string | null } | null;
};

export type EventFilter = { series: string; city: string; month: string };

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseEventFilter(params: URLSearchParams): EventFilter {
  const month = params.get("month") ?? "";
  return {
    series: (params.get("series") ?? "").slice(0, 100),
    city: (params.get("city") ?? "").slice(0, 50),
    month: monthPattern.test(month) ? month : "",
  };
}

export function isFiltered(filter: EventFilter): boolean {
  return Boolean(filter.series || filter.city || filter.month);
}

/** "2025-07" for an instant, in the event's own zone (an evening event on the 31st stays in its month). */
export function eventMonth(instant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

export function filterEvents<E extends ListedEvent>(events: E[], filter: EventFilter): E[] {
  return events.filter(
    (event) =>
      (!filter.series || event.series?.slug === filter.series) && (!filter.city || event.city === filter.city) && (!filter.month || eventMonth(event.startsAt, event.timeZone) === filter.month),
  );
}

/** The choices each filter offers: what the events actually have, so no choice leads to an empty list. */
export function eventFacets(events: ListedEvent[]) {
  const series = new Map<string, NonNullable<ListedEvent["series"]>>();
  for (const event of events) if (event.series) series.set(event.series.slug, event.series);
  return {
    series: [...series.values()],
    cities: [...new Set(events.map((event) => event.city).filter(Boolean))].sort((a, b) => a.localeCompare(b, "zh-CN")),
    months: [...new Set(events.map((event) => eventMonth(event.startsAt, event.timeZone)))].sort(),
  };
}

export type EventGroup<E> = { series: ListedEvent["series"]; cities: { city: string; events: E[] }[] };

/**
 * Events by series, then by city, in the order the events come (a group sits where its first event falls);
 * events outside any series form groups of their own with `series: null`.
 */
export function groupBySeriesAndCity<E extends ListedEvent>(events: E[]): EventGroup<E>[] {
  const groups: EventGroup<E>[] = [];
  const bySeries = new Map<string, EventGroup<E>>();
  for (const event of events) {
    const key = event.series?.slug ?? "";
    let group = bySeries.get(key);
    if (!group) {
      group = { series: event.series, cities: [] };
      bySeries.set(key, group);
      groups.push(group);
    }
    let city = group.cities.find((entry) => entry.city === event.city);
    if (!city) {
      city = { city: event.city, events: [] };
      group.cities.push(city);
    }
    city.events.push(event);
  }
  return groups;
}

export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function paginate<T>(items: T[], page: number, perPage: number) {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(page, pageCount);
  return { items: items.slice((current - 1) * perPage, current * perPage), page: current, pageCount, total: items.length };
}

/** The query string of a listing with one value changed; empty values are left out, so URLs stay short. */
export function listingQuery(values: Record<string, string | number>, change: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...change })) if (value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The date block of an event card, in the event's zone: "7月" / "23" / "周三", or "Jul" / "23" / "Wed". */
export function dateBadge(instant: string, zone: string, locale: string) {
  const date = new Date(instant);
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }).format(date);
  return { month: format({ month: "short" }), day: format({ day: "numeric" }).replace(/\D/g, ""), weekday: format({ weekday: "short" }) };
}

/** A long date ("2025年7月23日", "July 23, 2025") without a date library in the browser. */
export function longDate(instant: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, year: "numeric", month: "long", day: "numeric" }).format(new Date(instant));
}

/** A month key ("2025-07") as a reader sees it: "2025年7月", "July 2025". */
export function monthLabel(month: string, locale: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long" }).format(new Date(Date.UTC(year, monthNumber - 1, 15)));
}
