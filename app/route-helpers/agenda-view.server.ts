import { localizedText } from "~/utils/localized";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AgendaDays } from "~/components/agenda/AgendaDays";
import { cachedAgendaView, fragmentKey, recallFragment, rememberFragment } from "~/components/agenda/agenda-cache";
import type { Locale } from "~/i18n";
import { localized, translator } from "~/i18n";
import { describeZone, formatDate, formatTime, localDay } from "~/utils/time";
import { getPublishedAgenda, type AgendaChange } from "~/models/agenda-version.server";

/**
 * The public agenda page's view model, computed once per published version and language (the page is the
 * most read one of the product: DESIGN.md §6 wants p95 < 50 ms for 200 sessions / 300 speakers).
 */
export type PublicSessionView = {
  id: string;
  time: string;
  startsAt: string;
  endsAt: string;
  title: string;
  type: string;
  typeLabel: string;
  room: string | null;
  roomId: string | null;
  track: string | null;
  trackId: string | null;
  trackColor: string | null;
  plenary: boolean;
  description: string;
  roles: { label: string; people: string[] }[];
  mark: "new" | "changed" | null;
  /** Which texts are Chinese shown to an English reader because no English was written (shown with a tag). */
  fallback: { title: boolean; room: boolean; track: boolean };
};

export type AgendaView = {
  version: number;
  publishedAt: string;
  zone: string;
  days: { day: string; label: string; slots: { time: string; sessions: PublicSessionView[] }[] }[];
  rooms: { id: string; name: string }[];
  tracks: { id: string; name: string }[];
  types: { value: string; label: string }[];
  log: { version: number; publishedAt: string; lines: string[] }[];
};

function describeChange(change: AgendaChange, zone: string, locale: Locale): string {
  const t = translator(locale);
  const place = (p?: { startsAt: string; endsAt: string; room: string | null }) =>
    p ? `${formatDate(p.startsAt, zone, locale)} ${formatTime(p.startsAt, zone)}–${formatTime(p.endsAt, zone)}${p.room && p.room !== "*" ? ` ${p.room}` : ""}` : "";
  if (change.kind === "moved") return t("agenda.public.change.moved", { title: change.title, before: place(change.before), after: place(change.after) });
  return t(`agenda.public.change.${change.kind}`, { title: change.title });
}

export function publicAgendaView(event: { id: string; publishedVersion: number; timeZone: string }, locale: Locale): Promise<AgendaView | null> {
  return cachedAgendaView(event, locale, () => buildAgendaView(event, locale));
}

async function buildAgendaView(event: { id: string; publishedVersion: number; timeZone: string }, locale: Locale): Promise<AgendaView | null> {
  const agenda = await getPublishedAgenda(event.id, event.publishedVersion);
  if (!agenda) return null;
  const t = translator(locale);
  const zone = event.timeZone;
  const marks = new Map(agenda.changes.map((change) => [change.sessionId, change.kind]));
  const days = new Map<string, Map<string, PublicSessionView[]>>();
  for (const session of agenda.snapshot.sessions) {
    const day = localDay(session.startsAt, zone);
    const time = `${formatTime(session.startsAt, zone)}–${formatTime(session.endsAt, zone)}`;
    const roles: { label: string; people: string[] }[] = [];
    for (const speaker of session.speakers) {
      const label = t(`agenda.role.${speaker.role}` as Parameters<typeof t>[0]);
      const name = localized(locale, speaker.name, speaker.nameEn);
      const detail = [localized(locale, speaker.organization, speaker.organizationEn), localized(locale, speaker.title, speaker.titleEn)].filter(Boolean).join(locale === "en" ? ", " : " ");
      const person = detail ? (locale === "en" ? `${name} (${detail})` : `${name}（${detail}）`) : name;
      const group = roles.find((role) => role.label === label);
      if (group) group.people.push(person);
      else roles.push({ label, people: [person] });
    }
    const mark = marks.get(session.id);
    const view: PublicSessionView = {
      id: session.id,
      time,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      title: localized(locale, session.title, session.titleEn),
      type: session.type,
      typeLabel: t(`agenda.type.${session.type}` as Parameters<typeof t>[0]),
      room: session.plenary ? t("agenda.plenary") : session.room ? localized(locale, session.room.name, session.room.nameEn) : null,
      roomId: session.room?.id ?? null,
      track: session.track ? localized(locale, session.track.name, session.track.nameEn) : null,
      trackId: session.track?.id ?? null,
      trackColor: session.track?.color ?? null,
      plenary: session.plenary,
      description: localized(locale, session.description, session.descriptionEn),
      roles,
      mark: mark === "added" ? "new" : mark === "moved" || mark === "changed" ? "changed" : null,
      fallback: {
        title: localizedText(locale, session.title, session.titleEn).fallback,
        room: !session.plenary && !!session.room && localizedText(locale, session.room.name, session.room.nameEn).fallback,
        track: !!session.track && localizedText(locale, session.track.name, session.track.nameEn).fallback,
      },
    };
    const slots = days.get(day) ?? new Map<string, PublicSessionView[]>();
    const slotKey = formatTime(session.startsAt, zone);
    slots.set(slotKey, [...(slots.get(slotKey) ?? []), view]);
    days.set(day, slots);
  }
  const view: AgendaView = {
    version: agenda.version,
    publishedAt: agenda.publishedAt,
    zone: describeZone(zone, agenda.snapshot.sessions[0]?.startsAt ?? new Date()),
    days: [...days.entries()].map(([day, slots]) => ({
      day,
      label: formatDate(`${day}T12:00:00Z`, "UTC", locale),
      slots: [...slots.entries()].map(([time, sessions]) => ({ time, sessions })),
    })),
    rooms: agenda.snapshot.rooms.map((room) => ({ id: room.id, name: localized(locale, room.name, room.nameEn) })),
    tracks: agenda.snapshot.tracks.map((track) => ({ id: track.id, name: localized(locale, track.name, track.nameEn) })),
    types: [...new Set(agenda.snapshot.sessions.map((session) => session.type))].map((type) => ({ value: type, label: t(`agenda.type.${type}` as Parameters<typeof t>[0]) })),
    log: agenda.log.slice(0, 20).map((entry) => ({
      version: entry.version,
      publishedAt: entry.publishedAt,
      lines: entry.changes.map((change) => describeChange(change, zone, locale)),
    })),
  };
  return view;
}

export type AgendaFilters = { track: string; room: string; type: string };

/** Filters by track, room (a plenary session is in every room) and type; empty slots and days drop out. */
export function filterAgenda(view: AgendaView, filters: AgendaFilters): AgendaView["days"] {
  if (!filters.track && !filters.room && !filters.type) return view.days;
  const keep = (session: PublicSessionView) =>
    (!filters.track || session.trackId === filters.track) && (!filters.room || session.plenary || session.roomId === filters.room) && (!filters.type || session.type === filters.type);
  return view.days
    .map((day) => ({ ...day, slots: day.slots.map((slot) => ({ ...slot, sessions: slot.sessions.filter(keep) })).filter((slot) => slot.sessions.length) }))
    .filter((day) => day.slots.length);
}

/**
 * The agenda's HTML for one version, language and filter, rendered once and then served from memory.
 * Only filters naming things that exist are cached, so made-up query strings cannot fill the cache.
 */
export function agendaFragment(event: { id: string; publishedVersion: number }, view: AgendaView, filters: AgendaFilters, locale: Locale): { html: string; count: number; key: string | null } {
  const days = filterAgenda(view, filters);
  const count = days.reduce((sum, day) => sum + day.slots.reduce((inner, slot) => inner + slot.sessions.length, 0), 0);
  const valid =
    (!filters.track || view.tracks.some((track) => track.id === filters.track)) &&
    (!filters.room || view.rooms.some((room) => room.id === filters.room)) &&
    (!filters.type || view.types.some((type) => type.value === filters.type));
  const variant = `${locale}:${filters.track}:${filters.room}:${filters.type}`;
  const key = fragmentKey(event, variant);
  const hit = valid ? recallFragment(key) : undefined;
  if (hit !== undefined) return { html: hit, count, key };
  const html = renderToStaticMarkup(createElement(AgendaDays, { days, t: translator(locale) }));
  if (!valid) return { html, count, key: null };
  rememberFragment(event, variant, html);
  return { html, count, key };
}
