import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCheckInAccess } from "~/route-helpers/checkin-access.server";
import { checkInStats } from "~/models/checkin-dashboard.server";
import { apiRoute } from "~/utils/http.server";

/** GET /api/v1/events/:slug/checkin/stats for the event's staff token or staff session. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const { event } = await requireCheckInAccess(request, params.slug ?? "");
    return Response.json(await checkInStats(event.id), { headers: { "Cache-Control": "no-store" } });
  });
}
