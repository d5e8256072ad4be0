import { describe, expect, it } from "vitest";
import { aggregateCases, rankCases, reviewerStatistics, weightedMean, zScore, type Score } from "~/models/case-scores";

const criteria = [
  { id: "innovation", weight: 2 },
  { id: "impact", weight: 1 },
];

const score = (caseId: string, reviewerId: string, criterionId: string, value: number): Score => ({ caseId, reviewerId, criterionId, score: value });

describe("the weighted mean of a review", () => {
  it("weighs each criterion", () => {
    // (2·5 + 1·2) / 3 = 4
    expect(
      weightedMean(
        [
          { criterionId: "innovation", score: 5 },
          { criterionId: "impact", score: 2 },
        ],
        criteria,
      ),
    ).toBe(4);
  });

  it("leaves out the weight of a criterion not scored, and is null with nothing scored", () => {
    expect(weightedMean([{ criterionId: "impact", score: 3 }], criteria)).toBe(3);
    expect(weightedMean([], criteria)).toBeNull();
  });
});

describe("per-reviewer normalisation", () => {
  it("standardises by the reviewer's own mean and population standard deviation", () => {
    // Scores 1, 3, 5: mean 3, sd √(8/3) ≈ 1.63299.
    const stats = reviewerStatistics([score("a", "r", "impact", 1), score("b", "r", "impact", 3), score("c", "r", "impact", 5)]).get("r")!;
    expect(stats.mean).toBe(3);
    expect(stats.sd).toBeCloseTo(Math.sqrt(8 / 3), 10);
    expect(zScore(5, stats)).toBeCloseTo(1.224745, 5);
    expect(zScore(3, stats)).toBe(0);
  });

  it("gives a reviewer whose scores are all equal (sd 0) z-scores of 0, never NaN", () => {
    const stats = reviewerStatistics([score("a", "flat", "impact", 4), score("b", "flat", "impact", 4)]).get("flat")!;
    expect(stats).toEqual({ mean: 4, sd: 0 });
    expect(zScore(4, stats)).toBe(0);
  });

  it("cancels a harsh and a lenient reviewer: both figures shown, the ranking by each", () => {
    // Harsh H scores case a 2, case b 1; lenient L scores a 4, b 5 (one criterion, weight 1).
    const one = [{ id: "impact", weight: 1 }];
    const scores = [score("a", "H", "impact", 2), score("b", "H", "impact", 1), score("a", "L", "impact", 4), score("b", "L", "impact", 5), score("c", "L", "impact", 3)];
    const aggregates = aggregateCases(["a", "b", "c", "d"], one, scores);
    // Means: a (2+4)/2 = 3, b (1+5)/2 = 3, c 3.
    expect(aggregates.map((aggregate) => aggregate.mean)).toEqual([3, 3, 3, null]);
    // H: mean 1.5, sd 0.5 → a +1, b −1. L: 4, 5, 3 → mean 4, sd √(2/3) → a 0, b 1.224745, c −1.224745.
    const [a, b, c, d] = aggregates;
    expect(a!.normalised).toBeCloseTo(0.5, 6);
    expect(b!.normalised).toBeCloseTo((-1 + Math.sqrt(3 / 2)) / 2, 6);
    expect(c!.normalised).toBeCloseTo(-Math.sqrt(3 / 2), 6);
    expect(d).toEqual({ caseId: "d", reviewers: 0, mean: null, normalised: null });
    expect(rankCases(aggregates, "normalised").map((row) => [row.caseId, row.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", null],
    ]);
    // By the plain mean all three tie: one shared rank, the normalised figure orders them.
    expect(rankCases(aggregates, "mean").map((row) => [row.caseId, row.rank])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 1],
      ["d", null],
    ]);
  });

  it("averages reviewers after weighing each one's criteria", () => {
    const scores = [score("a", "r1", "innovation", 5), score("a", "r1", "impact", 2), score("a", "r2", "innovation", 3), score("a", "r2", "impact", 3)];
    // r1: 4, r2: 3 → 3.5
    expect(aggregateCases(["a"], criteria, scores)[0]).toMatchObject({ reviewers: 2, mean: 3.5 });
  });
});
