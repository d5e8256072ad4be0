/**
 * The check-in API's answer, shared by the server that decides a scan (models/checkin-decision.server.ts)
 * and the scanner page that shows it, so a field renamed on one side breaks the other at compile time.
 * Types only, so the browser bundle and the check-in writer thread can both depend on it.
 */

export type ScanResult = "ok" | "already_checked_in" | "invalid" | "cancelled" | "not_approved" | "wrong_list";
export type Direction = "entry" | "exit";

export type ListRef = { id: string; name: string; nameEn: string };
export type ScanAnswer = {
  id: string;
  result: ScanResult;
  direction: Direction;
  scannedAt: string;
  list: ListRef;
  offline: boolean;
  conflict: boolean;
  attendee?: { registrationId: string; name: string; organization: string; category: { id: string; name: string; nameEn: string } | null };
  firstCheckIn?: { at: string; list: ListRef; deviceId: string };
  /** An exit scan for someone the list did not count as inside. */
  wasInside?: boolean;
  /** An invalid scan of a ticket that belongs to another event: which one (the person stays unnamed). */
  otherEvent?: { title: string; titleEn: string };
  /** True when this nonce was seen before and the stored answer is returned again. */
  replayed?: boolean;
};
