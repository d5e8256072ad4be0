/**
 * The aggregate of a call's review (issue 17 §3). Pure. A case's score is the mean over its reviewers of each
 * reviewer's weighted mean of the criteria they scored. The normalised figure first standardises every score
 * by its reviewer's own mean and standard deviation over the whole call (z = (score − mean) / sd), which
 * cancels harsh and lenient reviewers; a reviewer whose scores are all equal (sd 0) says nothing about how
 * the cases compare, so their z-scores are 0.
 */
export type Criterion = { id: string; weight: number };
export type Score = { caseId: string; reviewerId: string; criterionId: string; score: number };
export type CaseAggregate = { caseId: string; reviewers: number; mean: number | null; normalised: number | null };
export type RankedCase = CaseAggregate & { rank: number | null };

/** Weighted mean of one reviewer's scores on one case; the weights of criteria left unscored do not count. */
export function weightedMean(scores: readonly { criterionId: string; score: number }[], criteria: readonly Criterion[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { criterionId, score } of scores) {
    const weight = criteria.find((criterion) => criterion.id === criterionId)?.weight ?? 0;
    sum += weight * score;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** Each reviewer's mean and population standard deviation over all their scores. */
export function reviewerStatistics(scores: readonly Score[]): Map<string, { mean: number; sd: number }> {
  const byReviewer = new Map<string, number[]>();
  for (const { reviewerId, score } of scores) byReviewer.set(reviewerId, [...(byReviewer.get(reviewerId) ?? []), score]);
  const statistics = new Map<string, { mean: number; sd: number }>();
  for (const [reviewerId, values] of byReviewer) {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    statistics.set(reviewerId, { mean, sd: Math.sqrt(variance) });
  }
  return statistics;
}

export function zScore(score: number, statistics: { mean: number; sd: number }): number {
  return statistics.sd === 0 ? 0 : (score - statistics.mean) / statistics.sd;
}

function meanOf(values: number[]): number | null {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

function caseFigure(caseScores: readonly Score[], criteria: readonly Criterion[], value: (score: Score) => number): number | null {
  const byReviewer = new Map<string, { criterionId: string; score: number }[]>();
  for (const score of caseScores) byReviewer.set(score.reviewerId, [...(byReviewer.get(score.reviewerId) ?? []), { criterionId: score.criterionId, score: value(score) }]);
  return meanOf([...byReviewer.values()].flatMap((scores) => weightedMean(scores, criteria) ?? []));
}

/** The weighted mean and the normalised figure of every case (null for a case nobody scored yet). */
export function aggregateCases(caseIds: readonly string[], criteria: readonly Criterion[], scores: readonly Score[]): CaseAggregate[] {
  const statistics = reviewerStatistics(scores);
  return caseIds.map((caseId) => {
    const caseScores = scores.filter((score) => score.caseId === caseId);
    return {
      caseId,
      reviewers: new Set(caseScores.map((score) => score.reviewerId)).size,
      mean: caseFigure(caseScores, criteria, (score) => score.score),
      normalised: caseFigure(caseScores, criteria, (score) => zScore(score.score, statistics.get(score.reviewerId)!)),
    };
  });
}

/**
 * Best first by the chosen figure (then the other figure, then id); equal figures share a rank (1, 1, 3);
 * unscored cases come last without a rank.
 */
export function rankCases(aggregates: readonly CaseAggregate[], by: "mean" | "normalised"): RankedCase[] {
  const other = by === "mean" ? "normalised" : "mean";
  const scored = aggregates.filter((aggregate) => aggregate[by] !== null);
  const unscored = aggregates.filter((aggregate) => aggregate[by] === null);
  const sorted = [...scored].sort((a, b) => b[by]! - a[by]! || (b[other] ?? 0) - (a[other] ?? 0) || (a.caseId < b.caseId ? -1 : 1));
  const ranked = sorted.map((aggregate, index) => ({ ...aggregate, rank: index + 1 }));
  for (let index = 1; index < ranked.length; index++) {
    if (Math.abs(ranked[index]![by]! - ranked[index - 1]![by]!) < 1e-9) ranked[index]!.rank = ranked[index - 1]!.rank;
  }
  return [...ranked, ...unscored.map((aggregate) => ({ ...aggregate, rank: null }))];
}
