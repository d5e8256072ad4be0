import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInStats, latestScans } from "~/models/checkin-dashboard.server";
import { ticketKey } from "~/models/checkin-offline-index.server";
import { undoCheckIn } from "~/models/checkin-undo.server";
import { listAudit } from "~/models/audit.server";
import { prisma } from "~/models/store/connection.server";
import { addList, addRegistration, createEventFixture, newNonce, staffUser, tokenFor } from "../support/checkin-fixtures";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createEventFixture>>;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  fx = await createEventFixture();
  token = await tokenFor(fx.event.slug);
});
afterAll(() => server?.close());

type Item = { nonce: string; result?: string; conflict?: boolean; firstCheckIn?: { deviceId: string }; error?: { code: string } };

async function post(path: string, body: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { results: Item[]; result?: string; id?: string } };
}
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe("offline reconciliation", () => {
  it("replays a device's queue in scan-time order and keeps a second device's duplicate as a conflict", async () => {
    const shared = await addRegistration(fx.event.id, { name: "李雷" });
    const onlyOffline = await addRegistration(fx.event.id);
    const cancelled = await addRegistration(fx.event.id, { status: "CANCELLED" });

    // Device A was online and admitted the ticket first.
    expect((await post("/api/v1/checkin", { code: shared.ticketCode, nonce: newNonce(), deviceId: "door-A", scannedAt: minutesAgo(30) })).body.result).toBe("ok");

    // Device B was offline, let the same person in a bit later, and scanned two more tickets; sent out of order.
    const queue = [
      { code: onlyOffline.ticketCode, nonce: newNonce(), scannedAt: minutesAgo(5) },
      { code: shared.ticketCode, nonce: newNonce(), scannedAt: minutesAgo(20) },
      { code: cancelled.ticketCode, nonce: newNonce(), scannedAt: minutesAgo(10) },
      { code: onlyOffline.ticketCode, nonce: newNonce(), scannedAt: minutesAgo(4) },
      { code: "garbage", nonce: newNonce(), scannedAt: minutesAgo(3) },
      { code: onlyOffline.ticketCode, nonce: newNonce(), scannedAt: "2020-01-01T00:00:00Z" },
    ];
    const upload = await post("/api/v1/checkin/batch", { event: fx.event.slug, deviceId: "door-B", scans: queue });
    expect(upload.status).toBe(200);
    const results = upload.body.results;
    expect(results.map((item) => item.nonce)).toEqual(queue.map((scan) => scan.nonce));
    expect(results[1]).toMatchObject({ result: "already_checked_in", conflict: true, firstCheckIn: { deviceId: "door-A" } });
    expect(results[0]).toMatchObject({ result: "ok", conflict: false });
    // Applied in scan-time order: the earlier scan of the same ticket won, the later one is a duplicate from the same device.
    expect(results[3]).toMatchObject({ result: "already_checked_in", conflict: false });
    expect(results[2].result).toBe("cancelled");
    expect(results[4].result).toBe("invalid");
    expect(results[5].error?.code).toBe("scanned_at_too_old");

    // Re-uploading the same queue (the answer got lost) changes nothing.
    const again = await post("/api/v1/checkin/batch", { event: fx.event.slug, deviceId: "door-B", scans: queue });
    expect(again.body.results.map((item) => item.result ?? item.error?.code)).toEqual(results.map((item) => item.result ?? item.error?.code));
    expect(await (await prisma()).checkIn.count({ where: { registrationId: onlyOffline.id } })).toBe(2);

    const conflicts = await latestScans(fx.event.id, { conflictsOnly: true });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ deviceId: "door-B", offline: true, attendee: { name: "李雷" } });
    expect((await checkInStats(fx.event.id)).conflicts).toBe(1);
  });

  it("reconciles 2,400 queued scans from 10 devices with exactly one entry per ticket", async () => {
    const other = await createEventFixture();
    const otherToken = await tokenFor(other.event.slug);
    const tickets = await Promise.all(Array.from({ length: 600 }, () => addRegistration(other.event.id)));
    const started = Date.now();
    const uploads = Array.from({ length: 10 }, (_, device) => {
      const scans = Array.from({ length: 240 }, (_, index) => ({
        code: tickets[(device * 240 + index) % 600].ticketCode,
        nonce: newNonce(),
        scannedAt: new Date(Date.now() - 60 * 60_000 + (device * 240 + index) * 1000).toISOString(),
      }));
      const upload = () =>
        fetch(`${server.baseUrl}/api/v1/checkin/batch`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${otherToken}` },
          body: JSON.stringify({ event: other.event.slug, deviceId: `device-${device}`, scans }),
        });
      // Like the scanner, a device re-sends its queue when the connection drops; the nonces make that safe.
      return upload()
        .catch(upload)
        .then(async (response) => ({ status: response.status, body: (await response.json()) as { results: Item[] } }));
    });
    const answers = await Promise.all(uploads);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const all = answers.flatMap((answer) => answer.body.results);
    expect(all).toHaveLength(2400);
    expect(all.filter((item) => item.result === "ok")).toHaveLength(600);
    const stats = await checkInStats(other.event.id);
    expect(stats).toMatchObject({ registered: 600, checkedIn: 600, inside: 600 });
  });
});

describe("stats, offline index, search and undo", () => {
  it("counts registered, checked in, inside, per list, per category and per quarter hour", async () => {
    const ev = await createEventFixture();
    const evToken = await tokenFor(ev.event.slug);
    const hall = await addList(ev.event.id, { name: "分会场", mode: "ENTRY_EXIT", allowReentry: true });
    const vip = await Promise.all([1, 2].map(() => addRegistration(ev.event.id, { categoryId: ev.categories.vip.id })));
    const general = await Promise.all([1, 2, 3].map(() => addRegistration(ev.event.id, { categoryId: ev.categories.general.id })));
    await addRegistration(ev.event.id, { status: "CANCELLED", categoryId: ev.categories.general.id });
    const scanAt = (code: string, list: string, direction: "entry" | "exit", scannedAt: string) =>
      fetch(`${server.baseUrl}/api/v1/checkin`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${evToken}` },
        body: JSON.stringify({ code, list, direction, scannedAt, nonce: newNonce() }),
      }).then((response) => response.json() as Promise<{ result: string }>);
    const base = new Date();
    base.setUTCMinutes(Math.floor(base.getUTCMinutes() / 15) * 15, 0, 0);
    const at = (minutes: number) => new Date(base.getTime() - minutes * 60_000 + 1000).toISOString();
    expect((await scanAt(vip[0].ticketCode, ev.mainList.id, "entry", at(30))).result).toBe("ok");
    expect((await scanAt(vip[1].ticketCode, ev.mainList.id, "entry", at(30))).result).toBe("ok");
    expect((await scanAt(general[0].ticketCode, ev.mainList.id, "entry", at(15))).result).toBe("ok");
    expect((await scanAt(general[0].ticketCode, hall.id, "entry", at(15))).result).toBe("ok");
    expect((await scanAt(general[0].ticketCode, hall.id, "exit", at(0))).result).toBe("ok");
    const response = await fetch(`${server.baseUrl}/api/v1/events/${ev.event.slug}/checkin/stats`, { headers: { Authorization: `Bearer ${evToken}` } });
    expect(response.status).toBe(200);
    const stats = (await response.json()) as Awaited<ReturnType<typeof checkInStats>>;
    expect(stats).toMatchObject({ registered: 5, checkedIn: 3, inside: 3 });
    expect(stats.byList.find((list) => list.id === ev.mainList.id)).toMatchObject({ checkedIn: 3, inside: 3 });
    expect(stats.byList.find((list) => list.id === hall.id)).toMatchObject({ checkedIn: 1, inside: 0 });
    expect(stats.byCategory.find((category) => category.id === ev.categories.vip.id)).toMatchObject({ registered: 2, checkedIn: 2 });
    expect(stats.byCategory.find((category) => category.id === ev.categories.general.id)).toMatchObject({ registered: 3, checkedIn: 1 });
    expect(stats.byQuarterHour).toEqual([
      { start: new Date(base.getTime() - 30 * 60_000).toISOString(), count: 2 },
      { start: new Date(base.getTime() - 15 * 60_000).toISOString(), count: 2 },
    ]);

    const index = await fetch(`${server.baseUrl}/api/v1/events/${ev.event.slug}/checkin/index`, { headers: { Authorization: `Bearer ${evToken}` } });
    const body = (await index.json()) as { tickets: { k: string; s: string; n: string; e: string[] }[] };
    const text = JSON.stringify(body);
    expect(body.tickets).toHaveLength(6);
    for (const registration of [...vip, ...general]) {
      expect(text).not.toContain(registration.ticketCode);
      expect(text).not.toContain(registration.email);
      expect(text).not.toContain(registration.name);
    }
    expect(body.tickets.find((ticket) => ticket.k === ticketKey(vip[0].ticketCode))).toMatchObject({ s: "v", e: [ev.mainList.id] });
    expect(body.tickets.find((ticket) => ticket.k === ticketKey(general[1].ticketCode))).toMatchObject({ s: "v", e: [] });
  });

  it("finds attendees by name, phone and organization for staff of the event only", async () => {
    const ev = await createEventFixture();
    const evToken = await tokenFor(ev.event.slug);
    await addRegistration(ev.event.id, { name: "韩梅梅", organization: "北辰数据", phone: "13800001234" });
    const search = (q: string, bearer = evToken) =>
      fetch(`${server.baseUrl}/api/v1/events/${ev.event.slug}/checkin/search?q=${encodeURIComponent(q)}`, { headers: { Authorization: `Bearer ${bearer}` } });
    // One character is a surname: 韩 finds 韩梅梅 (it was refused as too short).
    for (const q of ["韩", "韩梅", "北辰", "1234"]) {
      const found = (await (await search(q)).json()) as { attendees: { name: string; phone: string }[] };
      expect(found.attendees.map((attendee) => attendee.name)).toEqual(["韩梅梅"]);
      expect(found.attendees[0].phone).toBe("*******1234");
    }
    expect((await search(" ", evToken)).status).toBe(422);
    expect((await search("韩梅", token)).status).toBe(403);
  });

  it("lets an organizer undo a mistaken check-in, audited, after which the ticket can enter again", async () => {
    const registration = await addRegistration(fx.event.id);
    const first = await post("/api/v1/checkin", { code: registration.ticketCode, nonce: newNonce(), deviceId: "door-A" });
    expect(first.body.result).toBe("ok");
    const organizer = await (await prisma()).user.create({ data: { email: `org-${Date.now()}@example.org`, name: "组织者" } });
    await undoCheckIn({ eventId: fx.event.id, checkInId: first.body.id!, actorUserId: organizer.id });
    await expect(undoCheckIn({ eventId: fx.event.id, checkInId: first.body.id!, actorUserId: organizer.id })).rejects.toMatchObject({ status: 409 });
    const other = await createEventFixture();
    await expect(undoCheckIn({ eventId: other.event.id, checkInId: first.body.id!, actorUserId: organizer.id })).rejects.toMatchObject({ status: 404 });
    expect((await (await prisma()).registration.findUniqueOrThrow({ where: { id: registration.id } })).checkedInAt).toBeNull();
    const entries = await listAudit({ action: "checkin.undone", eventId: fx.event.id });
    expect(entries.map((entry) => entry.targetId)).toContain(first.body.id);
    expect((await post("/api/v1/checkin", { code: registration.ticketCode, nonce: newNonce() })).body.result).toBe("ok");
  });

  it("keeps staff of one event out of another event's stats when signed in", async () => {
    const ev = await createEventFixture();
    const staff = await staffUser(fx.event.slug);
    const { CookieJar } = await import("../support/server");
    const jar = new CookieJar();
    await jar.fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams({ email: staff.email, password: staff.password }) });
    expect((await jar.fetch(`${server.baseUrl}/api/v1/events/${fx.event.slug}/checkin/stats`)).status).toBe(200);
    expect((await jar.fetch(`${server.baseUrl}/api/v1/events/${ev.event.slug}/checkin/stats`)).status).toBe(403);
    expect((await jar.fetch(`${server.baseUrl}/api/v1/events/${ev.event.slug}/checkin/index`)).status).toBe(403);
  });
});
