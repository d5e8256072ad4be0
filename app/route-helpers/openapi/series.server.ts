import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { seriesRollupSchema } from "~/schemas/api-series";
import { errors, json } from "./shared.server";

const station = { registered: 86, checkedIn: 71, firms: 34, meetingsRequested: 58, meetingsHeld: 31, followUps: 17, cases: 4 };

/** A series (the deep-dive tour) as a whole: its campaign roll-up. */
export function describeSeries(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/series/{slug}/rollup",
    tags: ["Series"],
    summary: "The tour's roll-up: per published station and in total",
    description:
      "Per published event of the series, in date order: confirmed registrations, check-ins, distinct member firms registered, 1:1 meeting requests (any state), " +
      "meetings both sides checked in to, meetings that led to a next step, and published cases whose lead firm attended. `totals` are the sums of the events' figures. Cached for 60 seconds.",
    request: { params: z.object({ slug: z.string().openapi({ description: "The series' URL name", example: "agent-deep-dive-2026" }) }) },
    responses: {
      200: json("The roll-up", seriesRollupSchema.openapi("SeriesRollup"), {
        series: { slug: "agent-deep-dive-2026", title: "智能体深度行", titleEn: "Agent Deep Dive" },
        events: [{ slug: "shanghai-finance-2026", city: "上海", cityEn: "Shanghai", startsAt: "2026-12-10T01:30:00.000Z", ...station }],
        totals: station,
      }),
      ...errors([404], { 404: { description: "Unknown series", message: "Series not found." } }),
    },
  });
}
