import { prisma } from "~/models/store/connection.server";
import type { SeriesFacts } from "~/schemas/agenda";
import { invalidInput } from "./event.server";

async function assertSlugFree(slug: string, seriesId?: string) {
  const same = await (await prisma()).series.findUnique({ where: { slug }, select: { id: true } });
  if (same && same.id !== seriesId) throw invalidInput({ slug: "agenda.validation.slugTaken" });
}

export async function createSeries(facts: SeriesFacts) {
  await assertSlugFree(facts.slug);
  return (await prisma()).series.create({ data: facts });
}

export async function updateSeries(seriesId: string, facts: SeriesFacts) {
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

/** A series and its published events in date order (the series calendar), or null for an unknown slug. */
export async function getPublishedSeriesBySlug(slug: string) {
  return (await prisma()).series.findUnique({
    where: { slug },
    include: { events: { where: { status: "PUBLISHED" }, orderBy: { startsAt: "asc" }, include: { series: true } } },
  });
}
