import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { freePort } from "./harness";

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; total: number; errors: number; non2xx: number };

export function summarize(result: autocannon.Result): LoadResult {
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * The floor the check-in endpoint is compared with: bare node:http parsing a small JSON body and one
 * better-sqlite3 INSERT per request (WAL, synchronous=NORMAL: no fsync per request), no framework, no
 * auth, no rules. What the app reaches relative to this is reported as a ratio.
 */
function serve(file: string, port: number) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE IF NOT EXISTS scan (id TEXT PRIMARY KEY, code TEXT NOT NULL, nonce TEXT NOT NULL UNIQUE, at TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO scan (id, code, nonce, at) VALUES (?, ?, ?, ?)");
  createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { code: string; nonce: string };
        insert.run(randomUUID(), body.code, body.nonce, new Date().toISOString());
        response.writeHead(200, { "Content-Type": "application/json" }).end('{"result":"ok"}');
      } catch {
        response.writeHead(400).end();
      }
    });
  }).listen(port, "127.0.0.1", () => console.log("READY"));
}

export async function startFloorServer(file: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", file, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve());
    child.once("exit", (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(3000)]);
    },
  };
}

export async function benchFloor({ baseUrl, seconds = 10, connections = 32 }: { baseUrl: string; seconds?: number; connections?: number }): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/",
        headers: { "Content-Type": "application/json" },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ code: randomUUID(), nonce: randomUUID() }) }),
      },
    ],
  });
  return summarize(result);
}

if (process.argv[2] === "--serve") serve(process.argv[3], Number(process.argv[4]));
