import { eventApiBody } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { HttpError, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug — the event and its published agenda (DESIGN.md §5). */
export const loader = jsonEndpoint(async ({ params }) => {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) throw new HttpError(404, "not_found", "event.notFound");
  return jsonReply(await eventApiBody(event), 200, { "Cache-Control": "public, max-age=30" });
});
