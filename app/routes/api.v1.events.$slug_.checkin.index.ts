import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCheckInAccess } from "~/route-helpers/checkin-access.server";
import { offlineIndex } from "~/models/checkin-offline-index.server";
import { apiRoute } from "~/utils/http.server";

/**
 * GET /api/v1/events/:slug/checkin/index: the ticket index the scanner keeps for offline decisions.
 * Keys are truncated SHA-256 of ticket codes; names are masked; no e-mail, phone or code is included.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const { event } = await requireCheckInAccess(request, params.slug ?? "");
    return Response.json({ event: { slug: event.slug, title: event.title, titleEn: event.titleEn }, ...(await offlineIndex(event.id)) }, {
      headers: { "Cache-Control": "private, no-store" },
    });
  });
}
