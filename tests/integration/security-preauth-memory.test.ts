import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { startRealServer, type RunningServer } from "../bench/harness";
import { createEventFixture, tokenFor } from "../support/checkin-fixtures";

/**
 * Issue 12 point 4: a request is authenticated and its declared size compared with the endpoint's own
 * limit before any of its body is read, so oversized uploads cost the server no memory. The real server
 * runs in its own process; its resident memory is read from /proc while 100 uploads of 8 MB arrive at once.
 */
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

const eightMegabytes = Buffer.alloc(8 * 1024 * 1024, "a");
const piece = 64 * 1024;

const residentBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

type Upload = { path: string; headers: Record<string, string>; chunked: boolean; expected: number[] };

/**
 * Sends 8 MB (declared, or chunked without a length) and resolves with the status as soon as the answer
 * arrives, or "none" when the connection ends without one. The server may stop reading and close the
 * connection once it has answered; writing into a closed connection is expected then.
 */
function upload(baseUrl: string, { path, headers, chunked }: Upload): Promise<number | "none"> {
  return new Promise((resolve) => {
    let answered = false;
    const req = httpRequest(`${baseUrl}${path}`, {
      method: "POST",
      headers: chunked ? headers : { ...headers, "Content-Length": String(eightMegabytes.length) },
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on("response", (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", () => {
      if (!answered) resolve("none");
    });
    req.on("close", () => {
      if (!answered) resolve("none");
    });
    void (async () => {
      for (let offset = 0; offset < eightMegabytes.length && !answered && !req.destroyed; offset += piece) {
        if (!req.write(eightMegabytes.subarray(offset, offset + piece))) {
          await new Promise((drained) => {
            req.once("drain", drained);
            req.once("close", drained);
          });
        }
      }
      if (!req.destroyed) req.end();
    })();
  });
}

describe("memory before authentication", () => {
  it("answers 100 parallel 8 MB uploads (unauthenticated, chunked, past the limit) with 4xx and grows by less than 64 MB", async () => {
    const fx = await createEventFixture();
    const token = await tokenFor(fx.event.slug);
    server = await startRealServer({ DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: process.env.SESSION_SECRET!, RATE_LIMIT: "off" });
    const pid = server.process.pid!;
    const json = { "Content-Type": "application/json" };
    const bearer = { ...json, Authorization: `Bearer ${token}` };
    const kinds: [number, Upload][] = [
      [25, { path: "/api/v1/checkin", headers: json, chunked: false, expected: [401] }],
      [15, { path: "/api/v1/checkin", headers: json, chunked: true, expected: [401] }],
      [10, { path: "/api/v1/checkin", headers: bearer, chunked: true, expected: [413] }],
      [10, { path: "/api/v1/checkin/batch", headers: bearer, chunked: false, expected: [413] }],
      [10, { path: `/api/v1/events/${fx.event.slug}/registrations`, headers: json, chunked: true, expected: [413] }],
      [10, { path: "/login", headers: { "Content-Type": "application/x-www-form-urlencoded" }, chunked: false, expected: [413] }],
      [10, { path: `/events/${fx.event.slug}/register`, headers: { "Content-Type": "multipart/form-data; boundary=x" }, chunked: false, expected: [413] }],
      [10, { path: "/login", headers: { "Content-Type": "application/x-www-form-urlencoded" }, chunked: true, expected: [411, 413] }],
    ];
    const uploads = kinds.flatMap(([count, kind]) => Array.from({ length: count }, () => kind));
    expect(uploads).toHaveLength(100);

    // Warm up every path once so that what is measured is the uploads, not first-use compilation.
    for (const [, kind] of kinds) await upload(server.baseUrl, kind);
    await sleep(500);
    const before = residentBytes(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);
    const statuses = await Promise.all(uploads.map((kind) => upload(server!.baseUrl, kind)));
    clearInterval(sampler);
    peak = Math.max(peak, residentBytes(pid));
    const after = residentBytes(pid);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    console.log(`resident memory: before ${mb(before)} MB, peak ${mb(peak)} MB, after ${mb(after)} MB`);

    const unexpected = statuses.flatMap((status, i) => (uploads[i].expected.includes(status as number) ? [] : [`${uploads[i].path} ${uploads[i].chunked ? "chunked" : "declared"}: ${status}`]));
    expect(unexpected).toEqual([]);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);

    // Still serving afterwards.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  }, 180_000);
});
