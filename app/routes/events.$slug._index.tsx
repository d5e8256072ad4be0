import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { getPublishedEventBySlug, publicEventSummary } from "~/models/event.server";
import { notFound } from "~/utils/http.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.event.title ?? "" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) notFound();
  return {
    event: {
      ...publicEventSummary(event),
      theme: event.theme,
      themeEn: event.themeEn,
      description: event.description,
      descriptionEn: event.descriptionEn,
      venueEn: event.venueEn,
      cityEn: event.cityEn,
    },
  };
}

export default function EventPage() {
  const { event } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const registration = event.registration;
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-6">
      <p className="text-sm font-semibold text-brand-700">
        {t(`event.kind.${event.kind}`)}
        {event.series ? ` · ${localized(event.series.title, event.series.titleEn)}` : ""}
      </p>
      <h1 className="mt-1 text-2xl font-bold">{localized(event.title, event.titleEn)}</h1>
      {event.theme ? <p className="mt-2 text-lg text-slate-700">「{localized(event.theme, event.themeEn)}」</p> : null}
      <dl className="card mt-4 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-600">{t("event.when")}</dt>
          <dd>
            {formatDate(event.startsAt, event.timeZone, locale)} {formatTime(event.startsAt, event.timeZone)}–
            {formatTime(event.endsAt, event.timeZone)}
            <span className="block text-sm text-slate-600">{t("event.timeZone", { zone: describeZone(event.timeZone, event.startsAt) })}</span>
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">{t("event.where")}</dt>
          <dd>
            {localized(event.venue, event.venueEn)}
            <span className="block text-sm text-slate-600">
              {localized(event.city, event.cityEn)} · {event.address}
            </span>
          </dd>
        </div>
      </dl>
      <p className="mt-4 whitespace-pre-line text-slate-800">{localized(event.description, event.descriptionEn)}</p>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <span className="text-sm font-medium">{t(`event.registration.${registration.status}`)}</span>
        {registration.status === "open" ? (
          <Link to={`/events/${event.slug}/register`} className="btn">
            {t("event.register")}
          </Link>
        ) : null}
        {registration.capacity !== null && registration.status === "open" ? (
          <span className="text-sm text-slate-600">
            {t("event.seatsLeft", { count: Math.max(0, registration.capacity - registration.confirmed) })}
          </span>
        ) : null}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
