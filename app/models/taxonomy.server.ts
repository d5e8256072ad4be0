import { prisma } from "~/models/store/connection.server";

/**
 * The shared taxonomy (DESIGN.md §2 "Taxonomy"): industries and application scenarios, used by case calls,
 * cases, the scenario board and the application panorama. Codes are stable (URLs, API filters); labels are
 * read in the reader's language with `localizedText`.
 */
export type TaxonomyTerm = { id: string; code: string; name: string; nameEn: string; position: number };

const termFields = { id: true, code: true, name: true, nameEn: true, position: true } as const;

/** Both lists in display order, archived terms left out. */
export async function listTaxonomy(): Promise<{ industries: TaxonomyTerm[]; scenarios: TaxonomyTerm[] }> {
  const db = await prisma();
  const [industries, scenarios] = await Promise.all([
    db.industry.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { code: "asc" }], select: termFields }),
    db.scenario.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { code: "asc" }], select: termFields }),
  ]);
  return { industries, scenarios };
}

export type TaxonomyEntry = { code: string; name: string; nameEn: string };

/** Adds the terms that are missing and updates the labels and order of those that exist (idempotent). */
export async function upsertTaxonomy({ industries, scenarios }: { industries: TaxonomyEntry[]; scenarios: TaxonomyEntry[] }) {
  const db = await prisma();
  for (const [position, term] of industries.entries()) {
    await db.industry.upsert({ where: { code: term.code }, create: { ...term, position }, update: { name: term.name, nameEn: term.nameEn, position } });
  }
  for (const [position, term] of scenarios.entries()) {
    await db.scenario.upsert({ where: { code: term.code }, create: { ...term, position }, update: { name: term.name, nameEn: term.nameEn, position } });
  }
}
