import { apiDocsHtml, apiDocsHeaders } from "~/route-helpers/openapi/reference.server";

/** GET /api/docs — the rendered API reference (Swagger UI, served from this server: no CDN). */
export async function loader() {
  return new Response(apiDocsHtml, { headers: { ...apiDocsHeaders, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
