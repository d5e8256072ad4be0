import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiToken } from "~/models/api-token.server";
import { prisma } from "~/models/store/connection.server";
import { addList, addRegistration, createEventFixture, newNonce, staffUser, tokenFor } from "../support/checkin-fixtures";
import { CookieJar, startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let a: Awaited<ReturnType<typeof createEventFixture>>;
let b: Awaited<ReturnType<typeof createEventFixture>>;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  server = await startTestServer();
  a = await createEventFixture();
  b = await createEventFixture();
  tokenA = await tokenFor(a.event.slug);
  tokenB = await tokenFor(b.event.slug);
});
afterAll(() => server?.close());

type Answer = {
  id: string;
  result: string;
  direction: string;
  conflict: boolean;
  attendee?: { name: string; organization: string; category: { name: string } | null };
  otherEvent?: { title: string; titleEn: string };
  firstCheckIn?: { at: string; list: { id: string; name: string }; deviceId: string };
  error?: { code: string; message: string; fields?: Record<string, string> };
};

async function scan(body: Record<string, unknown>, token = tokenA): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.baseUrl}/api/v1/checkin`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ nonce: newNonce(), ...body }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe("POST /api/v1/checkin: one entry per scan storm (invariant 4)", () => {
  it("admits a ticket once when 24 devices scan it at the same moment; the others see the first check-in", async () => {
    const registration = await addRegistration(a.event.id, { categoryId: a.categories.general.id, name: "王小明" });
    const answers = await Promise.all(Array.from({ length: 24 }, (_, index) => scan({ code: registration.ticketCode, deviceId: `door-${index}` })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const ok = answers.filter((answer) => answer.body.result === "ok");
    const already = answers.filter((answer) => answer.body.result === "already_checked_in");
    expect(ok).toHaveLength(1);
    expect(already).toHaveLength(23);
    expect(ok[0].body.attendee).toMatchObject({ name: "王小明", category: { name: "普通" } });
    const winnerDevice = answers.find((answer) => answer.body.result === "ok")!;
    const winnerIndex = answers.indexOf(winnerDevice);
    for (const answer of already) {
      expect(answer.body.firstCheckIn).toMatchObject({ list: { id: a.mainList.id }, deviceId: `door-${winnerIndex}` });
      expect(answer.body.firstCheckIn!.at).toBe(ok[0].body.firstCheckIn?.at ?? answer.body.firstCheckIn!.at);
    }
    const db = await prisma();
    expect(await db.checkIn.count({ where: { registrationId: registration.id, result: "OK" } })).toBe(1);
    expect(await db.checkIn.count({ where: { registrationId: registration.id } })).toBe(24);
    expect((await db.registration.findUniqueOrThrow({ where: { id: registration.id } })).checkedInAt).not.toBeNull();
  });

  it("returns the first answer again for a re-sent nonce, and stores nothing new", async () => {
    const registration = await addRegistration(a.event.id);
    const nonce = newNonce();
    const first = await scan({ code: registration.ticketCode, nonce, deviceId: "phone-1" });
    const again = await scan({ code: registration.ticketCode, nonce, deviceId: "phone-1" });
    expect(first.body.result).toBe("ok");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, result: "ok" });
    expect(await (await prisma()).checkIn.count({ where: { nonce } })).toBe(1);
    const third = await scan({ code: registration.ticketCode, deviceId: "phone-1" });
    expect(third.body.result).toBe("already_checked_in");
  });

  it("answers 409 when a nonce is replayed with another code", async () => {
    const one = await addRegistration(a.event.id);
    const two = await addRegistration(a.event.id);
    const nonce = newNonce();
    expect((await scan({ code: one.ticketCode, nonce })).body.result).toBe("ok");
    const replay = await scan({ code: two.ticketCode, nonce });
    expect(replay.status).toBe(409);
    expect(replay.body.error?.code).toBe("nonce_reused");
    const still = await scan({ code: two.ticketCode });
    expect(still.body.result).toBe("ok");
  });
});

describe("list rules", () => {
  it("refuses a category the list does not allow, and lets the VIP in", async () => {
    const vipRoom = await addList(a.event.id, { name: "贵宾室", allowedCategoryIds: [a.categories.vip.id] });
    const general = await addRegistration(a.event.id, { categoryId: a.categories.general.id });
    const vip = await addRegistration(a.event.id, { categoryId: a.categories.vip.id });
    expect((await scan({ code: general.ticketCode, list: vipRoom.id })).body.result).toBe("wrong_list");
    expect((await scan({ code: vip.ticketCode, list: vipRoom.id })).body.result).toBe("ok");
    // Lists are independent: the VIP room did not use up the main entrance.
    expect((await scan({ code: vip.ticketCode })).body.result).toBe("ok");
  });

  it("entry/exit without re-entry: in, out, then refused at the second entry", async () => {
    const hall = await addList(a.event.id, { name: "主会场（出入）", mode: "ENTRY_EXIT", allowReentry: false });
    const registration = await addRegistration(a.event.id);
    expect((await scan({ code: registration.ticketCode, list: hall.id })).body.result).toBe("ok");
    const exit = await scan({ code: registration.ticketCode, list: hall.id, direction: "exit" });
    expect(exit.body).toMatchObject({ result: "ok", direction: "exit", wasInside: true });
    expect((await scan({ code: registration.ticketCode, list: hall.id })).body.result).toBe("already_checked_in");
  });

  it("entry/exit with re-entry: in, refused while inside, out, in again", async () => {
    const hall = await addList(a.event.id, { name: "展区", mode: "ENTRY_EXIT", allowReentry: true });
    const registration = await addRegistration(a.event.id);
    expect((await scan({ code: registration.ticketCode, list: hall.id })).body.result).toBe("ok");
    expect((await scan({ code: registration.ticketCode, list: hall.id })).body.result).toBe("already_checked_in");
    expect((await scan({ code: registration.ticketCode, list: hall.id, direction: "exit" })).body.result).toBe("ok");
    expect((await scan({ code: registration.ticketCode, list: hall.id })).body.result).toBe("ok");
    const presence = await (await prisma()).checkInPresence.findUniqueOrThrow({ where: { registrationId_listId: { registrationId: registration.id, listId: hall.id } } });
    expect(presence).toMatchObject({ inside: true, entries: 2 });
  });

  it("rejects an exit on an entry-only list with 422", async () => {
    const registration = await addRegistration(a.event.id);
    const exit = await scan({ code: registration.ticketCode, direction: "exit" });
    expect(exit.status).toBe(422);
    expect(exit.body.error?.code).toBe("exit_not_supported");
  });
});

describe("ticket states and bad input: a defined answer, never a 500", () => {
  it("tells cancelled, pending, waitlisted and unknown tickets apart", async () => {
    const cancelled = await addRegistration(a.event.id, { status: "CANCELLED" });
    const pending = await addRegistration(a.event.id, { status: "PENDING_APPROVAL" });
    const waitlisted = await addRegistration(a.event.id, { status: "WAITLISTED" });
    const otherEvent = await addRegistration(b.event.id);
    expect((await scan({ code: cancelled.ticketCode })).body.result).toBe("cancelled");
    expect((await scan({ code: pending.ticketCode })).body.result).toBe("not_approved");
    expect((await scan({ code: waitlisted.ticketCode })).body.result).toBe("not_approved");
    // A valid ticket of event B is invalid at event A's door; the answer names event B, not the person.
    const atWrongDoor = (await scan({ code: otherEvent.ticketCode })).body;
    expect(atWrongDoor).toMatchObject({ result: "invalid", otherEvent: { title: b.event.title } });
    expect(atWrongDoor.attendee).toBeUndefined();
    expect(JSON.stringify(atWrongDoor)).not.toContain(otherEvent.name);
    expect((await scan({ code: "no-such-ticket" })).body.otherEvent).toBeUndefined();
  });

  it("accepts a code typed in the printed groups of four, with or without the spaces", async () => {
    const registration = await addRegistration(a.event.id, { name: "赵空格" });
    const grouped = registration.ticketCode.match(/.{1,4}/g)!.join(" ");
    expect((await scan({ code: ` ${grouped} ` })).body).toMatchObject({ result: "ok", attendee: { name: "赵空格" } });
    expect((await scan({ code: registration.ticketCode })).body.result).toBe("already_checked_in");
  });

  it("answers garbage codes with invalid, and oversized codes, bodies and bad JSON with 4xx", async () => {
    for (const code of ["'; DROP TABLE CheckIn; --", "💥".repeat(50), "https://evil.example/x?code=nope", "\u0000"]) {
      const answer = await scan({ code });
      expect(answer.status).toBe(200);
      expect(answer.body.result).toBe("invalid");
    }
    expect((await scan({ code: "x".repeat(10_000) })).status).toBe(413);
    expect((await scan({ code: "x".repeat(600) })).status).toBe(422);
    const huge = await fetch(`${server.baseUrl}/api/v1/checkin`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${tokenA}` },
      body: JSON.stringify({ code: "a", nonce: newNonce(), padding: "p".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    const badJson = await fetch(`${server.baseUrl}/api/v1/checkin`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${tokenA}` },
      body: "{not json",
    });
    expect(badJson.status).toBe(400);
    const missing = await scan({ nonce: undefined, code: "abc" });
    expect(missing.status).toBe(422);
    expect(missing.body.error?.fields?.nonce).toBeTruthy();
    expect((await scan({ code: "abc", direction: "sideways" })).status).toBe(422);
    expect((await scan({ code: "abc", list: "no-such-list" })).status).toBe(422);
  });

  it("refuses scan times far in the future or past with 422, and accepts a slightly skewed clock", async () => {
    const registration = await addRegistration(a.event.id);
    const future = await scan({ code: registration.ticketCode, scannedAt: new Date(Date.now() + 60 * 60 * 1000).toISOString() });
    expect(future.status).toBe(422);
    expect(future.body.error?.code).toBe("scanned_at_in_future");
    const past = await scan({ code: registration.ticketCode, scannedAt: "2001-01-01T00:00:00Z" });
    expect(past.status).toBe(422);
    expect(past.body.error?.code).toBe("scanned_at_too_old");
    expect((await scan({ code: registration.ticketCode, scannedAt: "not a date" })).status).toBe(422);
    const skewed = await scan({ code: registration.ticketCode, scannedAt: new Date(Date.now() + 60_000).toISOString() });
    expect(skewed.body.result).toBe("ok");
  });
});

describe("token and session scope (invariant 7)", () => {
  it("gives event A's token 403 on event B's list and stats, 401 when revoked or absent", async () => {
    const registration = await addRegistration(b.event.id);
    const crossed = await scan({ code: registration.ticketCode, list: b.mainList.id }, tokenA);
    expect(crossed.status).toBe(403);
    expect(crossed.body.error?.code).toBe("forbidden");
    expect((await scan({ code: registration.ticketCode, event: b.event.slug }, tokenA)).status).toBe(403);
    const stats = await fetch(`${server.baseUrl}/api/v1/events/${b.event.slug}/checkin/stats`, { headers: { Authorization: `Bearer ${tokenA}` } });
    expect(stats.status).toBe(403);
    expect((await scan({ code: registration.ticketCode }, tokenB)).body.result).toBe("ok");

    const revocable = await tokenFor(a.event.slug);
    expect((await scan({ code: "whatever" }, revocable)).status).toBe(200);
    await revokeApiToken({ id: revocable.slice(0, 10) });
    expect((await scan({ code: "whatever" }, revocable)).status).toBe(401);
    expect((await scan({ code: "whatever" }, "evt_not-a-real-token")).status).toBe(401);
    const anonymous = await fetch(`${server.baseUrl}/api/v1/checkin`, { method: "POST", body: JSON.stringify({ code: "x", nonce: newNonce() }) });
    expect(anonymous.status).toBe(401);
  });

  it("lets a signed-in check-in staff member scan for their event only", async () => {
    const staff = await staffUser(a.event.slug);
    const jar = new CookieJar();
    const login = await jar.fetch(`${server.baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: staff.email, password: staff.password, redirectTo: "/checkin" }),
    });
    expect(login.status).toBe(302);
    const own = await addRegistration(a.event.id);
    const foreign = await addRegistration(b.event.id);
    const post = (body: Record<string, unknown>) =>
      jar.fetch(`${server.baseUrl}/api/v1/checkin`, { method: "POST", headers: { "Content-Type": "application/json", Origin: server.baseUrl }, body: JSON.stringify({ nonce: newNonce(), ...body }) });
    const ok = await post({ code: own.ticketCode, event: a.event.slug, deviceId: "staff-phone" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Answer).result).toBe("ok");
    expect((await post({ code: foreign.ticketCode, event: b.event.slug })).status).toBe(403);
    expect((await post({ code: foreign.ticketCode, list: b.mainList.id })).status).toBe(403);
    // A session names no event by itself.
    expect((await post({ code: own.ticketCode })).status).toBe(422);
    const stored = await (await prisma()).checkIn.findFirstOrThrow({ where: { registrationId: own.id } });
    expect(stored.staffUserId).not.toBeNull();
  });
});
