import type { MessageKey } from "../i18n";
// Relative imports: the writer thread loads this module without the app's path aliases.
import type { CheckInMode, CheckInResult, RegistrationStatus } from "../generated/kysely/database";
import type { Direction } from "../schemas/checkin";

/**
 * The rules of a scan (DESIGN.md §4 invariant 4), without any I/O: given what the database holds for the
 * ticket and the door, what the scan records. checkin-decision.server.ts reads those facts and writes the
 * verdict inside one write transaction, with the presence row's guarded update as the last word.
 */

export type ScanFailure = { status: number; code: string; messageKey: MessageKey };

/** How far a scan time may lie from the server's clock (a device clock can be off; a week-old queue is not a scan). */
export const maxFutureSkewMs = 5 * 60 * 1000;
export const maxPastAgeMs = 72 * 60 * 60 * 1000;

export function scanTimeProblem(scannedAt: Date, now = new Date()): ScanFailure | null {
  const delta = scannedAt.getTime() - now.getTime();
  if (delta > maxFutureSkewMs) return { status: 422, code: "scanned_at_in_future", messageKey: "checkin.error.scannedAtFuture" };
  if (-delta > maxPastAgeMs) return { status: 422, code: "scanned_at_too_old", messageKey: "checkin.error.scannedAtPast" };
  return null;
}

export type ListFacts = { eventId: string; mode: CheckInMode; allowReentry: number; allowedCategoryIds: string };

export const unknownList: ScanFailure = { status: 422, code: "unknown_list", messageKey: "checkin.error.unknownList" };

/** A scan the list cannot take at all: nothing is recorded, the scanner shows the error. */
export function listProblem(list: ListFacts, eventId: string, direction: Direction): ScanFailure | null {
  if (list.eventId !== eventId) return unknownList;
  if (direction === "exit" && list.mode !== "ENTRY_EXIT") return { status: 422, code: "exit_not_supported", messageKey: "checkin.error.exitNotSupported" };
  return null;
}

/** A nonce names one scan: sent again with another code or for another event, it is refused. */
export function nonceProblem(prior: { scannedCode: string; eventId: string }, scannedCode: string, eventId: string): ScanFailure | null {
  return prior.scannedCode !== scannedCode || prior.eventId !== eventId ? { status: 409, code: "nonce_reused", messageKey: "checkin.error.nonceReused" } : null;
}

export type ScanFacts = {
  eventId: string;
  list: ListFacts;
  /** The registration the code names, if any (of any event). */
  registration: { eventId: string; status: RegistrationStatus; categoryId: string | null } | undefined;
  /** The ticket's presence row on this list; undefined before its first entry. */
  presence: { inside: number; entries: number; firstDeviceId: string | null } | undefined;
  direction: Direction;
  offline: boolean;
  deviceId: string;
};

/**
 * What to record. `enter` and `leave` are the presence changes the writer makes with a guarded update
 * (`enter: "again"` is a re-entry, guarded by "outside" instead of "never entered");
 * `conflict`: an offline device let the person in on its own while another device had admitted the ticket.
 */
export type ScanVerdict =
  | { result: Exclude<CheckInResult, "OK" | "ALREADY_CHECKED_IN">; known: boolean }
  | { result: "OK"; known: true; enter: "once" | "again" }
  | { result: "OK"; known: true; leave: true; wasInside: boolean }
  | { result: "ALREADY_CHECKED_IN"; known: true; conflict: boolean };

export function decideScanRules(facts: ScanFacts): ScanVerdict {
  const { registration, list, presence } = facts;
  if (!registration || registration.eventId !== facts.eventId) return { result: "INVALID", known: false };
  if (registration.status === "CANCELLED") return { result: "CANCELLED", known: true };
  if (registration.status !== "CONFIRMED") return { result: "NOT_APPROVED", known: true };
  if (!categoryAllowed(list.allowedCategoryIds, registration.categoryId)) return { result: "WRONG_LIST", known: true };
  if (facts.direction === "exit") return { result: "OK", known: true, leave: true, wasInside: presence?.inside === 1 };
  const reentry = list.mode === "ENTRY_EXIT" && list.allowReentry === 1;
  if (reentry ? presence?.inside !== 1 : !presence || presence.entries === 0) return { result: "OK", known: true, enter: reentry ? "again" : "once" };
  return alreadyCheckedIn(facts);
}

export function alreadyCheckedIn({ presence, offline, deviceId }: Pick<ScanFacts, "presence" | "offline" | "deviceId">): ScanVerdict {
  const firstDeviceId = presence?.firstDeviceId ?? null;
  return { result: "ALREADY_CHECKED_IN", known: true, conflict: offline && firstDeviceId !== null && firstDeviceId !== deviceId };
}

export function categoryAllowed(allowedCategoryIds: string, categoryId: string | null): boolean {
  if (allowedCategoryIds === "[]" || allowedCategoryIds === "") return true;
  const allowed = parseCategoryIds(allowedCategoryIds);
  return allowed.length === 0 || (categoryId !== null && allowed.includes(categoryId));
}

/** The stored list of allowed category ids (JSON text); anything unreadable means "no restriction". */
export function parseCategoryIds(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
