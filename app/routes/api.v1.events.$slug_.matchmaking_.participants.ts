import { describeFit, participantsFor } from "~/models/matchmaking.server";
import { manageTokenFor } from "~/route-helpers/matchmaking-api.server";
import { jsonReply } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/matchmaking/participants — the others' shared profiles, best fit first, with reasons. */
export const loader = jsonEndpoint(async ({ request, params }) => {
  const token = await manageTokenFor(request, params.slug ?? "");
  const { t, locale } = requestTranslator(request);
  const participants = (await participantsFor(token)).map((participant) => ({ ...participant, reasons: describeFit(participant.reasons, t, locale) }));
  return jsonReply({ participants }, 200, { "Cache-Control": "private, no-store" });
});
