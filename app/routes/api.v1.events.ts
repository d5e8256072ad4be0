import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublishedEvents, publicEventSummary } from "~/models/event.server";

/** GET /api/v1/events — published events (DESIGN.md §5). */
export async function loader(_args: LoaderFunctionArgs) {
  const { upcoming, past } = await listPublishedEvents();
  const events = [...upcoming, ...past.slice().reverse()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return Response.json({ events: events.map((event) => publicEventSummary(event)) }, { headers: { "Cache-Control": "public, max-age=30" } });
}
