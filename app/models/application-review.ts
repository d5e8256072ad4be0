import type { ApplicationStatus } from "~/generated/prisma/client";
import { applicationStatuses } from "~/schemas/application";

/**
 * The review of an application to join the programme (issue 6) as one table: each step, who takes it,
 * the statuses it may start from and the status it leads to. Reviewers move applications through the back
 * office; the applicant's only move is the amend link, which sends a NEEDS_MORE_INFO application back to the
 * queue. APPROVED and REJECTED are final: no step leaves them.
 */
export type ReviewActor = "reviewer" | "applicant";

type Transition = { by: ReviewActor; from: readonly ApplicationStatus[]; to: ApplicationStatus };

export const reviewSteps = {
  startReview: { by: "reviewer", from: ["SUBMITTED", "NEEDS_MORE_INFO"], to: "UNDER_REVIEW" },
  requestInfo: { by: "reviewer", from: ["SUBMITTED", "UNDER_REVIEW"], to: "NEEDS_MORE_INFO" },
  approve: { by: "reviewer", from: ["UNDER_REVIEW"], to: "APPROVED" },
  reject: { by: "reviewer", from: ["SUBMITTED", "UNDER_REVIEW", "NEEDS_MORE_INFO"], to: "REJECTED" },
  amend: { by: "applicant", from: ["NEEDS_MORE_INFO"], to: "SUBMITTED" },
} as const satisfies Record<string, Transition>;

export type ReviewStep = keyof typeof reviewSteps;

const steps = Object.entries(reviewSteps) as [ReviewStep, Transition][];

/** The step that moves an application from `from` to `to` when `by` asks, or null when no rule allows it. */
export function reviewStep(from: ApplicationStatus, to: ApplicationStatus, by: ReviewActor = "reviewer"): ReviewStep | null {
  return steps.find(([, rule]) => rule.by === by && rule.to === to && rule.from.includes(from))?.[0] ?? null;
}

/** The statuses a reviewer may move an application in `from` to (the review page's choices). */
export function reviewTargets(from: ApplicationStatus): ApplicationStatus[] {
  return steps.filter(([, rule]) => rule.by === "reviewer" && rule.from.includes(from)).map(([, rule]) => rule.to);
}

/** Each status's reviewer targets, in the table's order (the order of the review page's buttons). */
export const reviewTransitions = Object.fromEntries(applicationStatuses.map((status) => [status, reviewTargets(status)])) as Record<ApplicationStatus, ApplicationStatus[]>;

/** Open: some step still leaves this status, so the application awaits a decision. */
export const openApplicationStatuses: readonly ApplicationStatus[] = [...new Set(steps.flatMap(([, rule]) => rule.from))];
