import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleMeetings, type Schedule, type SchedulingInput } from "~/models/meeting-scheduler";
import { seededRandom } from "../support/seeded-random";

/** Every hard rule of a plan: available, one meeting per person and slot, tables in range and unique. */
function violations(input: SchedulingInput, schedule: Schedule): string[] {
  const found: string[] = [];
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const seats = new Set<string>();
  const tables = new Set<string>();
  for (const { requestId, slotId, table } of schedule.placed) {
    const request = requests.get(requestId)!;
    for (const person of [request.from, request.to]) {
      if (!input.availability[person]?.includes(slotId)) found.push(`${person} is not available in ${slotId}`);
      if (seats.has(`${slotId} ${person}`)) found.push(`${person} is in two meetings in ${slotId}`);
      seats.add(`${slotId} ${person}`);
    }
    if (table < 1 || table > input.tables) found.push(`table ${table} does not exist`);
    if (tables.has(`${slotId} ${table}`)) found.push(`table ${table} holds two meetings in ${slotId}`);
    tables.add(`${slotId} ${table}`);
  }
  const accounted = [...schedule.placed.map((p) => p.requestId), ...schedule.unplaced.map((u) => u.requestId)];
  if (accounted.length !== input.requests.length || new Set(accounted).size !== input.requests.length) found.push("a request is missing or counted twice");
  return found;
}

/** The most meetings any plan can place: depth-first search with a bound (small instances only). */
function exactMaximum({ slots, tables, availability, requests }: SchedulingInput): number {
  const options = requests.map((request) => (request.from === request.to ? [] : slots.filter((slot) => availability[request.from]?.includes(slot) && availability[request.to]?.includes(slot))));
  const order = requests.map((_, index) => index).sort((a, b) => options[a]!.length - options[b]!.length);
  const busy = new Set<string>();
  const used = new Map<string, number>();
  let best = 0;
  const search = (position: number, placed: number) => {
    if (placed > best) best = placed;
    if (position === order.length || placed + (order.length - position) <= best) return;
    const index = order[position]!;
    const { from, to } = requests[index]!;
    for (const slot of options[index]!) {
      if ((used.get(slot) ?? 0) >= tables || busy.has(`${slot} ${from}`) || busy.has(`${slot} ${to}`)) continue;
      busy.add(`${slot} ${from}`).add(`${slot} ${to}`);
      used.set(slot, (used.get(slot) ?? 0) + 1);
      search(position + 1, placed + 1);
      busy.delete(`${slot} ${from}`);
      busy.delete(`${slot} ${to}`);
      used.set(slot, used.get(slot)! - 1);
    }
    search(position + 1, placed);
  };
  search(0, 0);
  return best;
}

/** Random instances: `people` people, each available in a random subset of the slots, `count` distinct pairs. */
const instance = ({ maxRequests }: { maxRequests: number }) =>
  fc
    .record({
      people: fc.integer({ min: 4, max: 12 }),
      slots: fc.integer({ min: 2, max: 5 }),
      tables: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
      count: fc.integer({ min: 1, max: maxRequests }),
    })
    .map(({ people, slots, tables, seed, count }): SchedulingInput => {
      const random = seededRandom(seed);
      const slotIds = Array.from({ length: slots }, (_, index) => `s${index}`);
      const availability = Object.fromEntries(Array.from({ length: people }, (_, index) => [`p${index}`, slotIds.filter(() => random() < 0.6)]));
      const pairs = new Set<string>();
      for (let tries = 0; pairs.size < count && tries < count * 20; tries++) {
        const a = Math.floor(random() * people);
        const b = Math.floor(random() * people);
        if (a !== b) pairs.add(`p${Math.min(a, b)} p${Math.max(a, b)}`);
      }
      const requests = [...pairs].map((pair, index) => {
        const [from, to] = pair.split(" ") as [string, string];
        return { id: `r${index}`, from, to };
      });
      return { slots: slotIds, tables, availability, requests };
    });

describe("the batch meeting scheduler", () => {
  it("never breaks a hard rule: availability, one meeting per person and slot, one meeting per table", () => {
    fc.assert(
      fc.property(instance({ maxRequests: 40 }), (input) => {
        expect(violations(input, scheduleMeetings(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("places at least 95 % of what an exact search places on small instances (≤ 30 requests)", () => {
    let heuristic = 0;
    let exact = 0;
    fc.assert(
      fc.property(instance({ maxRequests: 30 }), (input) => {
        const placed = scheduleMeetings(input).placed.length;
        const best = exactMaximum(input);
        expect(placed).toBeLessThanOrEqual(best);
        heuristic += placed;
        exact += best;
      }),
      { numRuns: 100, seed: 20261201 },
    );
    expect(heuristic / exact).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps a meeting where it is while that place is still valid, and moves it when it is not", () => {
    const input: SchedulingInput = {
      slots: ["s1", "s2", "s3"],
      tables: 2,
      availability: { a: ["s1", "s2", "s3"], b: ["s1", "s2", "s3"], c: ["s1", "s2"], d: ["s2"] },
      requests: [
        { id: "ab", from: "a", to: "b", current: { slotId: "s3", table: 2 } },
        // c is no longer available in s3: the meeting has to move.
        { id: "cd", from: "c", to: "d", current: { slotId: "s3", table: 1 } },
      ],
    };
    const placed = new Map(scheduleMeetings(input).placed.map((placement) => [placement.requestId, placement]));
    expect(placed.get("ab")).toEqual({ requestId: "ab", slotId: "s3", table: 2 });
    expect(placed.get("cd")).toMatchObject({ slotId: "s2" });
  });

  it("says why a request has no place", () => {
    const schedule = scheduleMeetings({
      slots: ["s1"],
      tables: 1,
      availability: { a: ["s1"], b: ["s1"], c: ["s1"], d: [], e: ["s1"], f: ["s1"] },
      requests: [
        { id: "ab", from: "a", to: "b" },
        { id: "ac", from: "a", to: "c" },
        { id: "ad", from: "a", to: "d" },
        { id: "ef", from: "e", to: "f" },
      ],
    });
    expect(schedule.placed.map((placement) => placement.requestId)).toEqual(["ab"]);
    expect(Object.fromEntries(schedule.unplaced.map(({ requestId, reason }) => [requestId, reason]))).toEqual({ ac: "people_busy", ad: "no_common_slot", ef: "no_table" });
  });

  it("frees a slot for a request by moving a meeting that can go elsewhere", () => {
    // Greedy puts ab in s1 (earliest); cd can only meet in s1 and there is one table: ab must move to s2.
    const schedule = scheduleMeetings({
      slots: ["s1", "s2"],
      tables: 1,
      availability: { a: ["s1", "s2"], b: ["s1", "s2"], c: ["s1"], d: ["s1"] },
      requests: [
        { id: "ab", from: "a", to: "b", current: { slotId: "s1", table: 1 } },
        { id: "cd", from: "c", to: "d" },
      ],
    });
    expect(schedule.unplaced).toEqual([]);
    expect(Object.fromEntries(schedule.placed.map(({ requestId, slotId }) => [requestId, slotId]))).toEqual({ ab: "s2", cd: "s1" });
  });
});
