import type { SubmissionResult } from "@conform-to/react";

/**
 * What an action of a page with several forms answers: on success the form's `intent` and a notice, on a
 * refusal the submission's result (whose submitted values carry the `intent`).
 */
export type IntentAnswer = { intent?: string; notice?: string; result?: SubmissionResult<string[]> | null } | undefined;

/** The action's answer if it answers the form with this intent, so no form shows another form's errors. */
export function answerFor(actionData: unknown, intent: string): IntentAnswer {
  const answer = actionData as IntentAnswer;
  const answered = answer?.intent ?? answer?.result?.initialValue?.intent;
  return answered === intent ? answer : undefined;
}
