import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCheckInAccess } from "~/route-helpers/checkin-access.server";
import { searchAttendees, searchSchema } from "~/models/checkin-dashboard.server";
import { apiRoute, fieldErrors, HttpError } from "~/utils/http.server";

/** GET /api/v1/events/:slug/checkin/search?q=…: manual search by name, phone, organization, e-mail or code. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const { event } = await requireCheckInAccess(request, params.slug ?? "");
    const parsed = searchSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
    if (!parsed.success) throw new HttpError(422, "invalid_input", "checkin.error.invalidInput", undefined, fieldErrors(parsed.error));
    return Response.json({ attendees: await searchAttendees(event.id, parsed.data.q) }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
