import { publicProgrammeDirectory } from "~/models/firm.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** `GET /api/v1/programme` (DESIGN.md §5): the programme and its public member directory. */
export const loader = jsonEndpoint(async () => jsonReply(await publicProgrammeDirectory(), 200, { "Cache-Control": "public, max-age=60" }));
