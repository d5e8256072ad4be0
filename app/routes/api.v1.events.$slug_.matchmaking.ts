import { getPublishedEventBySlug } from "~/models/event.server";
import { publicMatchmaking } from "~/models/matchmaking.server";
import { HttpError, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/matchmaking — whether the event runs matchmaking, its slots and tables, and counts. */
export const loader = jsonEndpoint(async ({ params }) => {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) throw new HttpError(404, "not_found", "event.notFound");
  return jsonReply(await publicMatchmaking(event.id), 200, { "Cache-Control": "public, max-age=30" });
});
