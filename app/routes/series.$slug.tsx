import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Badge } from "~/components/ui/Badge";
import { Stat, StatGrid } from "~/components/ui/Stat";
import { localized as localizedIn, translator } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { seriesRollup } from "~/models/series-rollup.server";
import { notFound } from "~/utils/http.server";
import { localeFromRequest } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { formatDate } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const publicFigures = ["registered", "checkedIn", "firms", "meetingsHeld", "cases"] as const;

/** A tour (series) in public: its published stations on a timeline, past and upcoming, and what it brought so far. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const locale = localeFromRequest(request);
    const rollup = await seriesRollup({ slug: params.slug ?? "" }, { publishedOnly: true });
    if (!rollup) notFound();
    const now = Date.now();
    const t = translator(locale);
    return {
      title: `${localizedIn(locale, rollup.series.title, rollup.series.titleEn)} · ${t("app.name")}`,
      series: rollup.series,
      stations: rollup.events.map((event) => ({
        slug: event.slug,
        title: event.title,
        titleEn: event.titleEn,
        city: event.city,
        cityEn: event.cityEn,
        startsAt: event.startsAt.toISOString(),
        timeZone: event.timeZone,
        past: event.endsAt.getTime() < now,
      })),
      totals: Object.fromEntries(publicFigures.map((figure) => [figure, rollup.totals[figure]])) as Record<(typeof publicFigures)[number], number>,
    };
  });
}

export default function SeriesPage() {
  const { series, stations, totals } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const description = localized(series.description, series.descriptionEn);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-3xl font-bold text-ink">{localized(series.title, series.titleEn)}</h1>
      {description ? <p className="mt-2 max-w-3xl whitespace-pre-line text-muted">{description}</p> : null}
      <section className="mt-8" aria-labelledby="series-totals">
        <h2 id="series-totals" className="mb-3 text-xl font-semibold">
          {t("rollup.public.totals")}
        </h2>
        <StatGrid>
          {publicFigures.map((figure) => (
            <Stat key={figure} label={t(`rollup.figure.${figure}`)} value={totals[figure]} />
          ))}
        </StatGrid>
      </section>
      <section className="mt-8" aria-labelledby="series-stations">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="series-stations" className="text-xl font-semibold">
            {t("rollup.public.stations")}
          </h2>
          <a href={`/api/v1/series/${series.slug}/agenda.ics`} className="text-sm text-brand-700 underline">
            {t("rollup.public.calendar")}
          </a>
        </div>
        {stations.length === 0 ? (
          <p className="text-muted">{t("rollup.public.noStations")}</p>
        ) : (
          <ol className="relative space-y-4 border-l-2 border-line pl-5">
            {stations.map((station) => (
              <li key={station.slug} className="relative">
                <span aria-hidden className={`absolute -left-[1.72rem] top-2 h-3 w-3 rounded-full ${station.past ? "bg-muted" : "bg-brand-600"}`} />
                <Card>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <time dateTime={station.startsAt}>{formatDate(station.startsAt, station.timeZone, locale)}</time>
                    {station.city ? <span>· {localized(station.city, station.cityEn)}</span> : null}
                    <Badge tone={station.past ? "neutral" : "brand"}>{t(station.past ? "rollup.public.past" : "rollup.public.upcoming")}</Badge>
                  </p>
                  <Link to={`/events/${station.slug}`} className="mt-1 block font-semibold text-ink underline-offset-2 hover:underline">
                    {localized(station.title, station.titleEn)}
                  </Link>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
