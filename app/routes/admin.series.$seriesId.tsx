import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Flash } from "~/components/ui/Toast";
import { SeriesForm } from "~/components/agenda/SeriesForm";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { RollupBars, RollupTable, chartedFigures } from "~/components/series/RollupCharts";
import { getSeries, updateSeries } from "~/models/series.server";
import { seriesRollup } from "~/models/series-rollup.server";
import { seriesSchema } from "~/schemas/agenda";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";
import { ButtonAnchor, ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeManager(request);
  const series = await getSeries(params.seriesId ?? "");
  const rollup = await seriesRollup({ id: params.seriesId ?? "" }, { publishedOnly: false });
  if (!series || !rollup) notFound();
  return {
    rollup: { events: rollup.events.map(({ startsAt, endsAt, ...station }) => ({ ...station, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() })), totals: rollup.totals },
    series: { id: series.id, slug: series.slug, title: series.title, titleEn: series.titleEn, description: series.description, descriptionEn: series.descriptionEn },
    events: series.events.map((event) => ({ id: event.id, title: event.title, titleEn: event.titleEn, startsAt: event.startsAt.toISOString(), timeZone: event.timeZone, status: event.status })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    return handleSubmission(request, seriesSchema, async (facts, reply) => {
      await updateSeries(params.seriesId ?? "", facts);
      return { result: reply(), notice: requestTranslator(request).t("agenda.admin.event.saved") };
    });
  });
}

export default function EditSeries() {
  const { series, events, rollup } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/series" className="text-brand-700 underline">
          {t("agenda.admin.series.heading")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{localized(series.title, series.titleEn)}</h1>
      <Flash message={result && "notice" in result ? result.notice : null} />
      <SeriesForm lastResult={result?.result} defaultValue={series} submitLabel={t("action.save")} className="card" />
      <Card as="section">
        <h2 className="mb-2 font-semibold">{t("agenda.admin.series.events")}</h2>
        <ul className="text-sm">
          {events.map((event) => (
            <li key={event.id}>
              <Link to={`/admin/events/${event.id}`} className="underline">
                {localized(event.title, event.titleEn)}
              </Link>{" "}
              · {formatDate(event.startsAt, event.timeZone, locale)} · {t(`admin.event.status.${event.status}`)}
            </li>
          ))}
        </ul>
        <ButtonLink to="/admin/events/new" variant="secondary" className="mt-3">
          {t("agenda.admin.events.new")}
        </ButtonLink>
      </Card>
      <Card as="section" className="space-y-4" aria-labelledby="rollup-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="rollup-heading" className="font-semibold">
            {t("rollup.heading")}
          </h2>
          <ButtonAnchor variant="secondary" href={`/admin/series/${series.id}/rollup.xlsx`} download>
            {t("rollup.export")}
          </ButtonAnchor>
        </div>
        <p className="text-sm text-muted">{t("rollup.intro")}</p>
        {rollup.events.length === 0 ? (
          <p className="text-sm text-muted">{t("rollup.empty")}</p>
        ) : (
          <>
            <RollupTable rows={rollup.events} totals={rollup.totals} />
            <div className="grid gap-6 md:grid-cols-2">
              {chartedFigures.map((figure) => (
                <RollupBars key={figure} rows={rollup.events} figure={figure} />
              ))}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
