/**
 * Who reviews which case of a call (issue 17 §3). Pure: the caller loads the submitted cases with every firm
 * behind them (the lead firm and each co-submitting member firm), the call's reviewers with the firms they may
 * never score (their own and those they declared), and the assignments that exist already.
 *
 * The conflict-of-interest rule is never broken: a reviewer is never given a case one of whose firms is in
 * their conflicts. A case that runs out of eligible reviewers is reported as under-assigned, never filled.
 */
export type AssignableCase = { id: string; firmIds: readonly string[] };
export type AssignableReviewer = { id: string; conflictFirmIds: readonly string[] };
export type Assignment = { caseId: string; reviewerId: string };
export type UnderAssigned = { caseId: string; assigned: number; missing: number };

export function isConflicted(reviewer: AssignableReviewer, kase: AssignableCase): boolean {
  return kase.firmIds.some((firmId) => reviewer.conflictFirmIds.includes(firmId));
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds assignments until each case has `perCase` reviewers: each free place goes to the eligible reviewer
 * with the fewest assignments so far (ties by id, so the plan is the same for the same input). Cases with the
 * fewest eligible reviewers are served first, so the scarce reviewers are not used up by cases anyone could
 * take. Without conflicts the loads end at most one apart.
 */
export function planAssignments({
  cases,
  reviewers,
  existing,
  perCase,
}: {
  cases: readonly AssignableCase[];
  reviewers: readonly AssignableReviewer[];
  existing: readonly Assignment[];
  perCase: number;
}): { added: Assignment[]; underAssigned: UnderAssigned[] } {
  const load = new Map(reviewers.map((reviewer) => [reviewer.id, 0]));
  const reviewersOf = new Map(cases.map((kase) => [kase.id, new Set<string>()]));
  for (const { caseId, reviewerId } of existing) {
    reviewersOf.get(caseId)?.add(reviewerId);
    if (load.has(reviewerId)) load.set(reviewerId, load.get(reviewerId)! + 1);
  }
  const eligibleFor = (kase: AssignableCase) => reviewers.filter((reviewer) => !isConflicted(reviewer, kase));
  const order = [...cases].sort((a, b) => eligibleFor(a).length - eligibleFor(b).length || byId(a.id, b.id));
  const added: Assignment[] = [];
  const underAssigned: UnderAssigned[] = [];
  for (const kase of order) {
    const taken = reviewersOf.get(kase.id)!;
    const candidates = eligibleFor(kase)
      .filter((reviewer) => !taken.has(reviewer.id))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || byId(a.id, b.id));
    const wanted = Math.max(0, perCase - taken.size);
    for (const reviewer of candidates.slice(0, wanted)) {
      taken.add(reviewer.id);
      load.set(reviewer.id, load.get(reviewer.id)! + 1);
      added.push({ caseId: kase.id, reviewerId: reviewer.id });
    }
    if (taken.size < perCase) underAssigned.push({ caseId: kase.id, assigned: taken.size, missing: perCase - taken.size });
  }
  return { added, underAssigned: underAssigned.sort((a, b) => byId(a.caseId, b.caseId)) };
}
