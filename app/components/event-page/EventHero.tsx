import type { EventPageView } from "~/route-helpers/event-page.server";
import { useT } from "~/i18n/react";

/**
 * The top of the event page: the cover (AVIF, then WebP, each in several widths; a colour band without one)
 * with the date badge over its corner. The cover is the page's largest paint, so it loads eagerly.
 */
export function EventHero({ cover, badge, title }: { cover: EventPageView["cover"]; badge: EventPageView["badge"]; title: string }) {
  const t = useT();
  return (
    <div className="relative overflow-hidden rounded-xl bg-gradient-to-br from-brand-700 via-brand-600 to-sky-500 sm:rounded-2xl">
      {cover ? (
        <picture>
          <source type="image/avif" srcSet={cover.avif} sizes="(min-width: 1024px) 1024px, 100vw" />
          <source type="image/webp" srcSet={cover.webp} sizes="(min-width: 1024px) 1024px, 100vw" />
          <img
            src={cover.fallback}
            width={cover.width}
            height={cover.height}
            alt={t("eventPage.coverAlt", { title })}
            className="block h-auto w-full"
            // React 18 knows the attribute only in lower case.
            {...{ fetchpriority: "high" }}
            decoding="async"
            data-testid="event-cover"
          />
        </picture>
      ) : (
        <div className="aspect-[16/6] w-full" aria-hidden="true" />
      )}
      <DateBadge badge={badge} />
    </div>
  );
}

export function DateBadge({ badge }: { badge: EventPageView["badge"] }) {
  return (
    <p className="absolute left-3 top-3 flex w-16 flex-col items-center overflow-hidden rounded-lg bg-white text-center shadow-md sm:left-4 sm:top-4" data-testid="date-badge">
      <span className="w-full bg-danger py-0.5 text-xs font-semibold text-white">{badge.month}</span>
      <span className="text-2xl font-bold leading-tight text-ink">{badge.day}</span>
      <span className="pb-1 text-xs text-muted">{badge.weekday}</span>
    </p>
  );
}
