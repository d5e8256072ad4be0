import { Link } from "@remix-run/react";
import { Localized } from "~/components/Localized";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { publicEventSummary } from "~/models/event.server";
import { formatDate } from "~/utils/time";

type Summary = ReturnType<typeof publicEventSummary>;

const statusStyle: Record<Summary["registration"]["status"], string> = {
  open: "bg-green-100 text-green-900",
  not_yet_open: "bg-amber-100 text-amber-900",
  closed: "bg-slate-200 text-slate-800",
  full: "bg-red-100 text-red-900",
};

export function EventCard({ event }: { event: Summary }) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <article className="card h-full">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
        {t(`event.kind.${event.kind}`)}
        {event.series ? ` · ${localized(event.series.title, event.series.titleEn)}` : ""}
      </p>
      <h3 className="mt-1 text-lg font-semibold">
        <Link to={`/events/${event.slug}`} className="hover:underline">
          {localized(event.title, event.titleEn)}
        </Link>
      </h3>
      <p className="mt-2 text-sm text-slate-700">
        {formatDate(event.startsAt, event.timeZone, locale)} · <Localized zh={event.city} en={event.cityEn} />
      </p>
      <p className="mt-3">
        <span className={`rounded px-2 py-1 text-xs font-medium ${statusStyle[event.registration.status]}`}>{t(`event.registration.${event.registration.status}`)}</span>
      </p>
    </article>
  );
}
