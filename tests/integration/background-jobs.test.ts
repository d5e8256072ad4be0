import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import { enqueueEmail } from "~/models/outbox.server";
import { prisma } from "~/models/store/connection.server";
import { freePort } from "../bench/harness";
import { startSmtp } from "../support/smtp";

/**
 * Issue 12 §12: `npm run worker` runs every background job `npm start` runs (one list, app/server/jobs.ts),
 * and `JOBS=off` makes `npm start` run none, so a separate worker never doubles them.
 */
// Each process is a fresh `tsx` start (several seconds on a busy 2-core machine).
vi.setConfig({ testTimeout: 180_000 });

type Cli = { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>; stop: () => Promise<void> };
const running: Cli[] = [];
afterAll(async () => {
  await Promise.all(running.map((cli) => cli.stop()));
});

/** `npm start` or `npm run worker` as a child process against this test file's own database. */
function runCli(script: "start" | "worker", env: Record<string, string>): Cli {
  const child = spawn(process.execPath, ["--import", "tsx", `app/cli/${script}.ts`], {
    env: { ...process.env, NODE_ENV: "production", SEED_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const cli: Cli = {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`${script} did not print ${pattern}:\n${output}`);
        await sleep(50);
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
  running.push(cli);
  return cli;
}

async function untilHealthy(baseUrl: string, cli: Cli) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (cli.child.exitCode !== null) throw new Error(cli.output());
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // Not listening yet: ask again below.
    }
    if (Date.now() > deadline) throw new Error(`not healthy:\n${cli.output()}`);
    await sleep(200);
  }
}

const jobsLine = /Background jobs: (.+)/;

describe("one list of background jobs", () => {
  it("holds the outbox sender, the day-before reminder and the onboarding reminders, and npm start and the worker both run exactly that list", async () => {
    const { backgroundJobNames } = await import("~/server/jobs");
    expect(backgroundJobNames()).toEqual(expect.arrayContaining(["outbox-sender", "day-before-reminder", "onboarding-reminders"]));
    const worker = runCli("worker", {});
    const server = runCli("start", { PORT: String(await freePort()) });
    const [[, workerJobs], [, serverJobs]] = await Promise.all([worker.waitFor(jobsLine), server.waitFor(jobsLine)]);
    expect(workerJobs.split(", ").sort()).toEqual([...backgroundJobNames()].sort());
    expect(serverJobs).toBe(workerJobs);
    await Promise.all([worker.stop(), server.stop()]);
  });
});

describe("JOBS=off", () => {
  it("npm start runs no job: a queued e-mail stays queued until a worker process delivers it", async () => {
    const smtp = await startSmtp();
    try {
      await enqueueEmail({ kind: "test", to: "jobs-off@example.org", subject: "Queued before start", html: "<p>hi</p>", text: "hi" });
      const port = await freePort();
      const server = runCli("start", { JOBS: "off", PORT: String(port), SMTP_URL: smtp.url, APP_URL: `http://127.0.0.1:${port}` });
      await untilHealthy(`http://127.0.0.1:${port}`, server);
      expect((await server.waitFor(jobsLine))[1]).toMatch(/^none \(JOBS=off/);

      const db = await prisma();
      expect(await db.emailMessage.findFirstOrThrow({ where: { toAddress: "jobs-off@example.org" } })).toMatchObject({ status: "PENDING", attempts: 0 });
      expect(smtp.received).toBe(0);

      const worker = runCli("worker", { SMTP_URL: smtp.url });
      await smtp.waitFor(1, 60_000);
      expect(smtp.messages[0].subject).toBe("Queued before start");
      const deadline = Date.now() + 10_000;
      while ((await db.emailMessage.findFirstOrThrow({ where: { toAddress: "jobs-off@example.org" } })).status !== "SENT") {
        if (Date.now() > deadline) throw new Error("the worker's delivery was not recorded");
        await sleep(50);
      }
      expect(await db.emailMessage.findFirstOrThrow({ where: { toAddress: "jobs-off@example.org" } })).toMatchObject({ status: "SENT", attempts: 1 });
      await Promise.all([worker.stop(), server.stop()]);
      expect(smtp.received).toBe(1);
    } finally {
      await smtp.close();
    }
  });
});
