import { sendRequest } from "~/models/matchmaking.server";
import { manageTokenFor } from "~/route-helpers/matchmaking-api.server";
import { requestInputSchema } from "~/schemas/matchmaking";
import { apiErrorReply, fieldErrors, jsonReply, readJson } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";
import { translateFields } from "~/i18n";

/** POST /api/v1/events/:slug/matchmaking/requests `{to, message}` → 201 `{id, status: "pending"}`. */
export const action = jsonEndpoint(async ({ request, params }) => {
  const { t } = requestTranslator(request);
  if (request.method !== "POST") return apiErrorReply(405, "method_not_allowed", t("error.badRequest.title"), { headers: { Allow: "POST" } });
  const token = await manageTokenFor(request, params.slug ?? "");
  const parsed = requestInputSchema.safeParse(await readJson(request));
  if (!parsed.success) return apiErrorReply(422, "invalid_input", t("form.fixErrors"), { fields: translateFields(fieldErrors(parsed.error), t) });
  return jsonReply(await sendRequest(token, parsed.data), 201);
});
