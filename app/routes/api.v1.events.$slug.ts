import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventApiBody } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { apiError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

/** GET /api/v1/events/:slug — the event and its published agenda (DESIGN.md §5). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) return apiError(404, "not_found", requestTranslator(request).t("event.notFound"));
  return Response.json(await eventApiBody(event), { headers: { "Cache-Control": "public, max-age=30" } });
}
