import { requireEventManager } from "~/auth/permissions.server";
import { searchSpeakerDirectory } from "~/models/session-speaker.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/**
 * GET /admin/events/:eventId/agenda/speakers?q=…: the speaker picker's type-ahead over the people directory,
 * for the event's organizers (a signed-in user without the event gets the 403 error body).
 */
export const loader = jsonEndpoint(async ({ request, params }) => {
  await requireEventManager(request, params.eventId ?? "");
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return jsonReply({ speakers: await searchSpeakerDirectory(query) }, 200, { "Cache-Control": "private, no-store" });
});
