import { z } from "zod";

const rollupCounts = {
  registered: z.number().int().min(0),
  checkedIn: z.number().int().min(0),
  firms: z.number().int().min(0),
  meetingsRequested: z.number().int().min(0),
  meetingsHeld: z.number().int().min(0),
  followUps: z.number().int().min(0),
  cases: z.number().int().min(0),
};

/** The answer of `GET /api/v1/series/:slug/rollup`: the published stations of a tour and their sums. */
export const seriesRollupSchema = z.object({
  series: z.object({ slug: z.string(), title: z.string(), titleEn: z.string() }),
  events: z.array(z.object({ slug: z.string(), city: z.string(), cityEn: z.string(), startsAt: z.string().datetime(), ...rollupCounts })),
  totals: z.object(rollupCounts),
});
export type SeriesRollupBody = z.infer<typeof seriesRollupSchema>;
