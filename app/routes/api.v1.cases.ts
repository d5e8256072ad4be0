import { searchCases } from "~/models/case-library.server";
import { caseListQuerySchema } from "~/schemas/api-cases";
import { parseCaseFilter } from "~/utils/case-search";
import { fieldErrors, HttpError, jsonReply } from "~/utils/http.server";
import { jsonEndpoint } from "~/utils/route.server";

/** GET /api/v1/cases — published cases of the library, searched, filtered and paginated. */
export const loader = jsonEndpoint(async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const parsed = caseListQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new HttpError(422, "invalid_input", "caseLibrary.api.invalidQuery", undefined, fieldErrors(parsed.error));
  const listed = await searchCases(parseCaseFilter(params), parsed.data.page ?? 1, parsed.data.perPage ?? 20);
  return jsonReply({ ...listed, cases: listed.cases.map((item) => ({ ...item, url: `/cases/${item.id}` })) }, 200, { "Cache-Control": "public, max-age=60" });
});
