import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/models/store/connection.server";
import { startRealServer, type RunningServer } from "../bench/harness";
import { addRegistration, createEventFixture, newNonce, tokenFor } from "../support/checkin-fixtures";
import { untilOutboxIdle } from "../support/outbox";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { startSmtp, type TestSmtp } from "../support/smtp";

/**
 * DESIGN.md §4.6: acknowledged writes survive a crash. The real server runs in its own process; a
 * registration storm and a check-in storm hit it; it is SIGKILLed mid-storm and started again on the same
 * file. Everything answered 2xx must be there, counters must equal the rows they count, and every queued
 * e-mail must be delivered (once) by the restarted server.
 */
let server: RunningServer | undefined;
let smtp: TestSmtp | undefined;
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

type AckedRegistration = { id: string; status: string };
type AckedScan = { nonce: string; code: string; result: string; id: string };

describe("crash safety", () => {
  it("keeps every acknowledged registration and check-in through a SIGKILL, and delivers every queued e-mail after restart", async () => {
    const { event: regEvent, slug } = await createRegistrationEvent({ capacity: 40, waitlistEnabled: true });
    const fx = await createEventFixture();
    const tickets: { ticketCode: string }[] = [];
    for (let i = 0; i < 80; i++) tickets.push(await addRegistration(fx.event.id));
    const token = await tokenFor(fx.event.slug);

    const env = { DATABASE_URL: process.env.DATABASE_URL!, RATE_LIMIT: "off", SESSION_SECRET: process.env.SESSION_SECRET! };
    const t0 = Date.now();
    const mark = (what: string) => console.log(`crash test: ${what} at ${Date.now() - t0} ms`);
    server = await startRealServer(env);
    mark("server up");
    const baseUrl = server.baseUrl;

    const registrations: AckedRegistration[] = [];
    const scans: AckedScan[] = [];
    let stop = false;
    let seq = 0;
    const registerLoop = async () => {
      while (!stop) {
        const i = seq++;
        try {
          const response = await fetch(`${baseUrl}/api/v1/events/${slug}/registrations`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ name: `崩溃测试${i}`, email: `crash${i}@example.org`, organization: "示例单位", consent: true }),
          });
          const body = (await response.json()) as { registration?: { id: string; status: string } };
          expect(response.status).toBeLessThan(500);
          if (response.status === 201 && body.registration) registrations.push(body.registration);
        } catch (error) {
          if (!stop) throw error;
        }
      }
    };
    const scanLoop = async (device: number) => {
      while (!stop) {
        const code = tickets[Math.floor(Math.random() * tickets.length)].ticketCode;
        const nonce = newNonce();
        try {
          const response = await fetch(`${baseUrl}/api/v1/checkin`, {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
            body: JSON.stringify({ code, nonce, deviceId: `crash-${device}` }),
          });
          const body = (await response.json()) as { id: string; result: string };
          expect(response.status).toBeLessThan(500);
          if (response.ok) scans.push({ nonce, code, result: body.result, id: body.id });
        } catch (error) {
          if (!stop) throw error;
        }
      }
    };
    const loops = [...Array.from({ length: 12 }, registerLoop), ...Array.from({ length: 12 }, (_, device) => scanLoop(device))];
    const loopsDone = Promise.allSettled(loops);

    // Kill mid-storm: once a fair number of writes were acknowledged, while requests are still in flight.
    const deadline = Date.now() + 20_000;
    while ((registrations.length < 30 || scans.length < 60) && Date.now() < deadline) await sleep(20);
    stop = true; // from here on a failed request is expected: the process is gone
    server.process.kill("SIGKILL");
    await new Promise((resolve) => server!.process.once("exit", resolve));
    const settled = await loopsDone;
    expect(settled.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    expect(registrations.length).toBeGreaterThanOrEqual(30);
    expect(scans.length).toBeGreaterThanOrEqual(60);

    mark(`killed after ${registrations.length} registrations and ${scans.length} scans acknowledged`);
    // Start again on the same file, now with a real SMTP server: the outbox must drain.
    smtp = await startSmtp();
    server = await startRealServer({ ...env, SMTP_URL: smtp.url });

    mark("restarted");
    const db = await prisma();
    // Every acknowledged registration is there, in the state the client was told.
    const rows = await db.registration.findMany({ where: { eventId: regEvent.id }, select: { id: true, status: true } });
    const byId = new Map(rows.map((row) => [row.id, row.status.toLowerCase()]));
    for (const acked of registrations) expect(byId.get(acked.id), `registration ${acked.id}`).toBe(acked.status);
    // Counters equal the rows they count, and no place was sold twice.
    const counters = await db.event.findUniqueOrThrow({ where: { id: regEvent.id } });
    const confirmed = rows.filter((row) => row.status === "CONFIRMED").length;
    const waitlisted = rows.filter((row) => row.status === "WAITLISTED").length;
    expect(counters.confirmedCount).toBe(confirmed);
    expect(counters.waitlistedCount).toBe(waitlisted);
    expect(confirmed).toBeLessThanOrEqual(40);
    expect(confirmed).toBe(Math.min(40, rows.length));

    // Every acknowledged scan is there with the answer the device got; one entry per ticket.
    const checkIns = await db.checkIn.findMany({ where: { eventId: fx.event.id } });
    const byNonce = new Map(checkIns.map((row) => [row.nonce, row]));
    for (const acked of scans) {
      const row = byNonce.get(acked.nonce);
      expect(row, `scan ${acked.nonce}`).toBeDefined();
      expect(row!.id).toBe(acked.id);
      expect(row!.result.toLowerCase()).toBe(acked.result);
    }
    const presence = await db.checkInPresence.findMany({ where: { list: { eventId: fx.event.id } } });
    const admitted = checkIns.filter((row) => row.result === "OK");
    expect(presence.reduce((sum, row) => sum + row.entries, 0)).toBe(admitted.length);
    expect(new Set(admitted.map((row) => row.registrationId)).size).toBe(admitted.length);
    for (const row of presence.filter((candidate) => candidate.entries > 0)) {
      expect(admitted.find((checkIn) => checkIn.id === row.firstCheckInId)?.registrationId).toBe(row.registrationId);
    }
    const checkedIn = await db.registration.count({ where: { eventId: fx.event.id, checkedInAt: { not: null } } });
    expect(checkedIn).toBe(admitted.length);

    // Every registration has its one e-mail queued, and the restarted server delivers each exactly once.
    const messages = await db.emailMessage.findMany({ where: { eventId: regEvent.id }, select: { id: true, registrationId: true } });
    expect(messages.length).toBe(rows.length);
    expect(new Set(messages.map((message) => message.registrationId)).size).toBe(rows.length);
    const sendDeadline = Date.now() + 40_000;
    while (Date.now() < sendDeadline) {
      const open = await db.emailMessage.count({ where: { eventId: regEvent.id, status: { not: "SENT" } } });
      if (open === 0 && smtp.received >= messages.length) break;
      await sleep(200);
    }
    mark(`${smtp.received} e-mails delivered`);
    await untilOutboxIdle(regEvent.id);
    const delivered = smtp.messages.map((mail) => mail.messageId);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.sort()).toEqual(messages.map((message) => `<${message.id}@outbox.local>`).sort());

    // And the restarted server keeps the capacity guard.
    const after = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "重启之后", email: "after-restart@example.org", organization: "示例单位", consent: true }),
    });
    expect(after.status).toBe(201);
    expect(((await after.json()) as { registration: { status: string } }).registration.status).toBe(rows.length >= 40 ? "waitlisted" : "confirmed");
  }, 110_000);
});
