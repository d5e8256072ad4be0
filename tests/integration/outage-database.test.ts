import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/models/user.server";
import { databasePath } from "~/utils/env.server";
import { prisma } from "~/models/store/connection.server";
import { startRealServer, type RunningServer } from "../bench/harness";
import { addRegistration, createEventFixture, tokenFor } from "../support/checkin-fixtures";
import { createRegistrationEvent } from "../support/registration-fixtures";

/**
 * Issue 7 §3, database busy: another connection holds the write lock (BEGIN IMMEDIATE). Requests wait
 * (busy_timeout) and succeed when the lock goes within it; beyond it they get a clear 503 with Retry-After,
 * never a 500 and never a half write; the same request retried afterwards is stored exactly once.
 */
let server: RunningServer;
let slug: string;
let eventId: string;
let checkinSlug: string;
let codes: string[];
let token: string;

beforeAll(async () => {
  ({
    slug,
    event: { id: eventId },
  } = await createRegistrationEvent({ capacity: 100 }));
  const fx = await createEventFixture();
  checkinSlug = fx.event.slug;
  codes = [];
  for (let i = 0; i < 3; i++) codes.push((await addRegistration(fx.event.id)).ticketCode);
  token = await tokenFor(checkinSlug);
  await createUser({ email: "busy-staff@example.org", name: "忙碌", password: "busy-password-2025" });
  server = await startRealServer({ DATABASE_URL: process.env.DATABASE_URL!, RATE_LIMIT: "off", SESSION_SECRET: process.env.SESSION_SECRET! });
}, 120_000);
afterAll(() => server?.stop());

function holdWriteLock(ms: number) {
  const lock = new Database(databasePath(process.env.DATABASE_URL!));
  lock.exec("BEGIN IMMEDIATE");
  return new Promise<void>((resolve) =>
    setTimeout(() => {
      lock.exec("COMMIT");
      lock.close();
      resolve();
    }, ms),
  );
}

const registerRequest = (i: number, key: string) =>
  fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify({ name: `忙碌${i}`, email: `busy${i}@example.org`, organization: "示例单位", consent: true }),
  });
const scanRequest = (code: string, nonce: string) =>
  fetch(`${server.baseUrl}/api/v1/checkin`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ code, nonce, deviceId: "busy-test" }),
  });

describe("database busy", () => {
  it("waits while another connection holds the write lock briefly, then stores the writes", async () => {
    const released = holdWriteLock(1500);
    const [registration, scan] = await Promise.all([registerRequest(1, randomUUID()), scanRequest(codes[0], randomUUID())]);
    await released;
    expect(registration.status).toBe(201);
    expect(scan.status).toBe(200);
    expect(((await scan.json()) as { result: string }).result).toBe("ok");
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId, email: "busy1@example.org" } })).toBe(1);
  }, 30_000);

  it("answers 503 with Retry-After and a message when the lock outlasts busy_timeout; nothing half-written; a retry stores it once", async () => {
    const key = randomUUID();
    const nonce = randomUUID();
    // Each refused request blocks the server for busy_timeout (5 s), so hold the lock for all three.
    const released = holdWriteLock(17_000);
    const registration = await registerRequest(2, key);
    const scan = await scanRequest(codes[1], nonce);
    // A Prisma write (the sign-in's new session) maps the same way.
    const login = await fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams({ email: "busy-staff@example.org", password: "busy-password-2025" }), redirect: "manual" });
    expect(login.status).toBe(503);
    expect(Number(login.headers.get("Retry-After"))).toBeGreaterThan(0);
    for (const response of [registration, scan]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("busy");
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    await released;
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId, email: "busy2@example.org" } })).toBe(0);
    expect(await db.emailMessage.count({ where: { eventId, toAddress: "busy2@example.org" } })).toBe(0);
    expect(await db.checkIn.count({ where: { nonce } })).toBe(0);
    expect(await db.authSession.count()).toBe(0);
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).confirmedCount).toBe(1);

    // The client retries the very same requests: stored exactly once.
    expect((await registerRequest(2, key)).status).toBe(201);
    expect((await registerRequest(2, key)).status).toBe(201);
    expect((await scanRequest(codes[1], nonce)).status).toBe(200);
    expect((await scanRequest(codes[1], nonce)).status).toBe(200);
    expect(await db.registration.count({ where: { eventId, email: "busy2@example.org" } })).toBe(1);
    expect(await db.emailMessage.count({ where: { eventId, toAddress: "busy2@example.org" } })).toBe(1);
    expect(await db.checkIn.count({ where: { nonce } })).toBe(1);
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).confirmedCount).toBe(2);
  }, 90_000);

  it("reports the database in /healthz", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });
});
