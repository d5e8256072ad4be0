import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { EventCard } from "~/components/EventCard";
import { EventFilters } from "~/components/EventFilters";
import { FilterSelect } from "~/components/ui/FilterBar";
import { EmptyState } from "~/components/ui/EmptyState";
import { Pagination } from "~/components/ui/Pagination";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { listPublishedEvents, publicEventSummary } from "~/models/event.server";
import { eventFacets, filterEvents, listingQuery, paginate, parseEventFilter, parsePage } from "~/utils/event-listing";
import { localeFromRequest } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const eventsPerPage = 12;
const whenChoices = ["upcoming", "past"] as const;
type When = (typeof whenChoices)[number] | "";

/** Every published event, upcoming ones first (soonest first), then past ones (latest first). */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const params = new URL(request.url).searchParams;
    const t = translator(localeFromRequest(request));
    const { upcoming, past } = await listPublishedEvents();
    const rawWhen = params.get("when");
    const when: When = whenChoices.find((choice) => choice === rawWhen) ?? "";
    const upcomingSummaries = upcoming.map((event) => publicEventSummary(event));
    const pastSummaries = past.map((event) => publicEventSummary(event));
    const all = when === "upcoming" ? upcomingSummaries : when === "past" ? pastSummaries : [...upcomingSummaries, ...pastSummaries];
    const filter = parseEventFilter(params);
    const listed = paginate(filterEvents(all, filter), parsePage(params.get("page")), eventsPerPage);
    return {
      title: `${t("site.events.title")} · ${t("app.name")}`,
      filter,
      when,
      facets: eventFacets([...upcomingSummaries, ...pastSummaries]),
      ...listed,
    };
  });
}

export default function EventsPage() {
  const { filter, when, facets, items, page: current, pageCount, total } = useLoaderData<typeof loader>();
  const t = useT();
  const query = { ...filter, when, page: current };
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold text-ink">{t("site.events.title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("site.events.intro")}</p>
      <div className="mt-6">
        <EventFilters filter={filter} facets={facets} resetTo="/events" idPrefix="events">
          <FilterSelect
            id="events-when"
            name="when"
            label={t("site.filter.when")}
            value={when}
            all={t("site.filter.all")}
            options={[
              { value: "upcoming", label: t("site.filter.upcoming") },
              { value: "past", label: t("site.filter.past") },
            ]}
          />
        </EventFilters>
      </div>
      <p className="mt-4 text-sm text-muted" role="status">
        {t("site.events.count", { count: total })}
      </p>
      {items.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t("site.events.none")}>{t("site.events.noneHint")}</EmptyState>
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {items.map((event) => (
            <li key={event.slug}>
              <EventCard event={event} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={current} pageCount={pageCount} href={(target) => `/events${listingQuery(query, { page: target })}`} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
