import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { AddToCalendar } from "~/components/event-page/AddToCalendar";
import { VenueCard } from "~/components/event-page/VenueCard";
import type { EventPageView } from "~/route-helpers/event-page.server";
import { ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

type Props = {
  event: { slug: string; title: string };
  outcome: { status: string; managePath: string | null; maskedEmail: string } | null;
  when: { days: string; hours: string; zone: string };
  place: { venue: string; address: string };
  maps: EventPageView["maps"];
  calendar: EventPageView["calendar"];
};

/**
 * The page after registering: the outcome in words (confirmed, waitlisted, awaiting approval…), when and where
 * in the event's zone, the (masked) address the e-mail went to, add-to-calendar and the manage link.
 */
export function RegistrationConfirmation({ event, outcome, when, place, maps, calendar }: Props) {
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-6">
      {outcome ? (
        <Card as="section" role="status" data-testid="registration-outcome" data-status={outcome.status}>
          <p className="text-sm font-medium text-brand-700">{event.title}</p>
          <h1 className="mt-1 text-2xl font-bold">{t(`registration.result.${outcome.status}.title` as MessageKey)}</h1>
          <p className="mt-2 text-muted">{t(`registration.result.${outcome.status}.body` as MessageKey)}</p>
          <p className="mt-3 text-sm text-muted">
            {t(outcome.status === "resent" ? "confirmation.sentToIfRegistered" : "confirmation.sentTo")} <span className="font-medium text-ink">{outcome.maskedEmail}</span>
          </p>
          {outcome.managePath ? (
            <div className="mt-4">
              <ButtonLink to={outcome.managePath} className="w-full sm:w-auto" data-testid="manage-link">
                {t("registration.result.manage")}
              </ButtonLink>
              <p className="mt-2 text-xs text-muted">{t("confirmation.manageHint")}</p>
            </div>
          ) : null}
        </Card>
      ) : (
        <Card as="section" role="status">
          <h1 className="text-xl font-bold">{event.title}</h1>
          <p className="mt-2 text-muted">{t("confirmation.expired")}</p>
        </Card>
      )}
      <VenueCard when={when} venue={place.venue} address={place.address} maps={maps} />
      <AddToCalendar links={calendar} />
      <p>
        <Link to={`/events/${event.slug}`} className="text-brand-700 underline">
          {t("confirmation.backToEvent")}
        </Link>
      </p>
    </main>
  );
}
