import { requireCheckInAccess } from "~/route-helpers/checkin-access.server";
import { checkInStats } from "~/models/checkin-dashboard.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/checkin/stats for the event's staff token or staff session. */
export const loader = jsonEndpoint(async ({ request, params }) => {
  const { event } = await requireCheckInAccess(request, params.slug ?? "");
  return jsonReply(await checkInStats(event.id), 200, { "Cache-Control": "no-store" });
});
