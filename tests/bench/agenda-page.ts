import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { formatTable, startRealServer, type BenchRow } from "./harness";

/**
 * DESIGN.md §6: the public agenda page for 200 sessions / 300 speakers, p95 server time < 50 ms.
 * `seedAgendaBenchEvent` builds the event through the same model functions as the back office (in the
 * process's DATABASE_URL, which must be the server's file); `measureAgendaPage` loads the page with
 * autocannon and takes the p95 of every response time it reports.
 */
export const agendaBenchSlug = "bench-agenda-200";

export async function seedAgendaBenchEvent({ sessions = 200, speakers = 300 } = {}) {
  const { createEvent, getEventBySlug, publishEvent } = await import("~/models/event.server");
  const { createRoom, createSession, createTrack } = await import("~/models/agenda.server");
  const { createSpeaker } = await import("~/models/speaker.server");
  const { attachSpeaker } = await import("~/models/session-speaker.server");
  const { publishAgenda } = await import("~/models/agenda-version.server");
  const existing = await getEventBySlug(agendaBenchSlug);
  if (existing && existing.publishedVersion > 0) return existing;
  const event = await createEvent({
    slug: agendaBenchSlug,
    kind: "FORUM",
    title: "基准测试论坛（200 场议程）",
    timeZone: "Asia/Shanghai",
    startDate: "2030-05-20",
    startTime: "08:00",
    endDate: "2030-05-21",
    endTime: "18:00",
    venue: "示例会展中心",
  });
  const rooms = [];
  const tracks = [];
  for (let index = 0; index < 4; index++) {
    rooms.push(await createRoom(event.id, { name: `会场 ${index + 1}`, nameEn: `Room ${index + 1}` }));
    tracks.push(await createTrack(event.id, { name: `专题 ${index + 1}`, color: ["#1e40af", "#b45309", "#047857", "#7c3aed"][index] }));
  }
  const people = [];
  for (let index = 0; index < speakers; index++) {
    people.push(await createSpeaker({ name: `嘉宾${index + 1}`, nameEn: `Speaker ${index + 1}`, organization: `示例企业 ${index % 40}`, jobTitle: index % 3 ? "总经理" : "首席技术官" }));
  }
  const types = ["KEYNOTE", "TALK", "PANEL", "ROUNDTABLE", "TALK", "MATCHMAKING"] as const;
  const roles = ["KEYNOTE", "SPEAKER", "PANELIST", "HOST", "SPEAKER", "HOST"] as const;
  const perDay = sessions / 2;
  const slotsPerRoom = perDay / rooms.length;
  const created = [];
  for (let index = 0; index < sessions; index++) {
    const day = Math.floor(index / perDay);
    const within = index % perDay;
    const room = within % rooms.length;
    const slot = Math.floor(within / rooms.length) % slotsPerRoom;
    const start = 8 * 60 + slot * 20;
    const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    created.push(
      await createSession(event.id, {
        title: `议程 ${index + 1}：智能体应用实践`,
        titleEn: `Session ${index + 1}: agents in practice`,
        type: types[index % types.length],
        date: day === 0 ? "2030-05-20" : "2030-05-21",
        startTime: time(start),
        endTime: time(start + 20),
        roomId: rooms[room].id,
        trackId: tracks[(index + day) % tracks.length].id,
        description: "围绕智能体在行业中的落地场景、技术路线与商业模式展开分享。",
      }),
    );
  }
  // Every person has a role; the first sessions get a second one, so some sessions list several people (order counts from 1).
  for (let index = 0; index < people.length; index++) {
    const session = created[index % created.length];
    await attachSpeaker(event.id, session.id, { speakerId: people[index].id, role: roles[index % roles.length], position: Math.floor(index / created.length) + 1 });
  }
  await publishEvent(event.id);
  await publishAgenda(event.id, { overrideConflicts: true });
  return (await getEventBySlug(agendaBenchSlug))!;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
}

/** autocannon run; every response time is collected so the p95 is exact (autocannon itself reports p97.5). */
async function run(url: string, options: { connections: number; duration?: number; amount?: number }) {
  const times: number[] = [];
  let failures = 0;
  const instance = autocannon({ url, ...options, headers: { "Accept-Language": "zh-CN", Accept: "text/html,application/xhtml+xml" } }) as unknown as NodeJS.EventEmitter & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode !== 200) failures++;
    times.push(responseTime);
  });
  const result = await instance;
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    requests: times.length,
    errors: failures + result.errors + result.timeouts,
    rps: result.requests.average,
  };
}

/** The shape `tests/bench/run.ts` (npm run bench) uses. */
export async function prepareAgendaEvent(options: { sessions?: number; speakers?: number } = {}) {
  const event = await seedAgendaBenchEvent(options);
  return { slug: event.slug, eventId: event.id };
}

export async function benchAgendaPage({ baseUrl, slug = agendaBenchSlug, requests = 1000, connections = 4 }: { baseUrl: string; slug?: string; requests?: number; connections?: number }) {
  const url = `${baseUrl}/events/${slug}`;
  await run(url, { connections, amount: Math.min(100, requests) });
  return run(url, { connections, amount: requests });
}

/** Measures the page: one connection (response time ≈ server time on loopback) and ten (throughput). */
export async function measureAgendaPage(baseUrl: string, { duration = 10 } = {}): Promise<BenchRow[]> {
  const url = `${baseUrl}/events/${agendaBenchSlug}`;
  const check = await fetch(url, { headers: { Accept: "text/html" } });
  const html = await check.text();
  if (check.status !== 200 || !html.includes("议程 200：")) throw new Error(`The bench agenda page is not served (${check.status})`);
  await run(url, { connections: 1, duration: 2 });
  const single = await run(url, { connections: 1, duration });
  const loaded = await run(url, { connections: 10, duration });
  return [
    { metric: "agenda page p95 server time (200 sessions / 300 speakers, 1 conn)", value: single.p95, unit: "ms", budget: "< 50 ms", pass: single.p95 < 50 && single.errors === 0 },
    { metric: "agenda page p95 under 10 connections", value: loaded.p95, unit: "ms", budget: "", pass: null, note: `${loaded.errors} errors` },
    { metric: "agenda page throughput (10 connections)", value: loaded.rps, unit: "req/s", budget: "", pass: null },
    { metric: "agenda page HTML size", value: Math.round(html.length / 1024), unit: "KiB", budget: "", pass: null },
  ];
}

/** Seeds (idempotently) and measures; DATABASE_URL must point at the running server's database. */
export async function agendaPageBench({ baseUrl, duration = 10 }: { baseUrl: string; duration?: number }): Promise<BenchRow[]> {
  await seedAgendaBenchEvent();
  return measureAgendaPage(baseUrl, { duration });
}

// `npx tsx tests/bench/agenda-page.ts`: a fresh database, the real server in its own process, one table.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = resolve("tests/.tmp/bench-agenda");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseUrl = `file:${resolve(dir, "bench.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.RATE_LIMIT = "off";
  const { applyMigrations } = await import("../../app/cli/migrate");
  applyMigrations(databaseUrl);
  const started = Date.now();
  await seedAgendaBenchEvent();
  console.log(`Seeded 200 sessions / 300 speakers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The server migrates at start-up and needs the file to itself.
  const { prisma } = await import("~/models/store/connection.server");
  await (await prisma()).$disconnect();
  const server = await startRealServer({ DATABASE_URL: databaseUrl, RATE_LIMIT: "off" });
  try {
    console.log(formatTable(await measureAgendaPage(server.baseUrl)));
  } finally {
    await server.stop();
  }
  process.exit(0);
}
