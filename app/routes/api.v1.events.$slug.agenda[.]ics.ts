import { agendaIcs } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { HttpError } from "~/utils/http.server";
import { fileEndpoint } from "~/utils/route.server";

/**
 * GET /api/v1/events/:slug/agenda.ics — the published agenda as iCalendar. `?sessions=id,id` limits it to
 * the reader's "my agenda" favourites; an id that is not in the published agenda is a 404.
 */
export const loader = fileEndpoint(async ({ request, params }) => {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) throw new HttpError(404, "not_found", "event.notFound");
  const wanted = new URL(request.url).searchParams.get("sessions");
  const only =
    wanted !== null
      ? new Set(
          wanted
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean)
            .slice(0, 500),
        )
      : undefined;
  const body = await agendaIcs(event, only);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}${only ? "-my-agenda" : ""}.ics"`,
      "Cache-Control": "public, max-age=30",
    },
  });
});
