import { saveProfile } from "~/models/matchmaking.server";
import { manageTokenFor } from "~/route-helpers/matchmaking-api.server";
import { profileInputSchema } from "~/schemas/matchmaking";
import { apiErrorReply, fieldErrors, jsonReply, readJson } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";
import { translateFields } from "~/i18n";

// The API router answers 405 to methods a route does not name; this action serves PUT as well as POST.
export const actionMethods = ["PUT"];

/** PUT /api/v1/events/:slug/matchmaking/profile — opt in, or change the profile (POST does the same). */
export const action = jsonEndpoint(async ({ request, params }) => {
  const { t } = requestTranslator(request);
  if (request.method !== "PUT" && request.method !== "POST") return apiErrorReply(405, "method_not_allowed", t("error.badRequest.title"), { headers: { Allow: "PUT, POST" } });
  const token = await manageTokenFor(request, params.slug ?? "");
  const parsed = profileInputSchema.safeParse(await readJson(request));
  if (!parsed.success) return apiErrorReply(422, "invalid_input", t("form.fixErrors"), { fields: translateFields(fieldErrors(parsed.error), t) });
  return jsonReply({ profile: await saveProfile(token, parsed.data) });
});
