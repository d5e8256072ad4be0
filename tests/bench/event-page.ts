import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { formatTable, startRealServer, type BenchRow } from "./harness";
import { prepareStormEvent } from "./registration-storm";

/**
 * DESIGN.md §6 "public event page under a share storm": a link pasted into a large group chat, 200 visitors
 * opening the event page at once. autocannon keeps 200 connections busy with document requests as a phone
 * browser sends them (HTML, brotli accepted, no cookie); every response time is collected for an exact
 * p99. One connection alone gives the server time of one page, reported beside it.
 */
const browserHeaders = { Accept: "text/html,application/xhtml+xml", "Accept-Language": "zh-CN,zh;q=0.9", "Accept-Encoding": "br, gzip" };

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
}

async function load(url: string, options: { connections: number; duration: number }) {
  const times: number[] = [];
  let failures = 0;
  const instance = autocannon({ url, ...options, headers: browserHeaders }) as unknown as NodeJS.EventEmitter & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode !== 200) failures++;
    times.push(responseTime);
  });
  const result = await instance;
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), requests: times.length, rps: result.requests.average, errors: failures + result.errors + result.timeouts };
}

export async function benchEventPage({ baseUrl, slug, seconds = 10, connections = 200 }: { baseUrl: string; slug: string; seconds?: number; connections?: number }) {
  const url = `${baseUrl}/events/${slug}`;
  const check = await fetch(url, { headers: browserHeaders });
  if (check.status !== 200) throw new Error(`The bench event page is not served (${check.status})`);
  await load(url, { connections: 1, duration: 2 });
  const single = await load(url, { connections: 1, duration: Math.max(2, seconds / 2) });
  await load(url, { connections, duration: 2 });
  const storm = await load(url, { connections, duration: seconds });
  return { single, storm };
}

export function eventPageRows({ single, storm }: Awaited<ReturnType<typeof benchEventPage>>, connections = 200): BenchRow[] {
  return [
    {
      metric: `event page, ${connections} concurrent visitors: p99`,
      value: storm.p99,
      unit: "ms",
      budget: "< 100",
      pass: storm.p99 < 100 && storm.errors === 0,
      note: `${storm.requests} pages, ${storm.errors} errors`,
    },
    { metric: `event page, ${connections} concurrent visitors: pages/s`, value: storm.rps, unit: "/s", budget: "", pass: null },
    { metric: "event page server time (1 connection, p50)", value: single.p50, unit: "ms", budget: "", pass: null },
  ];
}

// `npx tsx tests/bench/event-page.ts`: this row alone, on a fresh database and the real server in its own process.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = resolve("tests/.tmp/bench-event-page");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, "bench.db");
  const databaseUrl = `file:${file}`;
  const { applyMigrations } = await import("../../app/cli/migrate");
  applyMigrations(databaseUrl);
  const { slug } = prepareStormEvent(file, { capacity: 100 });
  const server = await startRealServer({ DATABASE_URL: databaseUrl, RATE_LIMIT: "off" });
  try {
    console.log(formatTable(eventPageRows(await benchEventPage({ baseUrl: server.baseUrl, slug, seconds: Number(process.env.BENCH_SECONDS ?? 10) }))));
  } finally {
    await server.stop();
  }
  process.exit(0);
}
