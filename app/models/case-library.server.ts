import { audit } from "~/models/audit.server";
import { prisma, rawSql } from "~/models/store/connection.server";
import {
  casePage,
  coSubmittersOf,
  facetRows,
  panoramaCaseRows,
  panoramaOfferRows,
  publicCaseId,
  publicCaseIdsOfCall,
  publishedCallCloses,
  type ListedCaseRow,
} from "~/models/store/case-library-store.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { panoramaCells } from "~/utils/case-panorama";
import { caseSearchText, parseFigures, queryTerms, type CaseFigure } from "~/utils/case-search";
import { DomainError } from "~/utils/domain-error";
import { inZone } from "~/utils/time";

/**
 * The case library (issue #17): selected cases whose submitters consented are published by an organizer and
 * then read by everyone at /cases, on the panorama, in a call's booklet and through the API.
 */

export type CaseDecisionName = "typical" | "excellent";
export type CaseOrganisation = { firmId: string | null; name: string; nameEn: string };
export type TermLabel = { code: string; name: string; nameEn: string };
export type CallLabel = { slug: string; title: string; titleEn: string };

export type ListedCase = {
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  decision: CaseDecisionName;
  year: number;
  publishedAt: string;
  industry: TermLabel | null;
  scenario: TermLabel | null;
  organisations: CaseOrganisation[];
  call: CallLabel;
};

export type PublicCase = ListedCase & { problem: string; problemEn: string; solution: string; solutionEn: string; results: string; resultsEn: string; figures: CaseFigure[] };

export type CaseFilter = { q: string; industry: string; scenario: string; firm: string; year: string; call: string };

const decisionName = (decision: string | null): CaseDecisionName => (decision === "EXCELLENT" ? "excellent" : "typical");
// A call that closed at 00:30 on 1 January in Beijing belongs to the new year, although it was still the old one in UTC.
const yearOf = (instant: string | Date, zone: string) => inZone(instant, zone).year;
const isoOf = (instant: string | Date | null) => (instant ? new Date(instant).toISOString() : "");

// Only active member firms have a directory page to link to; the others keep their name without a link.
const organisation = (firmId: string | null, firmStatus: string | null, name: string, nameEn: string): CaseOrganisation => ({ firmId: firmStatus === "ACTIVE" ? firmId : null, name, nameEn });

async function withOrganisations(rows: ListedCaseRow[]): Promise<ListedCase[]> {
  const coRows = rows.length ? coSubmittersOf(rows.map((row) => row.id)).all(await rawSql()) : [];
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    titleEn: row.titleEn,
    summary: row.summary,
    summaryEn: row.summaryEn,
    decision: decisionName(row.decision),
    year: yearOf(row.callClosesAt, row.callTimeZone),
    publishedAt: isoOf(row.publishedAt),
    industry: row.industryCode ? { code: row.industryCode, name: row.industryName ?? "", nameEn: row.industryNameEn ?? "" } : null,
    scenario: row.scenarioCode ? { code: row.scenarioCode, name: row.scenarioName ?? "", nameEn: row.scenarioNameEn ?? "" } : null,
    organisations: [
      organisation(row.firmId, row.firmStatus, row.firmName ?? row.organizationName, row.firmName ? (row.firmNameEn ?? "") : row.organizationNameEn),
      ...coRows.filter((co) => co.submissionId === row.id).map((co) => organisation(co.firmId, co.firmStatus, co.firmName ?? co.name, co.firmName ? (co.firmNameEn ?? "") : co.nameEn)),
    ].filter((entry) => entry.name),
    call: { slug: row.callSlug, title: row.callTitle, titleEn: row.callTitleEn },
  }));
}

/** One page of the library (or of the API's list), filtered, searched and ranked. */
export async function searchCases(filter: CaseFilter, page: number, perPage: number) {
  const terms = queryTerms(filter.q);
  const sql = await rawSql();
  const callIds = filter.year
    ? publishedCallCloses
        .all(sql, {})
        .filter((call) => String(yearOf(call.closesAt, call.timeZone)) === filter.year)
        .map((call) => call.id)
    : null;
  const query = { ...filter, terms, callIds, limit: perPage, offset: 0 };
  const total = Number(casePage(query).total.get(sql)?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = casePage({ ...query, offset: (current - 1) * perPage }).rows.all(sql);
  return { cases: await withOrganisations(rows), page: current, pageCount, perPage, total };
}

const noFilter: CaseFilter = { q: "", industry: "", scenario: "", firm: "", year: "", call: "" };

/** A firm's public cases (lead or co-submitter), for its directory page. */
export async function firmPublishedCases(firmId: string): Promise<ListedCase[]> {
  return (await searchCases({ ...noFilter, firm: firmId }, 1, 100)).cases;
}

/** What the library's filters offer: the taxonomy, and the firms, years and calls that have a public case. */
export async function caseFacets() {
  const rows = facetRows.all(await rawSql(), {});
  const firmIds = [...new Set(rows.flatMap((row) => [row.firmId, row.coFirmId]).filter((id): id is string => Boolean(id)))];
  const firms = await (await prisma()).firm.findMany({ where: { id: { in: firmIds }, status: "ACTIVE" }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } });
  const calls = new Map<string, CallLabel>();
  for (const row of rows) calls.set(row.callSlug, { slug: row.callSlug, title: row.callTitle, titleEn: row.callTitleEn });
  const years = [...new Set(rows.map((row) => yearOf(row.callClosesAt, row.callTimeZone)))].sort((a, b) => b - a);
  return { ...(await listTaxonomy()), firms, years, calls: [...calls.values()] };
}

/** The industries × scenarios grid of public cases and service providers. */
export async function casePanorama() {
  const sql = await rawSql();
  const { industries, scenarios } = await listTaxonomy();
  const { cells, maxCases } = panoramaCells(panoramaCaseRows.all(sql, {}), panoramaOfferRows.all(sql, {}));
  const totalCases = new Set(panoramaCaseRows.all(sql, {}).map((row) => row.id)).size;
  return { industries, scenarios, cells, maxCases, totalCases };
}

const caseInclude = {
  call: { select: { slug: true, title: true, titleEn: true, closesAt: true, timeZone: true } },
  firm: { select: { id: true, name: true, nameEn: true, status: true } },
  coSubmitters: { orderBy: { position: "asc" as const }, select: { firmId: true, name: true, nameEn: true, firm: { select: { name: true, nameEn: true, status: true } } } },
  industry: { select: { code: true, name: true, nameEn: true } },
  scenario: { select: { code: true, name: true, nameEn: true } },
};

type CaseRecord = NonNullable<Awaited<ReturnType<typeof loadCases>>>[number];

async function loadCases(ids: string[]) {
  return (await prisma()).caseSubmission.findMany({ where: { id: { in: ids } }, include: caseInclude });
}

function publicCaseOf(record: CaseRecord): PublicCase {
  const lead = record.firm ? organisation(record.firm.id, record.firm.status, record.firm.name, record.firm.nameEn) : organisation(null, null, record.organizationName, record.organizationNameEn);
  const coSubmitters = record.coSubmitters.map((co) => (co.firm ? organisation(co.firmId, co.firm.status, co.firm.name, co.firm.nameEn) : organisation(null, null, co.name, co.nameEn)));
  return {
    id: record.id,
    title: record.title,
    titleEn: record.titleEn,
    summary: record.summary,
    summaryEn: record.summaryEn,
    problem: record.problem,
    problemEn: record.problemEn,
    solution: record.solution,
    solutionEn: record.solutionEn,
    results: record.results,
    resultsEn: record.resultsEn,
    figures: parseFigures(record.figures),
    decision: decisionName(record.decision),
    year: yearOf(record.call.closesAt, record.call.timeZone),
    publishedAt: isoOf(record.publishedAt),
    industry: record.industry,
    scenario: record.scenario,
    organisations: [lead, ...coSubmitters].filter((entry) => entry.name),
    call: { slug: record.call.slug, title: record.call.title, titleEn: record.call.titleEn },
  };
}

/** A public case, or null when there is none (never published, unpublished, no consent, not selected). */
export async function getPublicCase(id: string): Promise<PublicCase | null> {
  if (!publicCaseId.get(await rawSql(), { id })) return null;
  const [record] = await loadCases([id]);
  return record ? publicCaseOf(record) : null;
}

const decisionOrder: Record<CaseDecisionName, number> = { typical: 0, excellent: 1 };

/** A published call's booklet (案例集): its public cases, typical cases first, then by industry and title. */
export async function caseBooklet(callSlug: string) {
  const db = await prisma();
  const call = await db.caseCall.findFirst({
    where: { slug: callSlug, publishedAt: { not: null } },
    select: { id: true, slug: true, title: true, titleEn: true, description: true, descriptionEn: true, closesAt: true, timeZone: true },
  });
  if (!call) return null;
  const ids = publicCaseIdsOfCall.all(await rawSql(), { callId: call.id }).map((row) => row.id);
  const records = await loadCases(ids);
  const industryPosition = new Map((await listTaxonomy()).industries.map((term) => [term.code, term.position]));
  const cases = records
    .map(publicCaseOf)
    .sort(
      (a, b) =>
        decisionOrder[a.decision] - decisionOrder[b.decision] ||
        (industryPosition.get(a.industry?.code ?? "") ?? 99) - (industryPosition.get(b.industry?.code ?? "") ?? 99) ||
        a.title.localeCompare(b.title, "zh-CN"),
    );
  return { call: { ...call, year: yearOf(call.closesAt, call.timeZone), closesAt: call.closesAt.toISOString() }, cases };
}

/** How many public cases a call has (its page links to the booklet once there is one). */
export async function publicCaseCount(callId: string): Promise<number> {
  return publicCaseIdsOfCall.all(await rawSql(), { callId }).length;
}

export type CallPhase = "upcoming" | "open" | "closed";

/** Published calls, the open ones first, then by closing time (latest first), with their dates and phase. */
export async function listPublicCalls(now = new Date()) {
  const calls = await (
    await prisma()
  ).caseCall.findMany({
    where: { publishedAt: { not: null } },
    orderBy: { closesAt: "desc" },
    select: { slug: true, title: true, titleEn: true, description: true, descriptionEn: true, timeZone: true, opensAt: true, closesAt: true },
  });
  const phaseOf = (call: { opensAt: Date; closesAt: Date }): CallPhase => (now < call.opensAt ? "upcoming" : now < call.closesAt ? "open" : "closed");
  const rank: Record<CallPhase, number> = { open: 0, upcoming: 1, closed: 2 };
  return calls.map((call) => ({ ...call, opensAt: call.opensAt.toISOString(), closesAt: call.closesAt.toISOString(), phase: phaseOf(call) })).sort((a, b) => rank[a.phase] - rank[b.phase]);
}

// ───────────────────────────── Publication (organizers) ─────────────────────────────

/** The search text of a case from its public fields in both languages, its organisations and its labels. */
function searchTextOf(record: CaseRecord): string {
  const published = publicCaseOf(record);
  return caseSearchText([
    record.title,
    record.titleEn,
    record.summary,
    record.summaryEn,
    record.problem,
    record.problemEn,
    record.solution,
    record.solutionEn,
    record.results,
    record.resultsEn,
    ...published.figures.flatMap((figure) => [figure.label, figure.labelEn, figure.value]),
    record.firm?.name,
    record.firm?.nameEn,
    record.organizationName,
    record.organizationNameEn,
    ...record.coSubmitters.flatMap((co) => [co.name, co.nameEn, co.firm?.name, co.firm?.nameEn]),
    record.industry?.name,
    record.industry?.nameEn,
    record.scenario?.name,
    record.scenario?.nameEn,
  ]);
}

/**
 * Recomputes the search text of a published case; call it whenever a published case, its organisations or
 * their names change (publishing computes it too). Cases that are not published keep theirs empty.
 */
export async function refreshCaseSearchText(submissionId: string): Promise<void> {
  const [record] = await loadCases([submissionId]);
  if (!record?.publishedAt) return;
  await (await prisma()).caseSubmission.update({ where: { id: submissionId }, data: { searchText: searchTextOf(record) } });
}

/** Recomputes every published case's search text (after a taxonomy label or a firm name changed). */
export async function refreshPublishedSearchTexts(): Promise<void> {
  const ids = (await (await prisma()).caseSubmission.findMany({ where: { publishedAt: { not: null } }, select: { id: true } })).map((row) => row.id);
  for (const id of ids) await refreshCaseSearchText(id);
}

async function caseOfCall(callId: string, submissionId: string) {
  const [record] = await loadCases([submissionId]);
  if (!record || record.callId !== callId) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return record;
}

/** Publishes a selected case whose submitter consented; refuses anything else, with the reason. */
export async function publishCase({ callId, submissionId, actorUserId, now = new Date() }: { callId: string; submissionId: string; actorUserId: string; now?: Date }) {
  const record = await caseOfCall(callId, submissionId);
  if (record.status !== "SUBMITTED" || (record.decision !== "TYPICAL" && record.decision !== "EXCELLENT")) {
    throw new DomainError("conflict", "case_not_selected", "caseLibrary.error.notSelected");
  }
  if (!record.publicationConsent) throw new DomainError("conflict", "no_publication_consent", "caseLibrary.error.noConsent");
  if (record.publishedAt) return;
  const publishedAt = now;
  await (await prisma()).caseSubmission.update({ where: { id: submissionId }, data: { publishedAt, searchText: searchTextOf({ ...record, publishedAt }) } });
  await audit({ action: "case.published", actorUserId, targetType: "CaseSubmission", targetId: submissionId, details: { callId, title: record.title } });
}

export async function unpublishCase({ callId, submissionId, actorUserId }: { callId: string; submissionId: string; actorUserId: string }) {
  const record = await caseOfCall(callId, submissionId);
  if (!record.publishedAt) return;
  await (await prisma()).caseSubmission.update({ where: { id: submissionId }, data: { publishedAt: null, searchText: "" } });
  await audit({ action: "case.unpublished", actorUserId, targetType: "CaseSubmission", targetId: submissionId, details: { callId, title: record.title } });
}

/** The organizer's library page of a call: its selected cases, with consent and publication. */
export async function callLibrary(callId: string) {
  const db = await prisma();
  const call = await db.caseCall.findUnique({ where: { id: callId }, select: { id: true, slug: true, title: true, titleEn: true, publishedAt: true } });
  if (!call) throw new DomainError("not_found", "not_found", "error.notFound.body");
  const selected = await db.caseSubmission.findMany({
    where: { callId, status: "SUBMITTED", decision: { in: ["TYPICAL", "EXCELLENT"] } },
    orderBy: [{ decision: "asc" }, { title: "asc" }],
    include: caseInclude,
  });
  return {
    call,
    cases: selected.map((record) => ({
      id: record.id,
      title: record.title,
      titleEn: record.titleEn,
      decision: decisionName(record.decision),
      consent: record.publicationConsent,
      publishedAt: record.publishedAt?.toISOString() ?? null,
      organisations: publicCaseOf(record).organisations,
      industry: record.industry,
      scenario: record.scenario,
    })),
  };
}
