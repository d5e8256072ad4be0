import { sql, type ExpressionBuilder } from "kysely";
import type { DB } from "../../generated/kysely/database";
import { compiled, kysely, prepare } from "./query.server";

/**
 * What the public may read of the case library: published cases that were selected and whose submitter
 * consented, of a published call. Every public query goes through `publicCase`, so a case that lost its
 * decision or consent disappears even while its `publishedAt` is still set.
 */
function publicCase(eb: ExpressionBuilder<DB, "CaseSubmission" | "CaseCall">) {
  return eb.and([
    eb("CaseSubmission.publishedAt", "is not", null),
    eb("CaseSubmission.publicationConsent", "=", 1),
    eb("CaseSubmission.status", "=", "SUBMITTED"),
    eb("CaseSubmission.decision", "in", ["TYPICAL", "EXCELLENT"]),
    eb("CaseCall.publishedAt", "is not", null),
  ]);
}

/** `callIds`: only cases of these calls (the year filter, worked out in each call's own zone); null for any call. */
export type CaseQuery = { terms: string[]; industry: string; scenario: string; firm: string; call: string; callIds: string[] | null; limit: number; offset: number };

function filteredCases(query: Omit<CaseQuery, "limit" | "offset">) {
  let select = kysely
    .selectFrom("CaseSubmission")
    .innerJoin("CaseCall", "CaseCall.id", "CaseSubmission.callId")
    .leftJoin("Industry", "Industry.id", "CaseSubmission.industryId")
    .leftJoin("Scenario", "Scenario.id", "CaseSubmission.scenarioId")
    .leftJoin("Firm", "Firm.id", "CaseSubmission.firmId")
    .where(publicCase);
  // instr() compares plain substrings: no LIKE wildcards to escape, and "风控" is found inside "智能风控".
  for (const term of query.terms) select = select.where(sql<number>`instr(${sql.ref("CaseSubmission.searchText")}, ${term})`, ">", 0);
  if (query.industry) select = select.where("Industry.code", "=", query.industry);
  if (query.scenario) select = select.where("Scenario.code", "=", query.scenario);
  if (query.call) select = select.where("CaseCall.slug", "=", query.call);
  if (query.callIds) select = select.where("CaseCall.id", "in", query.callIds.length ? query.callIds : [""]);
  if (query.firm) {
    const firmId = query.firm;
    select = select.where((eb) =>
      eb.or([
        eb("CaseSubmission.firmId", "=", firmId),
        eb.exists(eb.selectFrom("CaseCoSubmitter").select("CaseCoSubmitter.id").whereRef("CaseCoSubmitter.submissionId", "=", "CaseSubmission.id").where("CaseCoSubmitter.firmId", "=", firmId)),
      ]),
    );
  }
  return select;
}

const listedColumns = [
  "CaseSubmission.id",
  "CaseSubmission.title",
  "CaseSubmission.titleEn",
  "CaseSubmission.summary",
  "CaseSubmission.summaryEn",
  "CaseSubmission.decision",
  "CaseSubmission.publishedAt",
  "CaseSubmission.firmId",
  "CaseSubmission.organizationName",
  "CaseSubmission.organizationNameEn",
  "Firm.name as firmName",
  "Firm.nameEn as firmNameEn",
  "Firm.status as firmStatus",
  "CaseCall.slug as callSlug",
  "CaseCall.title as callTitle",
  "CaseCall.titleEn as callTitleEn",
  "CaseCall.closesAt as callClosesAt",
  "CaseCall.timeZone as callTimeZone",
  "Industry.code as industryCode",
  "Industry.name as industryName",
  "Industry.nameEn as industryNameEn",
  "Scenario.code as scenarioCode",
  "Scenario.name as scenarioName",
  "Scenario.nameEn as scenarioNameEn",
] as const;

/**
 * One page of public cases. With search terms, a case whose text matches the first term earlier ranks first
 * (the search text starts with the titles, then the summaries, …); otherwise, and on ties, the newest first.
 */
export function casePage(query: CaseQuery) {
  const base = filteredCases(query);
  const first = query.terms[0];
  let ordered = base.select([...listedColumns]);
  if (first) ordered = ordered.orderBy(sql`instr(${sql.ref("CaseSubmission.searchText")}, ${first})`);
  const rows = compiled(ordered.orderBy("CaseSubmission.publishedAt", "desc").orderBy("CaseSubmission.id").limit(query.limit).offset(query.offset));
  const total = compiled(base.select((eb) => eb.fn.countAll<number>().as("total")));
  return { rows, total };
}

export type ListedCaseRow = ReturnType<ReturnType<typeof casePage>["rows"]["all"]>[number];

/** The co-submitting organisations of some cases, in their order. */
export function coSubmittersOf(submissionIds: string[]) {
  return compiled(
    kysely
      .selectFrom("CaseCoSubmitter")
      .leftJoin("Firm", "Firm.id", "CaseCoSubmitter.firmId")
      .select([
        "CaseCoSubmitter.submissionId",
        "CaseCoSubmitter.firmId",
        "CaseCoSubmitter.name",
        "CaseCoSubmitter.nameEn",
        "Firm.name as firmName",
        "Firm.nameEn as firmNameEn",
        "Firm.status as firmStatus",
      ])
      .where("CaseCoSubmitter.submissionId", "in", submissionIds.length ? submissionIds : [""])
      .orderBy("CaseCoSubmitter.submissionId")
      .orderBy("CaseCoSubmitter.position"),
  );
}

/** Each public case's cell of the panorama and the organisations behind it (lead and co-submitters). */
export const panoramaCaseRows = prepare(() =>
  kysely
    .selectFrom("CaseSubmission")
    .innerJoin("CaseCall", "CaseCall.id", "CaseSubmission.callId")
    .leftJoin("CaseCoSubmitter", "CaseCoSubmitter.submissionId", "CaseSubmission.id")
    .select([
      "CaseSubmission.id",
      "CaseSubmission.industryId",
      "CaseSubmission.scenarioId",
      "CaseSubmission.firmId",
      "CaseSubmission.organizationName",
      "CaseCoSubmitter.firmId as coFirmId",
      "CaseCoSubmitter.name as coName",
    ])
    .where(publicCase)
    .where("CaseSubmission.industryId", "is not", null)
    .where("CaseSubmission.scenarioId", "is not", null),
);

/** Approved, published offers of the scenario board: service providers of their cell. */
export const panoramaOfferRows = prepare(() =>
  kysely
    .selectFrom("BoardPost")
    .select(["BoardPost.industryId", "BoardPost.scenarioId", "BoardPost.firmId", "BoardPost.organizationName"])
    .where("BoardPost.side", "=", "OFFER")
    .where("BoardPost.status", "=", "APPROVED")
    .where("BoardPost.industryId", "is not", null)
    .where("BoardPost.scenarioId", "is not", null),
);

/** The values the library's filters offer: firms, years and calls that have a public case. */
export const facetRows = prepare(() =>
  kysely
    .selectFrom("CaseSubmission")
    .innerJoin("CaseCall", "CaseCall.id", "CaseSubmission.callId")
    .leftJoin("CaseCoSubmitter", "CaseCoSubmitter.submissionId", "CaseSubmission.id")
    .select([
      "CaseSubmission.firmId",
      "CaseCoSubmitter.firmId as coFirmId",
      "CaseCall.slug as callSlug",
      "CaseCall.title as callTitle",
      "CaseCall.titleEn as callTitleEn",
      "CaseCall.closesAt as callClosesAt",
      "CaseCall.timeZone as callTimeZone",
    ])
    .where(publicCase),
);

/** When each published call closed, and in which zone: a case's year is its call's closing year there. */
export const publishedCallCloses = prepare(() => kysely.selectFrom("CaseCall").select(["CaseCall.id", "CaseCall.closesAt", "CaseCall.timeZone"]).where("CaseCall.publishedAt", "is not", null));

/** Whether one case is public (the case page and the API answer 404 otherwise). */
export const publicCaseId = prepare((args: { id: string }) =>
  kysely.selectFrom("CaseSubmission").innerJoin("CaseCall", "CaseCall.id", "CaseSubmission.callId").select("CaseSubmission.id").where("CaseSubmission.id", "=", args.id).where(publicCase),
);

/** The public cases of one call, for its booklet. */
export const publicCaseIdsOfCall = prepare((args: { callId: string }) =>
  kysely.selectFrom("CaseSubmission").innerJoin("CaseCall", "CaseCall.id", "CaseSubmission.callId").select("CaseSubmission.id").where("CaseSubmission.callId", "=", args.callId).where(publicCase),
);
