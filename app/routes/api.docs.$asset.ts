import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiDocsAsset, apiDocsHeaders } from "~/route-helpers/openapi/reference.server";
import { apiError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

/** GET /api/docs/:asset — the reference's own scripts and styles (a fixed list of Swagger UI files). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const asset = await apiDocsAsset(params.asset ?? "");
  if (!asset) return apiError(404, "not_found", requestTranslator(request).t("error.notFound.body"));
  return new Response(asset.body, { headers: { ...apiDocsHeaders, "Content-Type": asset.type, "Cache-Control": "public, max-age=3600" } });
}
