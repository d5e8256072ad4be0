import type { LoaderFunctionArgs } from "@remix-run/node";
import { scheduleJson } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { apiError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

/** GET /api/v1/events/:slug/schedule.json — the frab/c3voc JSON schedule. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) return apiError(404, "not_found", requestTranslator(request).t("event.notFound"));
  return Response.json(await scheduleJson(event), { headers: { "Cache-Control": "public, max-age=30" } });
}
