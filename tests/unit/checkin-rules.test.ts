import { describe, expect, it } from "vitest";
import { categoryAllowed, decideScanRules, listProblem, maxFutureSkewMs, maxPastAgeMs, nonceProblem, parseCategoryIds, scanTimeProblem, type ScanFacts } from "~/models/checkin-rules";

const hall = { eventId: "e1", mode: "ENTRY_ONLY" as const, allowReentry: 0, allowedCategoryIds: "[]" };
const doors = { eventId: "e1", mode: "ENTRY_EXIT" as const, allowReentry: 1, allowedCategoryIds: "[]" };
const confirmed = { eventId: "e1", status: "CONFIRMED" as const, categoryId: "std" };
const scan = (facts: Partial<ScanFacts>): ScanFacts => ({
  eventId: "e1",
  list: hall,
  registration: confirmed,
  presence: undefined,
  direction: "entry",
  offline: false,
  deviceId: "gate-1",
  ...facts,
});
const entered = (fields: Partial<NonNullable<ScanFacts["presence"]>> = {}) => ({ inside: 1, entries: 1, firstDeviceId: "gate-1", ...fields });

describe("the rules of a scan", () => {
  it("admits a confirmed ticket on its first entry, once", () => {
    expect(decideScanRules(scan({}))).toEqual({ result: "OK", known: true, enter: "once" });
    // A presence row left by an undone entry (entries back to 0) admits again.
    expect(decideScanRules(scan({ presence: entered({ inside: 0, entries: 0, firstDeviceId: null }) }))).toEqual({ result: "OK", known: true, enter: "once" });
  });

  it("answers already checked in to a second entry, even after the person went out of an entry-only list", () => {
    expect(decideScanRules(scan({ presence: entered() }))).toEqual({ result: "ALREADY_CHECKED_IN", known: true, conflict: false });
    expect(decideScanRules(scan({ presence: entered({ inside: 0 }) }))).toMatchObject({ result: "ALREADY_CHECKED_IN" });
  });

  it("marks a conflict only for an offline scan of a ticket another device admitted first", () => {
    const already = (facts: Partial<ScanFacts>) => decideScanRules(scan({ presence: entered({ firstDeviceId: "gate-2" }), ...facts }));
    expect(already({ offline: true })).toEqual({ result: "ALREADY_CHECKED_IN", known: true, conflict: true });
    expect(already({ offline: false })).toMatchObject({ conflict: false });
    expect(already({ offline: true, deviceId: "gate-2" })).toMatchObject({ conflict: false });
    expect(already({ offline: true, presence: entered({ firstDeviceId: null }) })).toMatchObject({ conflict: false });
  });

  it("lets someone back in through a re-entry list only after they went out", () => {
    expect(decideScanRules(scan({ list: doors, presence: entered({ inside: 0, entries: 3 }) }))).toEqual({ result: "OK", known: true, enter: "again" });
    expect(decideScanRules(scan({ list: doors }))).toEqual({ result: "OK", known: true, enter: "again" });
    expect(decideScanRules(scan({ list: doors, presence: entered() }))).toMatchObject({ result: "ALREADY_CHECKED_IN" });
    // Entry and exit without re-entry: one entry only.
    expect(decideScanRules(scan({ list: { ...doors, allowReentry: 0 }, presence: entered({ inside: 0 }) }))).toMatchObject({ result: "ALREADY_CHECKED_IN" });
  });

  it("records an exit, and whether the person was counted inside", () => {
    expect(decideScanRules(scan({ list: doors, direction: "exit", presence: entered() }))).toEqual({ result: "OK", known: true, leave: true, wasInside: true });
    expect(decideScanRules(scan({ list: doors, direction: "exit", presence: entered({ inside: 0 }) }))).toMatchObject({ leave: true, wasInside: false });
    expect(decideScanRules(scan({ list: doors, direction: "exit" }))).toMatchObject({ leave: true, wasInside: false });
  });

  it("refuses an unknown code, and a ticket of another event as unknown", () => {
    expect(decideScanRules(scan({ registration: undefined }))).toEqual({ result: "INVALID", known: false });
    expect(decideScanRules(scan({ registration: { ...confirmed, eventId: "e2" } }))).toEqual({ result: "INVALID", known: false });
  });

  it("refuses cancelled and not (yet) confirmed registrations, before any other rule", () => {
    expect(decideScanRules(scan({ registration: { ...confirmed, status: "CANCELLED" }, presence: entered() }))).toEqual({ result: "CANCELLED", known: true });
    for (const status of ["PENDING_APPROVAL", "WAITLISTED", "REJECTED", "HELD"] as const) {
      expect(decideScanRules(scan({ registration: { ...confirmed, status } }))).toEqual({ result: "NOT_APPROVED", known: true });
    }
    expect(decideScanRules(scan({ registration: { ...confirmed, status: "CANCELLED" }, list: doors, direction: "exit" }))).toEqual({ result: "CANCELLED", known: true });
  });

  it("refuses a category the list does not let through, on entry and on exit", () => {
    const vipOnly = { ...doors, allowedCategoryIds: JSON.stringify(["vip"]) };
    expect(decideScanRules(scan({ list: vipOnly }))).toEqual({ result: "WRONG_LIST", known: true });
    expect(decideScanRules(scan({ list: vipOnly, direction: "exit" }))).toEqual({ result: "WRONG_LIST", known: true });
    expect(decideScanRules(scan({ list: vipOnly, registration: { ...confirmed, categoryId: null } }))).toEqual({ result: "WRONG_LIST", known: true });
    expect(decideScanRules(scan({ list: vipOnly, registration: { ...confirmed, categoryId: "vip" } }))).toMatchObject({ result: "OK" });
  });

  it("reads the allowed categories leniently: empty or unreadable means every category", () => {
    expect(categoryAllowed("", null)).toBe(true);
    expect(categoryAllowed("[]", null)).toBe(true);
    expect(categoryAllowed("not json", "std")).toBe(true);
    expect(categoryAllowed('["vip"]', "std")).toBe(false);
    expect(parseCategoryIds('["vip", 3, "std"]')).toEqual(["vip", "std"]);
    expect(parseCategoryIds('{"vip": true}')).toEqual([]);
  });
});

describe("scans a list refuses outright", () => {
  it("refuses a list of another event, and an exit through an entry-only list", () => {
    expect(listProblem(hall, "e2", "entry")).toMatchObject({ status: 422, code: "unknown_list" });
    expect(listProblem(hall, "e1", "exit")).toMatchObject({ status: 422, code: "exit_not_supported" });
    expect(listProblem(doors, "e1", "exit")).toBeNull();
    expect(listProblem(hall, "e1", "entry")).toBeNull();
  });

  it("refuses a nonce sent again with another code or for another event", () => {
    const prior = { scannedCode: "abc", eventId: "e1" };
    expect(nonceProblem(prior, "abc", "e1")).toBeNull();
    expect(nonceProblem(prior, "abd", "e1")).toMatchObject({ status: 409, code: "nonce_reused" });
    expect(nonceProblem(prior, "abc", "e2")).toMatchObject({ status: 409, code: "nonce_reused" });
  });

  it("refuses scan times too far in the future or the past, at the edges exactly", () => {
    const now = new Date("2026-05-01T08:00:00Z");
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
    expect(scanTimeProblem(at(maxFutureSkewMs), now)).toBeNull();
    expect(scanTimeProblem(at(maxFutureSkewMs + 1), now)).toMatchObject({ code: "scanned_at_in_future" });
    expect(scanTimeProblem(at(-maxPastAgeMs), now)).toBeNull();
    expect(scanTimeProblem(at(-maxPastAgeMs - 1), now)).toMatchObject({ code: "scanned_at_too_old" });
  });
});
