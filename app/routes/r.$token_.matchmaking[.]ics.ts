import type { LoaderFunctionArgs } from "@remix-run/node";
import { ownMeetingsIcs } from "~/models/matchmaking-schedule.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";

/** The attendee's meetings as iCalendar, from the manage link (the API's `.ics` wants the token as a bearer). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const { body, slug } = await ownMeetingsIcs(params.token ?? "", requestTranslator(request).locale);
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slug}-meetings.ics"`,
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  });
}
