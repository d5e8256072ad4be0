import { scheduleXml } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { HttpError } from "~/utils/http.server";
import { fileEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/schedule.xml — frab schedule for Giggity, ConfClerk and friends. */
export const loader = fileEndpoint(async ({ params }) => {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) throw new HttpError(404, "not_found", "event.notFound");
  return new Response(await scheduleXml(event), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=30" },
  });
});
