import { rollupJson, seriesRollup } from "~/models/series-rollup.server";
import { HttpError, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/series/:slug/rollup — the tour's published stations with their figures, and the totals. */
export const loader = jsonEndpoint(async ({ params }) => {
  const rollup = await seriesRollup({ slug: params.slug ?? "" }, { publishedOnly: true });
  if (!rollup) throw new HttpError(404, "not_found", "rollup.notFound");
  return jsonReply(rollupJson(rollup), 200, { "Cache-Control": "public, max-age=60" });
});
