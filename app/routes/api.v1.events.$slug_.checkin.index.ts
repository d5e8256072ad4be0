import { requireCheckInAccess } from "~/route-helpers/checkin-access.server";
import { offlineIndex } from "~/models/checkin-offline-index.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/**
 * GET /api/v1/events/:slug/checkin/index: the ticket index the scanner keeps for offline decisions.
 * Keys are truncated SHA-256 of ticket codes; names are masked; no e-mail, phone or code is included.
 */
export const loader = jsonEndpoint(async ({ request, params }) => {
  const { event } = await requireCheckInAccess(request, params.slug ?? "");
  const index = await offlineIndex(event.id);
  return jsonReply({ event: { slug: event.slug, title: event.title, titleEn: event.titleEn }, ...index }, 200, { "Cache-Control": "private, no-store" });
});
