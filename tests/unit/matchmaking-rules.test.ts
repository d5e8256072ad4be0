import { describe, expect, it } from "vitest";
import { placementCandidates, sharedDetails, slotChanges, slotsOfSessions, suggestionFit } from "~/models/matchmaking-rules";

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("placement candidates", () => {
  it("only ever offers a slot both sides are available in, neither is busy in, at a free table, earliest first (random instances)", () => {
    const random = seeded(7);
    for (let round = 0; round < 500; round += 1) {
      const slotIds = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, index) => `s${index}`);
      const tables = 1 + Math.floor(random() * 4);
      const pick = () => new Set(slotIds.filter(() => random() < 0.6));
      const takenTables = new Map(slotIds.map((slotId) => [slotId, new Set(Array.from({ length: tables }, (_, index) => index + 1).filter(() => random() < 0.4))]));
      const input = { slotIds, tables, availableA: pick(), availableB: pick(), busyA: pick(), busyB: pick(), takenTables };
      const candidates = placementCandidates(input);
      for (const { slotId, table } of candidates) {
        expect(input.availableA.has(slotId) && input.availableB.has(slotId)).toBe(true);
        expect(input.busyA.has(slotId) || input.busyB.has(slotId)).toBe(false);
        expect(takenTables.get(slotId)!.has(table)).toBe(false);
        expect(table).toBeGreaterThanOrEqual(1);
        expect(table).toBeLessThanOrEqual(tables);
      }
      const order = candidates.map(({ slotId }) => slotIds.indexOf(slotId));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const possible = slotIds.some(
        (slotId) => input.availableA.has(slotId) && input.availableB.has(slotId) && !input.busyA.has(slotId) && !input.busyB.has(slotId) && takenTables.get(slotId)!.size < tables,
      );
      expect(candidates.length > 0).toBe(possible);
    }
  });
});

describe("slots", () => {
  it("cuts sessions into whole slots and keeps slots whose start is unchanged", () => {
    const start = new Date("2026-12-10T05:30:00Z");
    const slots = slotsOfSessions([{ id: "a", startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000) }], 15);
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual(["2026-12-10T05:30:00.000Z", "2026-12-10T05:45:00.000Z", "2026-12-10T06:00:00.000Z"]);
    const changes = slotChanges(
      [
        { id: "x", startsAt: start, hasMeetings: true },
        { id: "y", startsAt: new Date(start.getTime() + 5 * 60_000), hasMeetings: true },
      ],
      slots,
    );
    expect(changes.kept).toHaveLength(1);
    expect(changes.added).toHaveLength(2);
    expect(changes.blocked.map((slot) => slot.id)).toEqual(["y"]);
  });
});

describe("privacy and fit", () => {
  it("shows only the fields a participant shares", () => {
    expect(sharedDetails({ name: "张三", organization: "示例", jobTitle: null, email: "a@example.org", phone: "1" }, ["organization", "jobTitle"])).toEqual({ organization: "示例" });
  });

  it("ranks complementary sides with shared tags and keywords above others, with the board's fit as the reason", () => {
    const need = { side: "demand" as const, offers: "", needs: "信贷审批的反欺诈模型", tags: ["反欺诈"], industryCode: "finance" };
    const offer = { side: "supply" as const, offers: "反欺诈平台，服务信贷审批", needs: "", tags: ["反欺诈"], industryCode: "finance" };
    const other = { side: "demand" as const, offers: "", needs: "", tags: [], industryCode: null };
    const fit = suggestionFit(need, offer);
    expect(fit.score).toBeGreaterThan(suggestionFit(need, other).score);
    expect(fit.reason.complement).toBe(true);
    expect(fit.reason.fit.sameIndustry).toBe(true);
    expect(fit.reason.fit.keywords).toEqual(expect.arrayContaining(["反欺诈", "信贷审批"]));
    expect(suggestionFit(need, other).reason.complement).toBe(false);
  });

  it("finds the fit in either direction: their needs against my offers", () => {
    const supplier = { side: "supply" as const, offers: "智能客服机器人", needs: "", tags: [], industryCode: null };
    const buyer = { side: "demand" as const, offers: "", needs: "寻找智能客服机器人", tags: [], industryCode: null };
    expect(suggestionFit(supplier, buyer).reason.fit.keywords.length).toBeGreaterThan(0);
    expect(suggestionFit(supplier, buyer).score).toBe(suggestionFit(buyer, supplier).score);
  });
});
