import { fileURLToPath } from "node:url";
import { scheduleMeetings, type SchedulingInput } from "~/models/meeting-scheduler";
import { formatTable, type BenchRow } from "./harness";
import { seededRandom } from "../support/seeded-random";

/**
 * DESIGN.md §6 "matchmaking": the batch scheduler places 2,000 accepted requests among 500 participants into
 * 12 slots × 40 tables in under 2 s with zero double-booking. Participants are available in a random 70 % of
 * the slots and request the people near them in a ring, as interest clusters do; the instance is the same on
 * every run (fixed seed). The median of five runs is reported.
 */
export function schedulerInstance({ people = 500, requests = 2000, slots = 12, tables = 40 } = {}): SchedulingInput {
  const random = seededRandom(20261201);
  const slotIds = Array.from({ length: slots }, (_, index) => `slot-${index}`);
  const availability = Object.fromEntries(Array.from({ length: people }, (_, index) => [`p${index}`, slotIds.filter(() => random() < 0.7)]));
  const pairs = new Set<string>();
  while (pairs.size < requests) {
    const a = Math.floor(random() * people);
    const b = (a + 1 + Math.floor(random() * 40)) % people;
    pairs.add(`p${a} p${b}`);
  }
  return {
    slots: slotIds,
    tables,
    availability,
    requests: [...pairs].map((pair, index) => {
      const [from, to] = pair.split(" ") as [string, string];
      return { id: `r${index}`, from, to };
    }),
  };
}

export function benchScheduler(): { rows: BenchRow[]; details: Record<string, unknown> } {
  const input = schedulerInstance();
  const runs = Array.from({ length: 5 }, () => {
    const started = performance.now();
    const schedule = scheduleMeetings(input);
    return { ms: performance.now() - started, schedule };
  }).sort((a, b) => a.ms - b.ms);
  const { ms, schedule } = runs[2]!;
  const seats = new Set<string>();
  const tables = new Set<string>();
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  let doubleBooked = 0;
  for (const { requestId, slotId, table } of schedule.placed) {
    const { from, to } = requests.get(requestId)!;
    for (const key of [`${slotId} ${from}`, `${slotId} ${to}`]) {
      if (seats.has(key)) doubleBooked++;
      seats.add(key);
    }
    if (tables.has(`${slotId} ${table}`) || table > input.tables) doubleBooked++;
    tables.add(`${slotId} ${table}`);
  }
  const capacity = input.slots.length * input.tables;
  return {
    rows: [
      { metric: "scheduler: 2,000 requests / 500 people / 12 × 40", value: ms, unit: "ms", budget: "< 2000", pass: ms < 2000 },
      { metric: "scheduler: double-booked", value: doubleBooked, unit: "", budget: "= 0", pass: doubleBooked === 0 },
      { metric: "scheduler: meetings placed (of 480 tables)", value: schedule.placed.length, unit: "", budget: "", pass: null },
    ],
    details: { ms, placed: schedule.placed.length, capacity, unplaced: schedule.unplaced.length, runs: runs.map((run) => run.ms) },
  };
}

// `npx tsx tests/bench/meeting-scheduler.ts`: this row alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rows, details } = benchScheduler();
  console.log(formatTable(rows));
  console.log(JSON.stringify(details));
}
