/**
 * When a case call takes submissions (pure; DESIGN.md §2 "Typical-case call"). Opening and closing are instants
 * typed in the call's zone to the second: the closing second itself is still open ("23:59:59" accepts a save
 * at 23:59:59.900), the next one is closed. Every write of a submission checks this on the server.
 */
export type CallWindow = { opensAt: Date; closesAt: Date };
export type CallPhase = "upcoming" | "open" | "closed";

const wholeSecond = (instant: Date) => Math.floor(instant.getTime() / 1000);

export function callPhase(window: CallWindow, now: Date): CallPhase {
  if (wholeSecond(now) < wholeSecond(window.opensAt)) return "upcoming";
  if (wholeSecond(now) > wholeSecond(window.closesAt)) return "closed";
  return "open";
}

export function acceptsSubmissions(window: CallWindow, now: Date): boolean {
  return callPhase(window, now) === "open";
}
