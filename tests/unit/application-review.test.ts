import { describe, expect, it } from "vitest";
import { openApplicationStatuses, reviewStep, reviewTargets, reviewTransitions } from "~/models/application-review";

const statuses = ["SUBMITTED", "UNDER_REVIEW", "NEEDS_MORE_INFO", "APPROVED", "REJECTED"] as const;

// Every move the review allows, spelled out: any other (from, to, by) must be refused.
const allowed = [
  ["SUBMITTED", "UNDER_REVIEW", "reviewer", "startReview"],
  ["NEEDS_MORE_INFO", "UNDER_REVIEW", "reviewer", "startReview"],
  ["SUBMITTED", "NEEDS_MORE_INFO", "reviewer", "requestInfo"],
  ["UNDER_REVIEW", "NEEDS_MORE_INFO", "reviewer", "requestInfo"],
  ["UNDER_REVIEW", "APPROVED", "reviewer", "approve"],
  ["SUBMITTED", "REJECTED", "reviewer", "reject"],
  ["UNDER_REVIEW", "REJECTED", "reviewer", "reject"],
  ["NEEDS_MORE_INFO", "REJECTED", "reviewer", "reject"],
  ["NEEDS_MORE_INFO", "SUBMITTED", "applicant", "amend"],
] as const;

describe("application review transitions", () => {
  it("allows exactly the listed moves, each by its step, and refuses every other", () => {
    for (const by of ["reviewer", "applicant"] as const) {
      for (const from of statuses) {
        for (const to of statuses) {
          const rule = allowed.find((row) => row[0] === from && row[1] === to && row[2] === by);
          expect(reviewStep(from, to, by), `${by}: ${from} → ${to}`).toBe(rule ? rule[3] : null);
        }
      }
    }
  });

  it("approves only after a review started, and never skips the review from SUBMITTED", () => {
    expect(reviewStep("SUBMITTED", "APPROVED")).toBeNull();
    expect(reviewStep("NEEDS_MORE_INFO", "APPROVED")).toBeNull();
    expect(reviewStep("UNDER_REVIEW", "APPROVED")).toBe("approve");
  });

  it("leaves decided applications alone, whoever asks", () => {
    for (const from of ["APPROVED", "REJECTED"] as const) {
      expect(reviewTargets(from)).toEqual([]);
      for (const to of statuses) expect(reviewStep(from, to, "applicant")).toBeNull();
    }
  });

  it("gives reviewers no way back to SUBMITTED: only the applicant's amend link sends an application back", () => {
    for (const from of statuses) expect(reviewStep(from, "SUBMITTED", "reviewer")).toBeNull();
  });

  it("offers a reviewer the targets of the table in its order, and counts undecided applications as open", () => {
    expect(reviewTransitions).toEqual({
      SUBMITTED: ["UNDER_REVIEW", "NEEDS_MORE_INFO", "REJECTED"],
      UNDER_REVIEW: ["NEEDS_MORE_INFO", "APPROVED", "REJECTED"],
      NEEDS_MORE_INFO: ["UNDER_REVIEW", "REJECTED"],
      APPROVED: [],
      REJECTED: [],
    });
    expect([...openApplicationStatuses].sort()).toEqual(["NEEDS_MORE_INFO", "SUBMITTED", "UNDER_REVIEW"]);
  });
});
