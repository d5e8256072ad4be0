import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp, buildIsStale } from "../../app/cli/build";
import { applyMigrations } from "../../app/cli/migrate";
import { prepareCheckinDatabase } from "./checkin-data";
import { benchFloor, startFloorServer, type LoadResult } from "./checkin-floor";
import { benchCheckinAtRate, benchCheckinThroughput, budgetRate, checkinRows } from "./checkin-throughput";
import { formatTable, medianBy, startRealServer, type BenchRow } from "./harness";
import { benchOfflineBacklog } from "./offline-backlog";
import { benchRegistrationStorm, prepareStormEvent, stormDatabaseCounts } from "./registration-storm";
import { benchTicketEmails, prepareTicketEmails } from "./ticket-emails";

/**
 * `npm run bench` (DESIGN.md §6): every budget measured against the real server (built, production mode,
 * its own process, RATE_LIMIT=off) on a fresh SQLite file. Prints one table and writes bench-results.json.
 * BENCH_SECONDS (default 10) sets the length of each sustained check-in run.
 */
async function main() {
  const startedAt = Date.now();
  const log = (line: string) => console.error(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${line}`);
  if (buildIsStale()) {
    log("building the app…");
    buildApp({ quiet: true });
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const file = join(dir, "bench.db");
  const mailFile = join(dir, "mail.db");
  const databaseUrl = `file:${file}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.NODE_ENV = "production";
  process.env.RATE_LIMIT = "off";
  delete process.env.SMTP_URL;
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { seconds, cpus: (await import("node:os")).cpus().length, node: process.version };
  try {
    log("migrating a fresh database…");
    applyMigrations(databaseUrl);
    copyFileSync(file, mailFile);

    log("writing bench data (20,000 tickets, storm event, agenda of 200 sessions / 300 speakers)…");
    const checkin = prepareCheckinDatabase(file, { registrations: 20_000 });
    const storm = prepareStormEvent(file, { capacity: 100 });
    // The agenda is made through the back-office model functions (in this process, before the server starts).
    const { prepareAgendaEvent } = await import("./agenda-page");
    const agenda = await prepareAgendaEvent({ sessions: 200, speakers: 300 });
    const { prisma } = await import("~/models/store/connection.server");
    await (await prisma()).$disconnect();

    log("starting the real server and the floor server…");
    const server = await startRealServer({ DATABASE_URL: databaseUrl, RATE_LIMIT: "off" });
    const floorServer = await startFloorServer(join(dir, "floor.db"));
    try {
      log(`check-in: warm-up, then ${seconds} s sustained…`);
      await benchCheckinThroughput({ baseUrl: server.baseUrl, token: checkin.token, codes: checkin.codes, seconds: 2 });
      const app = await benchCheckinThroughput({ baseUrl: server.baseUrl, token: checkin.token, codes: checkin.codes, seconds });
      log(`check-in: 3 × ${seconds} s at ${budgetRate} scans/s (the median run is reported)…`);
      // DESIGN.md §6: on a noisy machine a figure close to its budget is the median of several runs.
      const atBudgetRuns: LoadResult[] = [];
      for (let run = 0; run < 3; run++) atBudgetRuns.push(await benchCheckinAtRate({ baseUrl: server.baseUrl, token: checkin.token, codes: checkin.codes, seconds, rate: budgetRate }));
      const atBudget = medianBy(atBudgetRuns, (run) => run.p99);
      log(`floor: ${seconds} s sustained, then ${seconds} s at ${budgetRate} requests/s…`);
      await benchFloor({ baseUrl: floorServer.baseUrl, seconds: 2 });
      const floor = await benchFloor({ baseUrl: floorServer.baseUrl, seconds });
      // The same steady 1,000 requests/s against the floor: what this machine's network stack, scheduler and
      // load generator add to any answer's tail, with no application and no disk wait behind it.
      const floorAtBudget = await benchCheckinAtRate({ baseUrl: floorServer.baseUrl, token: "floor", codes: checkin.codes, seconds, rate: budgetRate });
      // The ratio as a percentage, so the table's one decimal keeps it readable.
      rows.push(...checkinRows(app, atBudget, floor).map((row) => (row.unit === "×" ? { ...row, metric: "check-in / floor", value: row.value * 100, unit: "% of floor" } : row)));
      rows.push({ metric: "floor p99", value: floor.p99, unit: "ms", budget: "", pass: null });
      rows.push({ metric: `floor p99 while ${budgetRate.toLocaleString("en")} requests/s arrive`, value: floorAtBudget.p99, unit: "ms", budget: "", pass: null });
      details.checkin = { fullSpeed: app, atBudget, atBudgetRuns };
      details.floor = { fullSpeed: floor, atBudget: floorAtBudget };

      log("offline backlog: 2,400 scans from 10 devices…");
      // Tickets not used by the sustained run would be ideal, but both paths (admit and already-in) are one transaction.
      const backlog = await benchOfflineBacklog({ baseUrl: server.baseUrl, token: checkin.token, codes: checkin.codes.slice(-2400) });
      rows.push({ metric: "offline backlog 2,400 scans / 10 devices", value: backlog.seconds, unit: "s", budget: "< 30", pass: backlog.seconds < 30 && backlog.failed === 0 });
      details.backlog = backlog;

      // DESIGN.md §6 budgets the page's server time: one connection, so no request waits behind another.
      // The same page under 4 concurrent connections is reported beside it (that figure includes queueing).
      log("agenda page: 1,000 GETs on one connection, then 1,000 on four…");
      const { benchAgendaPage } = await import("./agenda-page");
      const page = await benchAgendaPage({ baseUrl: server.baseUrl, slug: agenda.slug, requests: 1000, connections: 1 });
      rows.push({ metric: "agenda page p95 server time (200 sessions / 300 speakers)", value: page.p95, unit: "ms", budget: "< 50", pass: page.p95 < 50 && page.errors === 0 });
      const pageLoaded = await benchAgendaPage({ baseUrl: server.baseUrl, slug: agenda.slug, requests: 1000, connections: 4 });
      rows.push({ metric: "agenda page p95 with 4 concurrent connections", value: pageLoaded.p95, unit: "ms", budget: "", pass: null });
      details.agenda = { oneConnection: page, fourConnections: pageLoaded };

      // The registration event of the storm below, before its seats go: the page a shared link opens.
      log("event page: 200 concurrent visitors…");
      const { benchEventPage, eventPageRows } = await import("./event-page");
      const eventPage = await benchEventPage({ baseUrl: server.baseUrl, slug: storm.slug, seconds });
      rows.push(...eventPageRows(eventPage));
      details.eventPage = eventPage;

      log("registration storm: 1,000 concurrent submits for 100 seats…");
      const result = await benchRegistrationStorm({ baseUrl: server.baseUrl, slug: storm.slug, submits: 1000, connections: 1000 });
      const counts = stormDatabaseCounts(file, storm.eventId);
      rows.push(
        { metric: "storm: confirmed (1,000 submits, 100 seats)", value: counts.confirmedRows, unit: "", budget: "= 100", pass: counts.confirmedRows === 100 && result.confirmed === 100 },
        { metric: "storm: waitlisted", value: counts.waitlistedRows, unit: "", budget: "= 900", pass: counts.waitlistedRows === 900 && result.waitlisted === 900 },
        { metric: "storm: answers 5xx / errors", value: result.server5xx + result.errors, unit: "", budget: "= 0", pass: result.server5xx + result.errors === 0 },
        {
          metric: "storm: counters = rows",
          value: counts.confirmedCount,
          unit: "",
          budget: "= rows",
          pass: counts.confirmedCount === counts.confirmedRows && counts.waitlistedCount === counts.waitlistedRows,
        },
        { metric: "storm: registrations/s", value: result.perSecond, unit: "/s", budget: "≥ 300", pass: result.perSecond >= 300 },
      );
      details.storm = { ...result, database: counts };
    } finally {
      await server.stop();
      await floorServer.stop();
    }

    log("ticket e-mails: 3,000 rendered with QR and delivered by the sender process…");
    const mail = prepareTicketEmails(mailFile, { count: 3000 });
    const mailResult = await benchTicketEmails({ databaseUrl: `file:${mailFile}`, count: mail.count });
    rows.push(
      { metric: "ticket e-mails: 3,000 delivered (incl. start-up)", value: mailResult.seconds, unit: "s", budget: "< 60", pass: mailResult.delivered === 3000 && mailResult.seconds < 60 },
      { metric: "ticket e-mails per second", value: mailResult.perSecond, unit: "/s", budget: "≥ 50", pass: mailResult.perSecond >= 50 },
    );
    details.emails = mailResult;
    if (mailResult.output) console.error(mailResult.output);

    log("matchmaking: the batch scheduler on 2,000 accepted requests…");
    const { benchScheduler } = await import("./meeting-scheduler");
    const scheduler = benchScheduler();
    rows.push(...scheduler.rows);
    details.scheduler = scheduler.details;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const total = (Date.now() - startedAt) / 1000;
  rows.push({ metric: "whole bench", value: total, unit: "s", budget: "< 300", pass: total < 300 });
  const table = formatTable(rows);
  console.log(table);
  const passed = rows.every((row) => row.pass !== false);
  writeFileSync("bench-results.json", JSON.stringify({ at: new Date().toISOString(), passed, rows, details }, null, 2) + "\n");
  console.log(`\n${passed ? "All budgets met." : "Some budgets missed."} Details in bench-results.json.`);
  process.exitCode = passed ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
