import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackgroundJobs } from "~/server/background";
import "~/server/registration-jobs";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";

/**
 * Issue 12 §12: Idempotency-Key records live 24 hours. A replay after that is a new request, and a
 * background job deletes the expired rows.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const hourMs = 3_600_000;

function registerWithKey(slug: string, body: Record<string, unknown>, key: string) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify(body),
  });
}

async function dateBack(key: string, slugEventId: string, hours: number) {
  await (await prisma()).idempotencyRecord.update({ where: { key: `registration:${slugEventId}:${key}` }, data: { createdAt: new Date(Date.now() - hours * hourMs) } });
}

describe("Idempotency-Key records expire after 24 hours", () => {
  it("replays the first answer within 24 hours and treats the key as new after them", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    const key = `key-${randomBytes(4).toString("hex")}`;
    const first = await registerWithKey(slug, person(1), key);
    expect(first.status).toBe(201);
    const firstId = ((await first.json()) as { registration: { id: string } }).registration.id;

    await dateBack(key, event.id, 23);
    const replay = await registerWithKey(slug, person(1), key);
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as { registration: { id: string } }).registration.id).toBe(firstId);
    expect((await registerWithKey(slug, person(2), key)).status).toBe(409);

    await dateBack(key, event.id, 25);
    const fresh = await registerWithKey(slug, person(2), key);
    expect(fresh.status).toBe(201);
    const freshId = ((await fresh.json()) as { registration: { id: string } }).registration.id;
    expect(freshId).not.toBe(firstId);
    // The new answer is what the key replays from now on.
    const again = await registerWithKey(slug, person(2), key);
    expect(((await again.json()) as { registration: { id: string } }).registration.id).toBe(freshId);
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("deletes expired records in a background job and keeps the fresh ones", async () => {
    const db = await prisma();
    const stamp = randomBytes(4).toString("hex");
    const row = (name: string, hoursAgo: number) => ({ key: `registration:job-${stamp}:${name}`, scope: "s", status: 201, body: "{}", createdAt: new Date(Date.now() - hoursAgo * hourMs) });
    await db.idempotencyRecord.createMany({ data: [row("old", 25), row("older", 24 * 30), row("fresh", 1), row("almost", 23.5)] });
    const stop = startBackgroundJobs();
    try {
      const remaining = async () =>
        (await db.idempotencyRecord.findMany({ where: { key: { startsWith: `registration:job-${stamp}:` } }, orderBy: { key: "asc" } })).map((record) => record.key.split(":").pop());
      const deadline = Date.now() + 20_000;
      while ((await remaining()).length > 2 && Date.now() < deadline) await sleep(100);
      expect(await remaining()).toEqual(["almost", "fresh"]);
    } finally {
      stop();
    }
  });
});
