import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isConflicted, planAssignments, type AssignableCase, type AssignableReviewer, type Assignment } from "~/models/case-assignment";

const firmIds = ["f0", "f1", "f2", "f3", "f4", "f5"];
const firm = fc.constantFrom(...firmIds);

// A call: cases each with a lead firm and up to two co-submitting firms, reviewers each with up to three
// conflicting firms (own or declared), a few assignments made by hand before, and N per case.
const call = fc
  .record({
    caseFirms: fc.array(fc.uniqueArray(firm, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 14 }),
    reviewerConflicts: fc.array(fc.uniqueArray(firm, { maxLength: 3 }), { minLength: 0, maxLength: 8 }),
    perCase: fc.integer({ min: 1, max: 4 }),
    handPicked: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  })
  .map(({ caseFirms, reviewerConflicts, perCase, handPicked }) => {
    const cases: AssignableCase[] = caseFirms.map((firms, index) => ({ id: `c${String(index).padStart(2, "0")}`, firmIds: firms }));
    const reviewers: AssignableReviewer[] = reviewerConflicts.map((conflicts, index) => ({ id: `r${index}`, conflictFirmIds: conflicts }));
    const existing = new Map<string, Assignment>();
    if (cases.length > 0 && reviewers.length > 0) {
      for (const [c, r] of handPicked) {
        const kase = cases[c % cases.length]!;
        const reviewer = reviewers[r % reviewers.length]!;
        // Hand assignment refuses conflicted pairs too, so what exists is conflict-free.
        if (!isConflicted(reviewer, kase)) existing.set(`${kase.id}/${reviewer.id}`, { caseId: kase.id, reviewerId: reviewer.id });
      }
    }
    return { cases, reviewers, existing: [...existing.values()], perCase };
  });

function reviewersPerCase(pairs: Assignment[]) {
  const count = new Map<string, number>();
  for (const { caseId } of pairs) count.set(caseId, (count.get(caseId) ?? 0) + 1);
  return count;
}

describe("automatic assignment of reviewers to cases", () => {
  it("never pairs a reviewer with a case of a firm they are in conflict with", () => {
    fc.assert(
      fc.property(call, ({ cases, reviewers, existing, perCase }) => {
        const { added } = planAssignments({ cases, reviewers, existing, perCase });
        for (const { caseId, reviewerId } of added) {
          const kase = cases.find((candidate) => candidate.id === caseId)!;
          const reviewer = reviewers.find((candidate) => candidate.id === reviewerId)!;
          expect(kase.firmIds.some((firmId) => reviewer.conflictFirmIds.includes(firmId))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never gives a case more than N reviewers nor the same reviewer twice, and reports every case left short", () => {
    fc.assert(
      fc.property(call, ({ cases, reviewers, existing, perCase }) => {
        const { added, underAssigned } = planAssignments({ cases, reviewers, existing, perCase });
        const all = [...existing, ...added];
        expect(new Set(all.map((pair) => `${pair.caseId}/${pair.reviewerId}`)).size).toBe(all.length);
        const counts = reviewersPerCase(all);
        for (const kase of cases) {
          const count = counts.get(kase.id) ?? 0;
          expect(count).toBeLessThanOrEqual(Math.max(perCase, reviewersPerCase(existing).get(kase.id) ?? 0));
          const eligible = reviewers.filter((reviewer) => !isConflicted(reviewer, kase)).length;
          // Short only when every eligible reviewer already has the case: nothing is forced, nothing is left out.
          const short = underAssigned.find((entry) => entry.caseId === kase.id);
          if (count < perCase) {
            expect(short).toEqual({ caseId: kase.id, assigned: count, missing: perCase - count });
            expect(count).toBe(eligible);
          } else expect(short).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });

  it("spreads the load at most one apart when eligibility allows (no conflicts, none assigned before)", () => {
    const free = fc.record({ cases: fc.integer({ min: 0, max: 30 }), reviewers: fc.integer({ min: 1, max: 9 }), perCase: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(free, ({ cases: caseCount, reviewers: reviewerCount, perCase }) => {
        const cases = Array.from({ length: caseCount }, (_, index) => ({ id: `c${index}`, firmIds: ["f0"] }));
        const reviewers = Array.from({ length: reviewerCount }, (_, index) => ({ id: `r${index}`, conflictFirmIds: ["f9"] }));
        const { added } = planAssignments({ cases, reviewers, existing: [], perCase });
        const loads = reviewers.map((reviewer) => added.filter((pair) => pair.reviewerId === reviewer.id).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(added.length).toBe(caseCount * Math.min(perCase, reviewerCount));
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and fills the scarce cases first", () => {
    const cases = [
      { id: "a", firmIds: ["x"] },
      { id: "b", firmIds: ["y"] },
    ];
    // Only r1 may take case b (r0 is of firm y); case a could take either.
    const reviewers = [
      { id: "r0", conflictFirmIds: ["y"] },
      { id: "r1", conflictFirmIds: [] },
    ];
    const plan = planAssignments({ cases, reviewers, existing: [], perCase: 1 });
    expect(plan).toEqual({
      added: [
        { caseId: "b", reviewerId: "r1" },
        { caseId: "a", reviewerId: "r0" },
      ],
      underAssigned: [],
    });
    expect(planAssignments({ cases, reviewers, existing: [], perCase: 1 })).toEqual(plan);
    expect(planAssignments({ cases, reviewers, existing: [], perCase: 2 }).underAssigned).toEqual([{ caseId: "b", assigned: 1, missing: 1 }]);
  });

  it("counts a co-submitting firm as much as the lead firm", () => {
    expect(isConflicted({ id: "r", conflictFirmIds: ["co"] }, { id: "c", firmIds: ["lead", "co"] })).toBe(true);
    expect(isConflicted({ id: "r", conflictFirmIds: ["other"] }, { id: "c", firmIds: ["lead", "co"] })).toBe(false);
  });
});
