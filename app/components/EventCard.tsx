import { Link } from "@remix-run/react";
import { Localized } from "~/components/Localized";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { publicEventSummary } from "~/models/event.server";
import { dateBadge, longDate } from "~/utils/event-listing";
import { Card } from "~/components/ui/Card";

type Summary = ReturnType<typeof publicEventSummary>;

const statusTone: Record<Summary["registration"]["status"], BadgeTone> = {
  open: "success",
  not_yet_open: "warning",
  closed: "neutral",
  full: "danger",
};

/** An event in a list: its date block, series, title, place and whether one can register. The whole card is the link's target area. */
export function EventCard({ event }: { event: Summary }) {
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const badge = dateBadge(event.startsAt, event.timeZone, locale);
  return (
    <Card as="article" className="relative flex h-full gap-4 transition-shadow focus-within:shadow-raised hover:shadow-raised">
      <p className="flex w-14 shrink-0 flex-col items-center self-start rounded-md border border-brand-200 bg-brand-50 py-1.5 text-brand-800" aria-hidden="true">
        <span className="text-xs font-medium">{badge.month}</span>
        <span className="text-2xl font-bold leading-tight">{badge.day}</span>
        <span className="text-xs">{badge.weekday}</span>
      </p>
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold tracking-wide text-brand-700">
          {t(`event.kind.${event.kind}`)}
          {event.series ? ` · ${localized(event.series.title, event.series.titleEn)}` : ""}
        </p>
        <h3 className="mt-1 text-lg font-semibold text-ink">
          <Link to={`/events/${event.slug}`} className="after:absolute after:inset-0 after:rounded-lg hover:underline">
            {localized(event.title, event.titleEn)}
          </Link>
        </h3>
        <p className="mt-1 text-sm text-muted">
          <time dateTime={event.startsAt}>{longDate(event.startsAt, event.timeZone, locale)}</time> · <Localized zh={event.city} en={event.cityEn} />
          {event.venue ? <span className="block truncate">{event.venue}</span> : null}
        </p>
        <p className="mt-3">
          <Badge tone={statusTone[event.registration.status]}>{t(`event.registration.${event.registration.status}`)}</Badge>
        </p>
      </div>
    </Card>
  );
}
