/**
 * The one cache of the public agenda, filled by the page's loader on the server: per event and published
 * version, the view model per language and the rendered HTML per language and filter. A document request
 * renders the HTML from here instead of also sending it in the hydration data (halving a 200-session page);
 * the browser keeps the server's DOM, and client navigations get the HTML in their loader data. On the
 * client this cache stays empty.
 *
 * Eviction drops the least recently used entry, one at a time, never everything at once: a loader stores the
 * HTML and the page's render reads it back a moment later, and clearing the whole cache in between (as two
 * separately cleared maps did) rendered an empty agenda for every request in flight.
 */
type VersionEntry = { views: Map<string, object>; fragments: Map<string, string> };

const maxVersions = 50;
const maxFragmentsPerVersion = 500;
const versions = new Map<string, VersionEntry>();

function touch<K, V>(map: Map<K, V>, key: K, value: V, limit: number) {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}

function entryFor(eventId: string, version: number): VersionEntry {
  const key = `${eventId}:${version}`;
  const entry = versions.get(key) ?? { views: new Map(), fragments: new Map() };
  touch(versions, key, entry, maxVersions);
  return entry;
}

/** The cached view model of one published version in one language, built on first use. */
export async function cachedAgendaView<View extends object>(event: { id: string; publishedVersion: number }, locale: string, build: () => Promise<View | null>): Promise<View | null> {
  const hit = entryFor(event.id, event.publishedVersion).views.get(locale);
  if (hit) return hit as View;
  const view = await build();
  if (view) entryFor(event.id, event.publishedVersion).views.set(locale, view);
  return view;
}

/** The key a page hands to its render; it names the event and version the HTML belongs to. */
export function fragmentKey(event: { id: string; publishedVersion: number }, variant: string): string {
  return `${event.id}:${event.publishedVersion}|${variant}`;
}

export function rememberFragment(event: { id: string; publishedVersion: number }, variant: string, html: string) {
  touch(entryFor(event.id, event.publishedVersion).fragments, fragmentKey(event, variant), html, maxFragmentsPerVersion);
}

export function recallFragment(key: string | null): string | undefined {
  if (!key) return undefined;
  const fragments = versions.get(key.split("|")[0])?.fragments;
  const html = fragments?.get(key);
  if (fragments && html !== undefined) touch(fragments, key, html, maxFragmentsPerVersion);
  return html;
}
