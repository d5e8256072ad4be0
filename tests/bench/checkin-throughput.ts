import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { applyMigrations } from "../../app/cli/migrate";
import { prepareCheckinDatabase } from "./checkin-data";
import { benchFloor, startFloorServer, summarize, type LoadResult } from "./checkin-floor";
import { formatTable, startRealServer, type BenchRow } from "./harness";
import { benchOfflineBacklog } from "./offline-backlog";

/**
 * Sustained scans through the real HTTP server (DESIGN.md §6: ≥ 1,000 scans/s, p99 < 50 ms). Each request
 * is a fresh scan (new nonce) of a random ticket, so the first scans admit and later ones hit the
 * already-checked-in path: both go through the same transaction.
 */
export async function benchCheckinThroughput({
  baseUrl,
  token,
  codes,
  seconds = 10,
  connections = 32,
}: { baseUrl: string; token: string; codes: string[]; seconds?: number; connections?: number }): Promise<LoadResult> {
  let device = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/v1/checkin",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ code: codes[Math.floor(Math.random() * codes.length)], nonce: randomUUID(), deviceId: `bench-${device++ % 16}` }),
        }),
      },
    ],
  });
  return summarize(result);
}

export function checkinRows(app: LoadResult, floor: LoadResult | null): BenchRow[] {
  return [
    { metric: "check-in scans/s", value: app.requestsPerSecond, unit: "/s", budget: "≥ 1000", pass: app.requestsPerSecond >= 1000 && app.non2xx === 0 && app.errors === 0 },
    { metric: "check-in p99", value: app.p99, unit: "ms", budget: "< 50", pass: app.p99 < 50 },
    ...(floor
      ? [
          { metric: "floor (node:http + better-sqlite3) req/s", value: floor.requestsPerSecond, unit: "/s", budget: "", pass: null },
          { metric: "check-in / floor", value: app.requestsPerSecond / floor.requestsPerSecond, unit: "×", budget: "", pass: null },
        ]
      : []),
  ];
}

// `npx tsx tests/bench/checkin-throughput.ts`: the check-in scenarios on their own, against a fresh database.
async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-checkin-"));
  const file = join(dir, "bench.db");
  const databaseUrl = `file:${file}`;
  applyMigrations(databaseUrl);
  const data = prepareCheckinDatabase(file, { registrations: 20_000 });
  const server = await startRealServer({ DATABASE_URL: databaseUrl, RATE_LIMIT: "off" });
  const floorServer = await startFloorServer(join(dir, "floor.db"));
  try {
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    await benchCheckinThroughput({ baseUrl: server.baseUrl, token: data.token, codes: data.codes, seconds: 2 });
    const app = await benchCheckinThroughput({ baseUrl: server.baseUrl, token: data.token, codes: data.codes, seconds });
    const floor = await benchFloor({ baseUrl: floorServer.baseUrl, seconds });
    const backlogData = data.codes.slice(0, 600);
    const backlog = await benchOfflineBacklog({ baseUrl: server.baseUrl, token: data.token, codes: backlogData });
    const rows = [
      ...checkinRows(app, floor),
      { metric: "offline backlog 2,400 scans / 10 devices", value: backlog.seconds, unit: "s", budget: "< 30", pass: backlog.seconds < 30 && backlog.failed === 0 },
    ];
    console.log(formatTable(rows));
    console.log(JSON.stringify({ app, floor, backlog }, null, 2));
  } finally {
    await server.stop();
    await floorServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
