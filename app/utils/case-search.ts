/**
 * The case library's search rules (docs/decisions/0010-case-library-search.md): a published case carries one
 * `searchText`, the NFKC, lower-cased text of its public fields in both languages, and a query matches a case
 * when every term of it is a substring of that text. Substrings, not words: "风控" finds "智能风控", "ａｉ"
 * finds "AI", and no tokenizer decides where a Chinese word ends.
 */

/** The form both the stored text and the query are compared in: full-width forms folded (NFKC), lower case. */
export function searchKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The stored search text of a case from its public parts, in the order a match ranks by (title first). */
export function caseSearchText(parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => searchKey(part ?? ""))
    .filter(Boolean)
    .join("\n");
}

const maxTerms = 5;
const maxTermLength = 50;

/** The terms of a query: split on spaces, duplicates dropped, at most five of at most 50 characters. */
export function queryTerms(query: string): string[] {
  const terms = searchKey(query)
    .split(" ")
    .filter(Boolean)
    .map((term) => term.slice(0, maxTermLength));
  return [...new Set(terms)].slice(0, maxTerms);
}

export type CaseFigure = { label: string; labelEn: string; value: string };

/** The figures of a case (a JSON array in the row); anything malformed is left out rather than shown broken. */
export function parseFigures(json: string): CaseFigure[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const { label, labelEn, value: figure } = item as Record<string, unknown>;
    if (typeof label !== "string" || typeof figure !== "string" || !label || !figure) return [];
    return [{ label, labelEn: typeof labelEn === "string" ? labelEn : "", value: figure }];
  });
}

/** The heat-map step (0 = empty … 5 = the fullest cell) of a panorama cell, so one colour scale fits any totals. */
export const heatSteps = 5;

export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(heatSteps, Math.ceil((count / max) * heatSteps)));
}

export type CaseFilterValues = { q: string; industry: string; scenario: string; firm: string; year: string; call: string };

const filterShapes: Record<Exclude<keyof CaseFilterValues, "q">, RegExp> = {
  industry: /^[a-z0-9-]{1,60}$/,
  scenario: /^[a-z0-9-]{1,60}$/,
  firm: /^[A-Za-z0-9_-]{1,60}$/,
  year: /^\d{4}$/,
  call: /^[a-z0-9-]{1,100}$/,
};

/** The library's filters from a query string (the page's and the API's); a value of the wrong shape is dropped. */
export function parseCaseFilter(params: URLSearchParams): CaseFilterValues {
  const value = (key: keyof typeof filterShapes) => {
    const raw = (params.get(key) ?? "").trim();
    return filterShapes[key].test(raw) ? raw : "";
  };
  return { q: (params.get("q") ?? "").slice(0, 200), industry: value("industry"), scenario: value("scenario"), firm: value("firm"), year: value("year"), call: value("call") };
}
