import { heatLevel } from "./case-search";

/**
 * The application panorama (industries × scenarios): per cell, the public cases and the distinct service
 * providers, that is the organisations behind those cases (lead and co-submitting) and the approved offers of
 * the scenario board in the cell. A member firm counts once whatever it is named; an organisation outside the
 * members is told apart by its name.
 */
export type PanoramaCaseRow = { id: string; industryId: string | null; scenarioId: string | null; firmId: string | null; organizationName: string; coFirmId: string | null; coName: string | null };
export type PanoramaOfferRow = { industryId: string | null; scenarioId: string | null; firmId: string | null; organizationName: string };
export type PanoramaCell = { cases: number; providers: number; level: number };

export const cellKey = (industryId: string, scenarioId: string) => `${industryId}|${scenarioId}`;

const providerKey = (firmId: string | null, name: string | null) => (firmId ? `firm:${firmId}` : name ? `name:${name}` : null);

export function panoramaCells(caseRows: PanoramaCaseRow[], offerRows: PanoramaOfferRow[]) {
  const tallies = new Map<string, { cases: Set<string>; providers: Set<string> }>();
  const tally = (industryId: string | null, scenarioId: string | null) => {
    if (!industryId || !scenarioId) return null;
    const key = cellKey(industryId, scenarioId);
    let entry = tallies.get(key);
    if (!entry) tallies.set(key, (entry = { cases: new Set(), providers: new Set() }));
    return entry;
  };
  for (const row of caseRows) {
    const entry = tally(row.industryId, row.scenarioId);
    if (!entry) continue;
    entry.cases.add(row.id);
    for (const provider of [providerKey(row.firmId, row.organizationName), providerKey(row.coFirmId, row.coName)]) if (provider) entry.providers.add(provider);
  }
  for (const row of offerRows) {
    const provider = providerKey(row.firmId, row.organizationName);
    const entry = tally(row.industryId, row.scenarioId);
    if (entry && provider) entry.providers.add(provider);
  }
  // The colour follows the cases, the library's content; providers are shown as a number beside them.
  const maxCases = Math.max(0, ...[...tallies.values()].map((entry) => entry.cases.size));
  const cells: Record<string, PanoramaCell> = {};
  for (const [key, entry] of tallies) cells[key] = { cases: entry.cases.size, providers: entry.providers.size, level: heatLevel(entry.cases.size, maxCases) };
  return { cells, maxCases };
}
