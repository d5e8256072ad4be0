import { ButtonAnchor } from "~/components/ui/Button";
import type { EventPageView } from "~/route-helpers/event-page.server";
import { useT } from "~/i18n/react";

/** When and where, with the venue on Amap and Baidu Maps (plain links: no map script on the page). */
export function VenueCard({ when, venue, address, maps }: { when: { days: string; hours: string; zone: string }; venue: string; address: string; maps: EventPageView["maps"] }) {
  const t = useT();
  return (
    <dl className="card grid gap-4 sm:grid-cols-2">
      <div>
        <dt className="text-sm font-medium text-muted">{t("event.when")}</dt>
        <dd className="mt-1 font-medium text-ink">
          {when.days} {when.hours}
          <span className="block text-sm font-normal text-muted">{when.zone}</span>
        </dd>
      </div>
      <div>
        <dt className="text-sm font-medium text-muted">{t("eventPage.venue")}</dt>
        <dd className="mt-1">
          <span className="font-medium text-ink">{venue || t("eventPage.onlineVenue")}</span>
          {address ? <span className="block text-sm text-muted">{address}</span> : null}
          {maps ? (
            <span className="mt-2 flex flex-wrap gap-2" data-testid="map-links">
              <ButtonAnchor variant="secondary" size="sm" href={maps.amap} target="_blank" rel="noopener noreferrer" title={t("eventPage.mapHint")}>
                {t("eventPage.mapAmap")}
              </ButtonAnchor>
              <ButtonAnchor variant="secondary" size="sm" href={maps.baidu} target="_blank" rel="noopener noreferrer" title={t("eventPage.mapHint")}>
                {t("eventPage.mapBaidu")}
              </ButtonAnchor>
            </span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
