import { ownMeetingsIcs } from "~/models/matchmaking-schedule.server";
import { manageTokenFor } from "~/route-helpers/matchmaking-api.server";
import { requestTranslator } from "~/utils/i18n.server";
import { fileEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/matchmaking/meetings.ics — the caller's meetings as iCalendar. */
export const loader = fileEndpoint(async ({ request, params }) => {
  const token = await manageTokenFor(request, params.slug ?? "");
  const { body, slug } = await ownMeetingsIcs(token, requestTranslator(request).locale);
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${slug}-meetings.ics"`, "Cache-Control": "private, no-store" },
  });
});
