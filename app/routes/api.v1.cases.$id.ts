import { getPublicCase } from "~/models/case-library.server";
import { HttpError, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/cases/:id — one published case. */
export const loader = jsonEndpoint(async ({ params }) => {
  const item = await getPublicCase(params.id ?? "");
  if (!item) throw new HttpError(404, "not_found", "error.notFound.body");
  return jsonReply({ case: { ...item, url: `/cases/${item.id}` } }, 200, { "Cache-Control": "public, max-age=60" });
});
