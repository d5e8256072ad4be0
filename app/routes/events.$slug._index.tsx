import { Localized } from "~/components/Localized";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { ErrorPage } from "~/components/ErrorPage";
import { EventShareBlock } from "~/components/share/EventShareBlock";
import { AddToCalendar } from "~/components/event-page/AddToCalendar";
import { EventHero } from "~/components/event-page/EventHero";
import { HostBlock } from "~/components/event-page/HostBlock";
import { SpeakerCards } from "~/components/event-page/SpeakerCards";
import { StickyRegisterBar, TicketPanel } from "~/components/event-page/TicketPanel";
import { VenueCard } from "~/components/event-page/VenueCard";
import { useFavourites } from "~/components/event-page/useFavourites";
import { recallFragment } from "~/components/agenda/agenda-cache";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { agendaFragment, publicAgendaView } from "~/route-helpers/agenda-view.server";
import { eventPageView } from "~/route-helpers/event-page.server";
import { getPublishedEventBySlug, publicEventSummary } from "~/models/event.server";
import { notFound } from "~/utils/http.server";
import { localized, translator } from "~/i18n";
import { describeEventZone, formatDayRange } from "~/utils/date-range";
import { localeFromRequest } from "~/utils/i18n.server";
import { formatDateTime, formatTime } from "~/utils/time";
import { socialMeta } from "~/route-helpers/social-meta";
import { Button, ButtonAnchor, ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta: MetaFunction<typeof loader> = (args) => {
  const data = args.data;
  if (!data) return [];
  const { event, when } = data;
  return socialMeta(args, (_t, locale) => ({
    title: localized(locale, event.title, event.titleEn),
    description: [
      `${when.days} ${when.hours}`,
      localized(locale, event.venue, event.venueEn),
      localized(locale, event.theme, event.themeEn) || localized(locale, event.description, event.descriptionEn),
    ]
      .filter(Boolean)
      .join(" · "),
    image: `/events/${event.slug}/og.png`,
    type: "article",
  }));
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) notFound();
  const url = new URL(request.url);
  const filters = {
    track: url.searchParams.get("track") ?? "",
    room: url.searchParams.get("room") ?? "",
    type: url.searchParams.get("type") ?? "",
  };
  const locale = localeFromRequest(request);
  const documentRequest = (request.headers.get("Accept") ?? "").includes("text/html");
  const [view, page] = await Promise.all([publicAgendaView(event, locale), eventPageView(event, locale)]);
  const fragment = view ? agendaFragment(event, view, filters, locale) : null;
  const t = translator(locale);
  return {
    // Formatted here so a multi-day range and each day's UTC offset read the same with or without JavaScript.
    when: {
      days: formatDayRange(event.startsAt, event.endsAt, event.timeZone, locale, t),
      hours: `${formatTime(event.startsAt, event.timeZone)}–${formatTime(event.endsAt, event.timeZone)}`,
      zone: describeEventZone(event.startsAt, event.endsAt, event.timeZone, locale, t),
    },
    event: {
      ...publicEventSummary(event),
      theme: event.theme,
      themeEn: event.themeEn,
      description: event.description,
      descriptionEn: event.descriptionEn,
      venueEn: event.venueEn,
      cityEn: event.cityEn,
    },
    page,
    filters,
    agenda: view
      ? {
          version: view.version,
          // Dates are formatted here so the page ships no date library to the browser.
          publishedAt: formatDateTime(view.publishedAt, event.timeZone, locale),
          zone: view.zone,
          rooms: view.rooms,
          tracks: view.tracks,
          types: view.types,
          log: view.log.map((entry) => ({ ...entry, publishedAt: formatDateTime(entry.publishedAt, event.timeZone, locale) })),
          // A browser's document request renders the HTML from the server's store; data requests carry it.
          html: fragment!.key && documentRequest ? null : fragment!.html,
          fragmentKey: fragment!.key,
          count: fragment!.count,
          filtered: Boolean(filters.track || filters.room || filters.type),
        }
      : null,
  };
}

function Agenda() {
  const { event, agenda, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const favourites = useFavourites(event.slug, container, { add: t("agenda.public.favourite"), remove: t("agenda.public.unfavourite") });
  if (!agenda) return <p className="mt-2 text-muted">{t("agenda.public.none")}</p>;
  const api = `/api/v1/events/${event.slug}`;
  return (
    <>
      <p className="text-sm text-muted">{t("agenda.public.zone", { zone: agenda.zone })}</p>
      <p className="text-xs text-muted">{t("agenda.public.version", { version: agenda.version, at: agenda.publishedAt })}</p>

      <Form method="get" className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4 sm:items-end" aria-label={t("agenda.public.filters")} preventScrollReset>
        {agenda.tracks.length ? (
          <label className="text-sm">
            <span className="field-label">{t("agenda.public.filterTrack")}</span>
            <select name="track" defaultValue={filters.track} className="field-input">
              <option value="">{t("agenda.public.all")}</option>
              {agenda.tracks.map((track) => (
                <option key={track.id} value={track.id}>
                  {track.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {agenda.rooms.length > 1 ? (
          <label className="text-sm">
            <span className="field-label">{t("agenda.public.filterRoom")}</span>
            <select name="room" defaultValue={filters.room} className="field-input">
              <option value="">{t("agenda.public.all")}</option>
              {agenda.rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="text-sm">
          <span className="field-label">{t("agenda.public.filterType")}</span>
          <select name="type" defaultValue={filters.type} className="field-input">
            <option value="">{t("agenda.public.all")}</option>
            {agenda.types.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <Button type="submit">{t("agenda.public.apply")}</Button>
          {agenda.filtered ? (
            <ButtonLink to="." variant="secondary" preventScrollReset>
              {t("agenda.public.reset")}
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {favourites !== null ? (
        <Card className="mt-4 flex flex-wrap items-center gap-3" aria-live="polite" data-testid="my-agenda">
          <span className="font-medium">{t("agenda.public.myAgenda")}</span>
          <span className="text-sm text-muted">{t("agenda.public.myAgendaCount", { count: favourites.length })}</span>
          {favourites.length ? (
            <ButtonAnchor variant="secondary" href={`${api}/agenda.ics?sessions=${favourites.map(encodeURIComponent).join(",")}`} download>
              {t("agenda.public.downloadIcs")}
            </ButtonAnchor>
          ) : null}
        </Card>
      ) : null}

      {agenda.count === 0 ? <p className="mt-4 text-muted">{t("agenda.public.noMatch")}</p> : null}
      <div ref={container} dangerouslySetInnerHTML={{ __html: agenda.html ?? recallFragment(agenda.fragmentKey) ?? "" }} suppressHydrationWarning />

      <p className="mt-6 flex flex-wrap gap-3 text-sm">
        <a className="underline" href={`${api}/agenda.ics`}>
          {t("agenda.public.downloadAll")}
        </a>
        <a className="underline" href={`${api}/schedule.xml`}>
          schedule.xml
        </a>
        <a className="underline" href={`${api}/schedule.json`}>
          schedule.json
        </a>
      </p>

      <details className="mt-6">
        <summary className="cursor-pointer font-semibold">{t("agenda.public.changeLog")}</summary>
        <ol className="mt-2 space-y-2 text-sm">
          {agenda.log.map((entry) => (
            <li key={entry.version}>
              <p className="font-medium">
                v{entry.version} · {entry.publishedAt}
              </p>
              {entry.lines.length ? (
                <ul className="ml-4 list-disc">
                  {entry.lines.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted">{t("agenda.public.changeLogEmpty")}</p>
              )}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}

export default function EventPage() {
  const { event, when, page } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const title = localized(event.title, event.titleEn);
  const description = localized(event.description, event.descriptionEn);
  const registerHref = `/events/${event.slug}/register`;
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pb-24 pt-4 sm:pb-8 sm:pt-6">
      <EventHero cover={page.cover} badge={page.badge} title={title} />
      <div className="mt-5 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <div>
            <p className="text-sm font-semibold text-brand-700">
              {t(`event.kind.${event.kind}`)}
              {event.series ? ` · ${localized(event.series.title, event.series.titleEn)}` : ""}
            </p>
            <h1 className="mt-1 text-2xl font-bold leading-snug text-ink sm:text-3xl">{title}</h1>
            {event.theme ? (
              <p className="mt-2 text-lg text-muted">
                {/* Corner brackets for Chinese, curly quotes for English. */}
                {locale === "en" && event.themeEn ? `“${event.themeEn}”` : `「${localized(event.theme, event.themeEn)}」`}
              </p>
            ) : null}
          </div>
          <VenueCard when={when} venue={localized(event.venue, event.venueEn)} address={[localized(event.city, event.cityEn), event.address].filter(Boolean).join(" · ")} maps={page.maps} />
          <AddToCalendar links={page.calendar} />
          <HostBlock groups={page.hosts} />
          {description ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="text-xl font-bold">
                {t("eventPage.about")}
              </h2>
              <p className="mt-2 whitespace-pre-line text-ink">
                <Localized zh={event.description} en={event.descriptionEn} />
              </p>
            </section>
          ) : null}
        </div>
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <TicketPanel tickets={page.tickets} registerHref={registerHref} />
          <EventShareBlock slug={event.slug} />
        </aside>
      </div>
      <SpeakerCards people={page.people} />
      <section className="mt-8" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" className="text-xl font-bold">
          {t("agenda.public.heading")}
        </h2>
        <Agenda />
      </section>
      <StickyRegisterBar action={page.tickets.action} href={registerHref} title={title} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
