import type { LoaderFunctionArgs } from "@remix-run/node";
import { agendaIcs } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { apiError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

/**
 * GET /api/v1/events/:slug/agenda.ics — the published agenda as iCalendar. `?sessions=id,id` limits it to
 * the reader's "my agenda" favourites.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) return apiError(404, "not_found", requestTranslator(request).t("event.notFound"));
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
}
