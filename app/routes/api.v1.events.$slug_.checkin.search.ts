import { requireCheckInAccess } from "~/route-helpers/checkin-access.server";
import { searchAttendees, searchSchema } from "~/models/checkin-dashboard.server";
import { fieldErrors, HttpError, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/events/:slug/checkin/search?q=…: manual search by name, phone, organization, e-mail or code. */
export const loader = jsonEndpoint(async ({ request, params }) => {
  const { event } = await requireCheckInAccess(request, params.slug ?? "");
  const parsed = searchSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) throw new HttpError(422, "invalid_input", "checkin.error.invalidInput", undefined, fieldErrors(parsed.error));
  return jsonReply({ attendees: await searchAttendees(event.id, parsed.data.q) }, 200, { "Cache-Control": "private, no-store" });
});
