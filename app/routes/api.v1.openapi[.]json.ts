import { openApiDocument } from "~/route-helpers/openapi/document.server";
import { jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of this API (rendered at /api/docs). */
export const loader = jsonEndpoint(async () => jsonReply(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" }));
