import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/models/store/connection.server";
import { createUser, grantRole } from "~/models/user.server";
import { CookieJar, startTestServer } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * The organizers' matchmaking tab over HTTP (issue 18 §2–§3): the setup saves and refuses bad input with a
 * message, only the event's managers reach it, running and publishing the plan places every meeting without
 * double-booking a person or a table and mails each participant, and the table plan lists every meeting.
 * Rows are created directly: this file needs no demo.
 */
vi.setConfig({ testTimeout: 120_000 });

const organizer = { email: `mm.organizer.${randomBytes(3).toString("hex")}@example.org`, password: "matchmaking-organizer-1" };
const outsider = { email: `mm.outsider.${randomBytes(3).toString("hex")}@example.org`, password: "matchmaking-outsider-1" };

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizerJar: CookieJar;
let outsiderJar: CookieJar;
let eventId: string;
let otherEventId: string;

async function createEvent(slug: string) {
  const db = await prisma();
  const startsAt = new Date(Date.now() + 5 * 86_400_000);
  const event = await db.event.create({
    data: { slug, kind: "DEEP_DIVE", status: "PUBLISHED", title: `洽谈 ${slug}`, timeZone: "Asia/Shanghai", startsAt, endsAt: new Date(startsAt.getTime() + 8 * 3_600_000) },
  });
  // Two hours of matchmaking: eight slots of 15 minutes.
  await db.session.create({ data: { eventId: event.id, title: "一对一供需洽谈", type: "MATCHMAKING", startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) } });
  return event.id;
}

beforeAll(async () => {
  eventId = await createEvent(`mm-admin-${randomBytes(4).toString("hex")}`);
  otherEventId = await createEvent(`mm-other-${randomBytes(4).toString("hex")}`);
  const db = await prisma();
  const other = await db.event.findUniqueOrThrow({ where: { id: otherEventId } });
  await createUser({ ...organizer, name: "洽谈组织者" });
  await grantRole({ email: organizer.email, role: "ORGANIZER", scope: { eventId } });
  await createUser({ ...outsider, name: "别的活动的组织者" });
  await grantRole({ email: outsider.email, role: "ORGANIZER", scope: { eventSlug: other.slug } });
  server = await startTestServer();
  organizerJar = await signIn(server.baseUrl, organizer.email, organizer.password);
  outsiderJar = await signIn(server.baseUrl, outsider.email, outsider.password);
});
afterAll(() => server?.close());

const path = (suffix = "") => `/admin/events/${eventId}/matchmaking${suffix}`;
const post = (jar: CookieJar, body: Record<string, string>) => jar.fetch(server.baseUrl + path(), { method: "POST", body: new URLSearchParams(body), headers: { "Accept-Language": "en" } });
const textOf = (html: string) => withoutScripts(html);

async function participants(count: number, slotIds: string[]) {
  const db = await prisma();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const email = `mm-p${index}-${randomBytes(3).toString("hex")}@example.org`;
    const registration = await db.registration.create({
      data: {
        eventId,
        status: "CONFIRMED",
        name: `参与者${index}`,
        email,
        emailNormalized: email,
        organization: `示例公司${index}`,
        ticketCode: randomBytes(16).toString("base64url"),
        manageTokenHash: randomBytes(16).toString("hex"),
        consentAt: new Date(),
        consentNoticeVersion: "1",
      },
    });
    const available = slotIds.filter((_, slot) => (slot + index) % 3 !== 0);
    const profile = await db.matchmakingProfile.create({
      data: { eventId, registrationId: registration.id, side: index % 2 ? "SUPPLY" : "DEMAND", availability: { create: available.map((slotId) => ({ slotId })) } },
    });
    ids.push(profile.id);
  }
  return ids;
}

describe("the matchmaking tab", () => {
  it("saves the setup and generates the slots; refuses bad input with a message", async () => {
    const refused = await post(organizerJar, { intent: "setup", enabled: "on", slotMinutes: "3", tables: "0", optInClosesAt: "2026-02-30T10:00" });
    expect(refused.status).toBe(422);
    const refusedText = textOf(await refused.text());
    expect(refusedText).toMatch(/role="alert"/);
    expect(await (await prisma()).matchmakingSetup.findUnique({ where: { eventId } })).toBeNull();

    const saved = await post(organizerJar, { intent: "setup", enabled: "on", slotMinutes: "15", tables: "3", optInClosesAt: "" });
    expect(saved.status).toBe(200);
    expect(textOf(await saved.text())).toContain("Saved; the slots were generated again from the agenda.");
    const setup = await (await prisma()).matchmakingSetup.findUniqueOrThrow({ where: { eventId } });
    expect(setup).toMatchObject({ enabled: true, slotMinutes: 15, tables: 3 });
    expect(await (await prisma()).matchmakingSlot.count({ where: { eventId } })).toBe(8);
    const audited = await (await prisma()).auditLog.count({ where: { eventId, action: "matchmaking.setup_changed" } });
    expect(audited).toBe(1);

    const page = textOf(await (await organizerJar.fetch(server.baseUrl + path(), { headers: { "Accept-Language": "en" } })).text());
    expect(page).toContain("Meetings placed");
    expect(page).toContain("Supply 0 · demand 0 · both 0");
  });

  it("is closed to an organizer of another event (403, nothing changes)", async () => {
    expect((await outsiderJar.fetch(server.baseUrl + path())).status).toBe(403);
    expect((await outsiderJar.fetch(server.baseUrl + path("/table-plan"))).status).toBe(403);
    expect((await post(outsiderJar, { intent: "run" })).status).toBe(403);
    expect((await post(outsiderJar, { intent: "setup", enabled: "", slotMinutes: "30", tables: "1" })).status).toBe(403);
    expect(await (await prisma()).matchmakingSetup.findUniqueOrThrow({ where: { eventId } })).toMatchObject({ enabled: true, tables: 3 });
  });

  it("runs and publishes the plan: no person or table twice in a slot, every participant mailed, every meeting on the table plan", async () => {
    const db = await prisma();
    const slotIds = (await db.matchmakingSlot.findMany({ where: { eventId }, orderBy: { startsAt: "asc" } })).map((slot) => slot.id);
    const people = await participants(8, slotIds);
    const pairs: [string, string][] = [];
    for (let a = 0; a < people.length; a++) for (let b = a + 1; b < people.length; b++) if ((a + b) % 2 === 1) pairs.push([people[a]!, people[b]!]);
    await db.meetingRequest.createMany({ data: pairs.map(([from, to]) => ({ eventId, fromProfileId: from, toProfileId: to, status: "ACCEPTED" as const, decidedAt: new Date() })) });
    await db.meetingRequest.create({ data: { eventId, fromProfileId: people[0]!, toProfileId: people[2]!, status: "PENDING" } });

    const ran = await post(organizerJar, { intent: "run" });
    expect(ran.status).toBe(200);
    expect(textOf(await ran.text())).toMatch(/Planned: \d+ meetings placed/);

    const meetings = await db.meeting.findMany({ where: { eventId }, include: { request: true } });
    expect(meetings.length).toBeGreaterThan(0);
    const tables = new Set<string>();
    const seats = new Set<string>();
    const availability = await db.matchmakingAvailability.findMany({ where: { profileId: { in: people } } });
    const free = new Set(availability.map((row) => `${row.profileId}@${row.slotId}`));
    for (const meeting of meetings) {
      expect(tables.has(`${meeting.slotId}#${meeting.table}`)).toBe(false);
      tables.add(`${meeting.slotId}#${meeting.table}`);
      expect(meeting.table).toBeLessThanOrEqual(3);
      for (const person of [meeting.request.fromProfileId, meeting.request.toProfileId]) {
        expect(seats.has(`${person}@${meeting.slotId}`)).toBe(false);
        seats.add(`${person}@${meeting.slotId}`);
        expect(free.has(`${person}@${meeting.slotId}`)).toBe(true);
      }
    }
    const unplaced = await db.meetingRequest.findMany({ where: { eventId, status: "ACCEPTED", meeting: null } });
    expect(meetings.length + unplaced.length).toBe(pairs.length);
    for (const request of unplaced) expect(request.unplacedReason).toMatch(/^(no_common_slot|people_busy|no_table)$/);
    const page = textOf(await (await organizerJar.fetch(server.baseUrl + path(), { headers: { "Accept-Language": "en" } })).text());
    expect(page).not.toMatch(/no_common_slot|people_busy|no_table/);

    const published = await post(organizerJar, { intent: "publish" });
    expect(published.status).toBe(200);
    expect(textOf(await published.text())).toMatch(/Plan version 1 published/);
    const seated = new Set(meetings.flatMap((meeting) => [meeting.request.fromProfileId, meeting.request.toProfileId]));
    const registrations = await db.matchmakingProfile.findMany({ where: { id: { in: [...seated] } }, include: { registration: true } });
    const mailed = await db.emailMessage.findMany({ where: { eventId, kind: "meeting-schedule" } });
    expect(new Set(mailed.map((mail) => mail.toAddress))).toEqual(new Set(registrations.map((profile) => profile.registration.email)));
    expect(await db.auditLog.count({ where: { eventId, action: { in: ["matchmaking.plan_run", "matchmaking.plan_published"] } } })).toBe(2);

    const plan = await organizerJar.fetch(server.baseUrl + path("/table-plan"));
    expect(plan.status).toBe(200);
    const planText = textOf(await plan.text());
    const cells = planText.slice(planText.indexOf('data-testid="table-plan"'));
    for (const meeting of meetings) {
      const from = registrations.find((profile) => profile.id === meeting.request.fromProfileId)!.registration;
      const to = registrations.find((profile) => profile.id === meeting.request.toProfileId)!.registration;
      expect(cells).toContain(from.name);
      expect(cells).toContain(to.organization);
    }
    expect((cells.match(/示例公司\d+/g) ?? []).length).toBe(meetings.length * 2);
  });
});
