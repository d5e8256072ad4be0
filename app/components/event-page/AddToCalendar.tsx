import type { EventPageView } from "~/route-helpers/event-page.server";
import { useT } from "~/i18n/react";

/** The event as a calendar file, or straight into Google's or Outlook's web calendar. */
export function AddToCalendar({ links }: { links: EventPageView["calendar"] }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="add-to-calendar">
      <span className="font-medium text-muted">{t("eventPage.addToCalendar")}</span>
      <a className="text-brand-700 underline" href={links.ics} download>
        {t("eventPage.calendarIcs")}
      </a>
      <a className="text-brand-700 underline" href={links.google} target="_blank" rel="noopener noreferrer">
        {t("eventPage.calendarGoogle")}
      </a>
      <a className="text-brand-700 underline" href={links.outlook} target="_blank" rel="noopener noreferrer">
        {t("eventPage.calendarOutlook")}
      </a>
    </div>
  );
}
