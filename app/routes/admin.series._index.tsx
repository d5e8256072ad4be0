import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SeriesForm } from "~/components/agenda/SeriesForm";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { createSeries, listSeries } from "~/models/series.server";
import { seriesSchema } from "~/schemas/agenda";
import { handleSubmission } from "~/utils/route.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeManager(request);
  const series = await listSeries();
  return {
    series: series.map((item) => ({
      id: item.id,
      slug: item.slug,
      title: item.title,
      titleEn: item.titleEn,
      events: item.events.map((event) => ({ id: event.id, title: event.title, titleEn: event.titleEn, startsAt: event.startsAt.toISOString(), timeZone: event.timeZone, city: event.city })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireProgrammeManager(request);
  return handleSubmission(request, seriesSchema, async (facts, reply) => {
    await createSeries(facts);
    return { result: reply({ resetForm: true }) };
  });
}

export default function SeriesList() {
  const { series } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("agenda.admin.series.heading")}</h1>
      {series.length === 0 ? <p className="text-muted">{t("agenda.admin.series.none")}</p> : null}
      <ul className="grid gap-3">
        {series.map((item) => (
          <Card key={item.id} as="li">
            <h2 className="font-semibold">
              <Link to={`/admin/series/${item.id}`} className="hover:underline">
                {localized(item.title, item.titleEn)}
              </Link>
            </h2>
            <ul className="mt-1 text-sm text-muted">
              {item.events.map((event) => (
                <li key={event.id}>
                  <Link to={`/admin/events/${event.id}`} className="underline">
                    {localized(event.title, event.titleEn)}
                  </Link>{" "}
                  · {formatDate(event.startsAt, event.timeZone, locale)} · {event.city}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </ul>
      <Card as="section" aria-labelledby="new-series">
        <h2 id="new-series" className="mb-2 font-semibold">
          {t("agenda.admin.series.new")}
        </h2>
        <SeriesForm key={series.length} lastResult={result?.result} submitLabel={t("action.create")} />
      </Card>
    </div>
  );
}
