import type { SubmissionResult } from "@conform-to/react";
import { createContext, useContext } from "react";

/**
 * The matchmaking page has many small forms (one request form per participant, one follow-up per meeting);
 * the action's answer names the form it belongs to, so only that form shows it.
 */
export type ActionAnswer = { result: SubmissionResult<string[]>; key: string; ok: boolean; notice: string };

/** "profile", "request:<participant>", "followup:<meeting>", or the intent of a one-button form. */
export function formKeyOf(values: Record<string, unknown>): string {
  const intent = String(values.intent ?? "");
  if (intent === "request") return `request:${String(values.to ?? "")}`;
  if (intent === "followup") return `followup:${String(values.meetingId ?? "")}`;
  return intent;
}

type LastAnswer = { key: string | null; result: SubmissionResult<string[]> | null };

const LastAnswerContext = createContext<LastAnswer>({ key: null, result: null });

export const MatchmakingActionsProvider = LastAnswerContext.Provider;

/** The action's answer if it belongs to the form with this key, for `useSubmissionForm`'s `lastResult`. */
export function useLastResult(key: string): SubmissionResult<string[]> | null {
  const last = useContext(LastAnswerContext);
  return last.key === key ? last.result : null;
}
