import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventCard } from "~/components/EventCard";
import { EventFilters } from "~/components/EventFilters";
import { ButtonLink } from "~/components/ui/Button";
import { EmptyState } from "~/components/ui/EmptyState";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listPublishedEvents, publicEventSummary } from "~/models/event.server";
import { programmeFigures } from "~/models/firm.server";
import { translator } from "~/i18n";
import { localeFromRequest } from "~/utils/i18n.server";
import { socialMeta } from "~/route-helpers/social-meta";
import { eventFacets, filterEvents, groupBySeriesAndCity, longDate, parseEventFilter } from "~/utils/event-listing";
import { page } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = (args) => socialMeta(args, (t) => ({ title: args.data?.title ?? t("app.name"), description: t("share.site.description") }));

const archiveSize = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const [{ upcoming, past }, figures] = await Promise.all([listPublishedEvents(), programmeFigures()]);
    const t = translator(localeFromRequest(request));
    const filter = parseEventFilter(new URL(request.url).searchParams);
    const summaries = upcoming.map((event) => publicEventSummary(event));
    return {
      title: t("app.name"),
      figures: { founding: figures.founding, members: figures.members, upcoming: upcoming.length },
      filter,
      facets: eventFacets(summaries),
      groups: groupBySeriesAndCity(filterEvents(summaries, filter)),
      past: past.slice(0, archiveSize).map((event) => publicEventSummary(event)),
      pastCount: past.length,
    };
  });
}

function ProgrammeStory({ figures }: { figures: { founding: number; members: number; upcoming: number } }) {
  const t = useT();
  return (
    <section aria-labelledby="story-heading" className="border-b border-line bg-surface">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 md:py-12 lg:grid-cols-[3fr_2fr] lg:items-center">
        <div>
          <p className="text-sm font-semibold text-brand-700">{t("site.story.eyebrow")}</p>
          <h1 id="story-heading" className="mt-2 text-3xl font-bold text-ink md:text-4xl">
            {t("site.story.heading")}
          </h1>
          <p className="mt-4 text-lg text-ink">{t("site.story.lead", { count: figures.founding })}</p>
          <p className="mt-3 text-muted">{t("site.story.body")}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink to="/programme">{t("site.story.more")}</ButtonLink>
            <ButtonLink to="/events" variant="secondary">
              {t("site.home.allEvents")}
            </ButtonLink>
          </div>
        </div>
        <dl className="grid grid-cols-3 gap-3">
          {[
            { value: figures.founding, label: t("site.story.founding") },
            { value: figures.members, label: t("site.story.members") },
            { value: figures.upcoming, label: t("site.story.events") },
          ].map((figure) => (
            <div key={figure.label} className="flex flex-col-reverse rounded-lg bg-brand-50 p-3 text-center md:p-4">
              <dt className="text-xs text-brand-900 md:text-sm">{figure.label}</dt>
              <dd className="text-3xl font-bold tabular-nums text-brand-800 md:text-4xl">{figure.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

export default function Home() {
  const { figures, filter, facets, groups, past, pastCount } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <main id="main">
      <ProgrammeStory figures={figures} />
      <div className="mx-auto max-w-6xl px-4 py-8">
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading" className="text-2xl font-bold text-ink">
            {t("home.title")}
          </h2>
          {figures.upcoming > 0 ? (
            <div className="mt-4">
              <EventFilters filter={filter} facets={facets} resetTo="/" idPrefix="home" />
            </div>
          ) : null}
          {groups.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={figures.upcoming > 0 ? t("site.home.noMatch") : t("home.empty")}>{figures.upcoming > 0 ? t("site.events.noneHint") : t("site.home.noUpcomingHint")}</EmptyState>
            </div>
          ) : null}
          {groups.map((group) => (
            <section key={group.series?.slug ?? ""} aria-labelledby={`series-${group.series?.slug ?? "standalone"}`} className="mt-8">
              <h3 id={`series-${group.series?.slug ?? "standalone"}`} className="text-xl font-semibold text-ink">
                {group.series ? localized(group.series.title, group.series.titleEn) : t("site.home.standalone")}
              </h3>
              <div className="mt-3 grid gap-x-4 gap-y-5 md:grid-cols-2 lg:grid-cols-3">
                {group.cities.map((city) => (
                  <div key={city.city} className="flex flex-col gap-2">
                    <h4 className="text-sm font-semibold text-muted">{t("site.home.cityCount", { city: city.city, count: city.events.length })}</h4>
                    <ul className="flex flex-1 flex-col gap-3">
                      {city.events.map((event) => (
                        <li key={event.slug} className="flex-1">
                          <EventCard event={event} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </section>
          ))}
        </section>

        {past.length > 0 ? (
          <section aria-labelledby="archive-heading" className="mt-12">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="archive-heading" className="text-2xl font-bold text-ink">
                {t("home.past")}
              </h2>
              <Link to="/events?when=past" className="text-sm font-medium text-brand-700 underline">
                {t("site.home.archiveAll", { count: pastCount })}
              </Link>
            </div>
            <ul className="card mt-4 divide-y divide-line p-0">
              {past.map((event) => (
                <li key={event.slug} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:gap-4">
                  <time dateTime={event.startsAt} className="shrink-0 text-sm tabular-nums text-muted sm:w-40">
                    {longDate(event.startsAt, event.timeZone, locale)}
                  </time>
                  <Link to={`/events/${event.slug}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                    {localized(event.title, event.titleEn)}
                  </Link>
                  <span className="text-sm text-muted sm:ml-auto">{event.city}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  );
}
