import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventIcs } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { notFound } from "~/utils/http.server";
import { page } from "~/utils/route.server";

/** /events/:slug/calendar.ics: the event as one calendar entry ("add to calendar"); the agenda's sessions are in agenda.ics. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const event = await getPublishedEventBySlug(params.slug ?? "");
    if (!event) notFound();
    return new Response(eventIcs(event), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
        "Cache-Control": "public, max-age=60",
      },
    });
  });
}
