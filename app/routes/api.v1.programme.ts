import { publicProgrammeDirectory } from "~/models/firm.server";
import { apiRouteErrors } from "~/route-helpers/programme-route.server";

/** `GET /api/v1/programme` (DESIGN.md §5): the programme and its public member directory. */
export async function loader({ request }: { request: Request }) {
  return apiRouteErrors(request, async () =>
    Response.json(await publicProgrammeDirectory(), { headers: { "Cache-Control": "public, max-age=60" } }),
  );
}
