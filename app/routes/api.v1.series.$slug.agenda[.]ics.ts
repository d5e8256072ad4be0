import { seriesAgendaIcs } from "~/models/agenda-export.server";
import { fileEndpoint } from "~/utils/route.server";

/** GET /api/v1/series/:slug/agenda.ics — every published event of a series in one calendar, to subscribe to. */
export const loader = fileEndpoint(async ({ params }) => {
  const slug = params.slug ?? "";
  return new Response(await seriesAgendaIcs(slug), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.ics"`,
      "Cache-Control": "public, max-age=30",
    },
  });
});
