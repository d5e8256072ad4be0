import type { LoaderFunctionArgs } from "@remix-run/node";
import { scheduleXml } from "~/models/agenda-export.server";
import { getPublishedEventBySlug } from "~/models/event.server";
import { apiError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";

/** GET /api/v1/events/:slug/schedule.xml — frab schedule for Giggity, ConfClerk and friends. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublishedEventBySlug(params.slug ?? "");
  if (!event) return apiError(404, "not_found", requestTranslator(request).t("event.notFound"));
  return new Response(await scheduleXml(event), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=30" },
  });
}
