import { listPublishedEvents, publicEventSummary } from "~/models/event.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events — published events (DESIGN.md §5). */
export const loader = jsonEndpoint(async () => {
  const { upcoming, past } = await listPublishedEvents();
  const events = [...upcoming, ...past.slice().reverse()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return jsonReply({ events: events.map((event) => publicEventSummary(event)) }, 200, { "Cache-Control": "public, max-age=30" });
});
