import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** One line of the bench table. `pass` is null for figures reported without a budget. */
export type BenchRow = { metric: string; value: number; unit: string; budget: string; pass: boolean | null; note?: string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = { baseUrl: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * The real server as `npm start` runs it (built app, production mode) on a loopback port, in its own
 * process, so the load generator and the server do not share an event loop.
 */
export async function startRealServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.SERVER_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SERVER_PROF}`] : []), "--import", "tsx", "app/cli/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", SEED_DEMO: "false", ...env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // Not listening yet: ask again below.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server did not become healthy:\n${output}`);
    }
    await sleep(200);
  }
  return {
    baseUrl,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(5000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

export function formatTable(rows: BenchRow[]): string {
  const header = ["metric", "value", "budget", "result"];
  const lines = rows.map((row) => [
    row.metric,
    `${Number.isInteger(row.value) ? row.value : row.value.toFixed(1)} ${row.unit}`.trim(),
    row.budget,
    row.pass === null ? "info" : row.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((_, column) => Math.max(header[column].length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ");
  return [format(header), widths.map((width) => "-".repeat(width)).join("-|-"), ...lines.map(format)].join("\n");
}

/** The run whose `key` is the median of the runs' (an odd number of runs gives a run that happened). */
export function medianBy<T>(runs: T[], key: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor(sorted.length / 2)]!;
}
