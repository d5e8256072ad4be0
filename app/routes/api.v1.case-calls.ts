import { listPublicCalls } from "~/models/case-library.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/case-calls — published calls for cases, open ones first, with their dates. */
export const loader = jsonEndpoint(async () => {
  const calls = await listPublicCalls();
  return jsonReply({ calls: calls.map((call) => ({ ...call, bookletUrl: `/cases/booklet/${call.slug}` })) }, 200, { "Cache-Control": "public, max-age=60" });
});
