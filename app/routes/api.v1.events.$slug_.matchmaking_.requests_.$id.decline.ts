import { declineRequest } from "~/models/matchmaking.server";
import { manageTokenFor } from "~/route-helpers/matchmaking-api.server";
import { apiErrorReply, jsonReply } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";

/** POST …/matchmaking/requests/:id/decline → 200 `{id, status: "declined"}`. */
export const action = jsonEndpoint(async ({ request, params }) => {
  if (request.method !== "POST") return apiErrorReply(405, "method_not_allowed", requestTranslator(request).t("error.badRequest.title"), { headers: { Allow: "POST" } });
  const token = await manageTokenFor(request, params.slug ?? "");
  return jsonReply(await declineRequest(token, params.id ?? ""));
});
