import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scanTicket, type ScanInput } from "~/models/checkin-scan.server";
import { checkInWriterThreadId, startCheckInWriter, stopCheckInWriter } from "~/models/checkin-writer.server";
import { prisma } from "~/models/store/connection.server";
import { addRegistration, createEventFixture, newNonce, tokenFor } from "../support/checkin-fixtures";
import { startTestServer } from "../support/server";

let fixture: Awaited<ReturnType<typeof createEventFixture>>;

beforeAll(async () => {
  fixture = await createEventFixture();
});
afterAll(() => stopCheckInWriter());

async function scanOf(registration: { ticketCode: string }, nonce = newNonce()): Promise<Awaited<ReturnType<typeof scanTicket>>> {
  const input: ScanInput = {
    eventId: fixture.event.id,
    listId: fixture.mainList.id,
    code: registration.ticketCode,
    direction: "entry",
    nonce,
    scannedAt: new Date(),
    deviceId: "door-1",
    offline: false,
  };
  return scanTicket(input);
}

async function stormOf(registration: { ticketCode: string }, scans = 24) {
  const outcomes = await Promise.all(Array.from({ length: scans }, () => scanOf(registration)));
  return outcomes.map((outcome) => (outcome.ok ? outcome.answer.result : outcome.code));
}

describe("the check-in writer thread", () => {
  it("decides scans on a thread of its own; the answer comes after the check-in is stored", async () => {
    const registration = await addRegistration(fixture.event.id);
    const outcome = await scanOf(registration);
    expect(outcome.ok && outcome.answer.result).toBe("ok");
    expect(checkInWriterThreadId()).not.toBeNull();
    // Read through the server's own connection: the writer's commit is visible the moment it answered.
    const stored = await (await prisma()).checkIn.count({ where: { registrationId: registration.id, result: "OK" } });
    expect(stored).toBe(1);
    const results = await stormOf(await addRegistration(fixture.event.id));
    expect(results.filter((result) => result === "ok")).toHaveLength(1);
    expect(results.filter((result) => result === "already_checked_in")).toHaveLength(23);
  });

  it("starts a new thread after the old one stopped, and a re-sent scan still replays its first answer", async () => {
    const registration = await addRegistration(fixture.event.id);
    const nonce = newNonce();
    const first = await scanOf(registration, nonce);
    const before = checkInWriterThreadId();
    await stopCheckInWriter();
    expect(checkInWriterThreadId()).toBeNull();
    const again = await scanOf(registration, nonce);
    expect(checkInWriterThreadId()).not.toBeNull();
    expect(checkInWriterThreadId()).not.toBe(before);
    expect(again.ok && again.answer.replayed).toBe(true);
    expect(again.ok && first.ok && again.answer.id).toBe(first.ok && first.answer.id);
  });

  it("replaces a thread that stops answering: its scan answers 503, and the same scan sent again goes through", async () => {
    await stopCheckInWriter();
    startCheckInWriter({ entry: resolve("tests/support/stuck-writer.worker.ts"), answerWithinMs: 500 });
    await vi.waitFor(() => expect(checkInWriterThreadId()).not.toBeNull(), { timeout: 10_000 });
    const stuck = checkInWriterThreadId();
    const registration = await addRegistration(fixture.event.id);
    const nonce = newNonce();
    await expect(scanOf(registration, nonce)).rejects.toMatchObject({ status: 503, code: "busy" });
    const again = await scanOf(registration, nonce);
    expect(again.ok && again.answer.result).toBe("ok");
    expect(again.ok && again.answer.replayed).toBeUndefined();
    expect(checkInWriterThreadId()).not.toBeNull();
    expect(checkInWriterThreadId()).not.toBe(stuck);
  });

  // Last: a writer that cannot start switches this process to the server thread for good. The thread is
  // started by this module's copy and the scans come through the real server's (the Remix build's) copy,
  // as with `npm start`.
  it("decides scans on the server thread, still exactly once, when the thread cannot start", async () => {
    const server = await startTestServer();
    const token = await tokenFor(fixture.event.slug);
    await stopCheckInWriter();
    startCheckInWriter({ entry: "/nonexistent/checkin-writer.worker.ts" });
    const registration = await addRegistration(fixture.event.id);
    const answers = await Promise.all(
      Array.from({ length: 24 }, async () => {
        const response = await fetch(`${server.baseUrl}/api/v1/checkin`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ code: registration.ticketCode, nonce: newNonce() }),
        });
        return { status: response.status, result: ((await response.json()) as { result?: string }).result };
      }),
    );
    await server.close();
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const results = answers.map((answer) => answer.result);
    expect(results.filter((result) => result === "ok")).toHaveLength(1);
    expect(results.filter((result) => result === "already_checked_in")).toHaveLength(23);
    expect(checkInWriterThreadId()).toBeNull();
    const later = await scanOf(await addRegistration(fixture.event.id));
    expect(later.ok && later.answer.result).toBe("ok");
  });
});
