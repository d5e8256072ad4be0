import { meetingsFor } from "~/models/matchmaking.server";
import { manageTokenFor } from "~/route-helpers/matchmaking-api.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/matchmaking/meetings — the caller's meetings in time order. */
export const loader = jsonEndpoint(async ({ request, params }) => {
  const token = await manageTokenFor(request, params.slug ?? "");
  const meetings = (await meetingsFor(token)).map(({ id, requestId, startsAt, endsAt, table, with: other, checkedIn, otherCheckedIn, outcome }) => ({
    id,
    requestId,
    startsAt,
    endsAt,
    table,
    with: other,
    checkedIn,
    otherCheckedIn,
    outcome,
  }));
  return jsonReply({ meetings }, 200, { "Cache-Control": "private, no-store" });
});
