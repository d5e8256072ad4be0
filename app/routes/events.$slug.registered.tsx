import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { RegistrationConfirmation } from "~/components/registration-form/RegistrationConfirmation";
import { translator, localized } from "~/i18n";
import { getPublishedEventBySlug } from "~/models/event.server";
import { calendarLinks, mapLinks } from "~/utils/event-links";
import { describeEventZone, formatDayRange } from "~/utils/date-range";
import { notFound } from "~/utils/http.server";
import { localeFromRequest } from "~/utils/i18n.server";
import { readRegistrationFlash } from "~/utils/registration-flash.server";
import { page } from "~/utils/route.server";
import { formatTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "" }];

// The page names the visitor's address and manage link: never kept by a shared cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/**
 * /events/:slug/registered: where the registration form's POST redirects. What it shows comes from the sealed
 * flash cookie the POST set (utils/registration-flash.server.ts), so the URL carries nothing personal and a
 * refresh shows the page again without registering again.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const event = await getPublishedEventBySlug(params.slug ?? "");
    if (!event) notFound();
    const locale = localeFromRequest(request);
    const t = translator(locale);
    const flash = await readRegistrationFlash(request, event.slug);
    const title = localized(locale, event.title, event.titleEn);
    const venue = localized(locale, event.venue, event.venueEn);
    return {
      pageTitle: t("confirmation.pageTitle", { event: title }),
      event: { slug: event.slug, title },
      outcome: flash ? { status: flash.status, managePath: flash.managePath, maskedEmail: flash.maskedEmail } : null,
      when: {
        days: formatDayRange(event.startsAt, event.endsAt, event.timeZone, locale, t),
        hours: `${formatTime(event.startsAt, event.timeZone)}–${formatTime(event.endsAt, event.timeZone)}`,
        zone: describeEventZone(event.startsAt, event.endsAt, event.timeZone, locale, t),
      },
      place: { venue, address: [localized(locale, event.city, event.cityEn), event.address].filter(Boolean).join(" · ") },
      maps: event.address || event.venue ? mapLinks({ city: event.city, venue: event.venue, address: event.address }) : null,
      calendar: {
        ics: `/events/${event.slug}/calendar.ics`,
        ...calendarLinks({
          title,
          startsAt: event.startsAt.toISOString(),
          endsAt: event.endsAt.toISOString(),
          location: [venue, event.address].filter(Boolean).join(", "),
          details: localized(locale, event.theme, event.themeEn),
        }),
      },
    };
  });
}

export default function RegisteredPage() {
  return <RegistrationConfirmation {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
