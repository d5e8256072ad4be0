import { z } from "zod";
import { prisma } from "~/models/store/connection.server";
import { zLongText, zOptionalText, zText } from "~/utils/text";
import { invalidInput, parseOrThrow } from "./event.server";

/** A series is a named run of events, e.g. the deep-dive campaign (DESIGN.md §2). */
export const seriesSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "agenda.validation.slug")
    .max(80, "agenda.validation.slug")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "agenda.validation.slug"),
  title: zText(200, { tooLong: "agenda.validation.tooLong" }),
  titleEn: zOptionalText(200, { tooLong: "agenda.validation.tooLong" }),
  description: zLongText(5000, { tooLong: "agenda.validation.tooLong" }),
  descriptionEn: zLongText(5000, { tooLong: "agenda.validation.tooLong" }),
});

async function assertSlugFree(slug: string, seriesId?: string) {
  const same = await (await prisma()).series.findUnique({ where: { slug }, select: { id: true } });
  if (same && same.id !== seriesId) throw invalidInput({ slug: "agenda.validation.slugTaken" });
}

export async function createSeries(input: unknown) {
  const facts = parseOrThrow(seriesSchema, input);
  await assertSlugFree(facts.slug);
  return (await prisma()).series.create({ data: facts });
}

export async function updateSeries(seriesId: string, input: unknown) {
  const facts = parseOrThrow(seriesSchema, input);
  await assertSlugFree(facts.slug, seriesId);
  return (await prisma()).series.update({ where: { id: seriesId }, data: facts });
}

export async function listSeries() {
  return (await prisma()).series.findMany({
    orderBy: { createdAt: "desc" },
    include: { events: { orderBy: { startsAt: "asc" }, select: { id: true, slug: true, title: true, titleEn: true, startsAt: true, timeZone: true, status: true, city: true } } },
  });
}

export async function getSeries(seriesId: string) {
  return (await prisma()).series.findUnique({
    where: { id: seriesId },
    include: { events: { orderBy: { startsAt: "asc" } } },
  });
}

export async function getSeriesBySlug(slug: string) {
  return (await prisma()).series.findUnique({ where: { slug } });
}
