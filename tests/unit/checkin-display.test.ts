import { describe, expect, it } from "vitest";
import { displayOf, type DisplayText } from "~/components/checkin/display";
import { localized, translator } from "~/i18n";
import type { ScanAnswer } from "~/schemas/checkin";

const text: DisplayText = { t: translator("en"), localize: (zh, en) => localized("en", zh, en), timeOf: (iso) => iso.slice(11, 19) };
const hall = { id: "hall", name: "主会场", nameEn: "Main hall" };
const answer = (fields: Partial<ScanAnswer>): ScanAnswer => ({
  id: "c1",
  result: "ok",
  direction: "entry",
  scannedAt: "2026-05-01T01:00:00.000Z",
  list: hall,
  offline: false,
  conflict: false,
  attendee: { registrationId: "r1", name: "Zhao Yi", organization: "Xinghe", category: { id: "vip", name: "贵宾", nameEn: "VIP" } },
  ...fields,
});

describe("what the scanner's result panel shows", () => {
  it("shows a server answer in green with the category, and who saw the ticket first in yellow", () => {
    expect(displayOf({ kind: "answered", answer: answer({}) }, "entry", text)).toEqual({
      tone: "green",
      result: "ok",
      title: "Checked in",
      name: "Zhao Yi",
      organization: "Xinghe",
      lines: ["Category: VIP"],
      offline: false,
      registrationId: "r1",
    });
    const again = displayOf({ kind: "answered", answer: answer({ result: "already_checked_in", firstCheckIn: { at: "2026-05-01T00:30:00.000Z", list: hall, deviceId: "" } }) }, "entry", text);
    expect(again.tone).toBe("yellow");
    expect(again.lines[1]).toContain("00:30:00");
    expect(again.lines[1]).toContain("Main hall");
  });

  it("records an exit and says when the person was not counted inside", () => {
    const exit = displayOf({ kind: "answered", answer: answer({ direction: "exit", wasInside: false }) }, "exit", text);
    expect(exit.title).toBe(text.t("checkin.result.okExit"));
    expect(exit.lines).toContain(text.t("checkin.result.notInside"));
  });

  it("turns a refusal red, asking to sign in again on 401 and passing the server's message otherwise", () => {
    expect(displayOf({ kind: "refused", status: 401, message: "" }, "entry", text).lines).toEqual([text.t("checkin.status.signInAgain")]);
    expect(displayOf({ kind: "refused", status: 403, message: "Not your event." }, "entry", text)).toMatchObject({ tone: "red", result: "error", lines: ["Not your event."] });
  });

  it("marks offline decisions, in yellow when the device has no index to judge by", () => {
    const queued = displayOf(
      { kind: "queued", local: { result: "already_checked_in", ticket: { k: "k", s: "v", c: "vip", n: "Z*", o: "Xinghe", e: ["hall"] } }, category: { name: "贵宾", nameEn: "VIP" } },
      "entry",
      text,
    );
    expect(queued).toMatchObject({ tone: "yellow", offline: true, name: "Z*" });
    expect(queued.lines).toEqual(["Category: VIP", text.t("checkin.result.firstOffline"), text.t("checkin.result.offlineDecision")]);
    expect(displayOf({ kind: "queued", local: { result: "unknown" } }, "entry", text)).toMatchObject({ tone: "yellow", title: text.t("checkin.status.noIndex") });
    expect(displayOf({ kind: "needsNetwork" }, "entry", text)).toMatchObject({ tone: "red", offline: true, lines: [text.t("checkin.search.offline")] });
  });
});
