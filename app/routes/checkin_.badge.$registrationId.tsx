import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BadgeSheet } from "~/components/checkin/Badge";
import { useLocalized, useT } from "~/i18n/react";
import { badges, eventIdBySlug } from "~/models/checkin-dashboard.server";
import { notFound } from "~/utils/http.server";
import { page } from "~/utils/route.server";
import { requireCheckInStaff } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.checkin-badge-registrationId");

/** One attendee's badge, printed from the scanner by staff of the attendee's event. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const slug = new URL(request.url).searchParams.get("event") ?? "";
    const eventId = await eventIdBySlug(slug);
    if (!eventId) notFound();
    await requireCheckInStaff(request, eventId);
    const data = await badges(eventId, params.registrationId);
    if (data.badges.length === 0) notFound();
    return data;
  });
}

export default function Badge() {
  const { event, badges } = useLoaderData<typeof loader>();
  const t = useT();
  const localize = useLocalized();
  return (
    <main id="main" className="mx-auto max-w-md px-3 py-4">
      <Button type="button" className="no-print mb-4 w-full" onClick={() => window.print()}>
        {t("checkin.badges.print")}
      </Button>
      <BadgeSheet eventTitle={localize(event.title, event.titleEn)} badges={badges} />
    </main>
  );
}
