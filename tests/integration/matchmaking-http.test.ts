import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSetup } from "~/models/matchmaking.server";
import { renderQueuedEmail } from "~/models/queued-email-render.server";
import { prisma } from "~/models/store/connection.server";
import { hashSecret } from "~/utils/secrets.server";
import { startTestServer } from "../support/server";

/**
 * Event matchmaking over HTTP (issue 18 §2–§5): the API's shapes and errors, privacy of unshared fields,
 * the accept storm that must never double-book a person or a table, the schedule e-mail and the .ics.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

type Person = { id: string; token: string; name: string; email: string; phone: string };

async function matchmakingEvent({ slots, tables }: { slots: number; tables: number }) {
  const db = await prisma();
  const slug = `meet-${randomBytes(4).toString("hex")}`;
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  const event = await db.event.create({
    data: {
      slug,
      kind: "DEEP_DIVE",
      status: "PUBLISHED",
      title: `洽谈 ${slug}`,
      titleEn: `Meetings ${slug}`,
      timeZone: "Asia/Shanghai",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000),
      capacity: 500,
    },
  });
  const sessionStart = new Date(startsAt.getTime() + 3_600_000);
  await db.session.create({ data: { eventId: event.id, title: "一对一供需洽谈", type: "MATCHMAKING", startsAt: sessionStart, endsAt: new Date(sessionStart.getTime() + slots * 15 * 60_000) } });
  await saveSetup(event.id, { enabled: true, slotMinutes: 15, tables, optInClosesAt: null }, null);
  const slotIds = (await db.matchmakingSlot.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } })).map((slot) => slot.id);
  return { event, slotIds };
}

async function person(eventId: string, index: number): Promise<Person> {
  const token = randomBytes(24).toString("base64url");
  const name = `保密姓名${index}-${randomBytes(2).toString("hex")}`;
  const email = `secret${index}-${randomBytes(3).toString("hex")}@example.org`;
  const phone = `+86 138 0000 ${String(1000 + index)}`;
  const registration = await (
    await prisma()
  ).registration.create({
    data: {
      eventId,
      status: "CONFIRMED",
      name,
      email,
      emailNormalized: email,
      organization: `示例机构${index}`,
      phone,
      ticketCode: randomBytes(16).toString("base64url"),
      manageTokenHash: hashSecret(token),
      consentAt: new Date(),
      consentNoticeVersion: "1",
    },
  });
  return { id: registration.id, token, name, email, phone };
}

function api(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${server.baseUrl}/api/v1/events/${path}`, {
    method: init.method ?? "GET",
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}), "Accept-Language": "en" },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

async function optIn(slug: string, who: Person, body: Record<string, unknown>) {
  const response = await api(`${slug}/matchmaking/profile`, who.token, { method: "PUT", body: { side: "both", ...body } });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { profile: { id: string } }).profile.id;
}

describe("the matchmaking API", () => {
  it("opts in, suggests with reasons, requests, accepts into the earliest common slot, and answers errors in one shape", async () => {
    const { event, slotIds } = await matchmakingEvent({ slots: 3, tables: 2 });
    const [alice, bob, carol] = await Promise.all([1, 2, 3].map((index) => person(event.id, index)));
    const aliceId = await optIn(event.slug, alice, { side: "demand", needs: "反欺诈模型与信贷审批", tags: ["反欺诈"], availability: slotIds.slice(1) });
    const bobId = await optIn(event.slug, bob, { side: "supply", offers: "反欺诈平台", tags: ["反欺诈", "风控"], shared: ["organization"], availability: slotIds });
    const carolId = await optIn(event.slug, carol, { side: "supply", availability: slotIds.slice(0, 1) });

    const summary = await (await api(`${event.slug}/matchmaking`, null)).json();
    expect(summary).toMatchObject({ enabled: true, slotMinutes: 15, tables: 2, participants: 3, requests: { pending: 0 }, meetings: { placed: 0 } });
    expect(summary.slots).toHaveLength(3);

    const participants = (await (await api(`${event.slug}/matchmaking/participants`, alice.token)).json()).participants as { id: string; reasons: string[]; score: number }[];
    expect(participants[0].id).toBe(bobId);
    expect(participants[0].reasons.join(" ")).toContain("Keywords: 反欺诈");

    // Privacy: Bob shares only his organization; his name, e-mail and phone appear nowhere Alice can read.
    const readable = [await (await api(`${event.slug}/matchmaking/participants`, alice.token)).text()];
    const created = await api(`${event.slug}/matchmaking/requests`, alice.token, { method: "POST", body: { to: bobId, message: "想了解反欺诈平台" } });
    expect(created.status).toBe(201);
    const request = await created.json();
    expect(request).toEqual({ id: expect.any(String), status: "pending" });
    expect((await api(`${event.slug}/matchmaking/requests`, alice.token, { method: "POST", body: { to: bobId } })).status).toBe(409);

    // Only the side it was sent to decides.
    const ownAccept = await api(`${event.slug}/matchmaking/requests/${request.id}/accept`, alice.token, { method: "POST" });
    expect(ownAccept.status).toBe(403);
    const accepted = await api(`${event.slug}/matchmaking/requests/${request.id}/accept`, bob.token, { method: "POST" });
    expect(accepted.status).toBe(200);
    const { meeting } = await accepted.json();
    const secondSlot = await (await prisma()).matchmakingSlot.findUniqueOrThrow({ where: { id: slotIds[1] } });
    expect(meeting).toMatchObject({ startsAt: secondSlot.startsAt.toISOString(), table: 1 });
    expect((await api(`${event.slug}/matchmaking/requests/${request.id}/decline`, bob.token, { method: "POST" })).status).toBe(409);

    readable.push(await (await api(`${event.slug}/matchmaking/meetings`, alice.token)).text(), await (await api(`${event.slug}/matchmaking/meetings.ics`, alice.token)).text());
    for (const text of readable) for (const secret of [bob.name, bob.email, bob.phone]) expect(text).not.toContain(secret);
    expect(readable[1]).toContain("示例机构2");

    // Alice and Carol share no slot: the accept says so and the request stays pending.
    const toCarol = await (await api(`${event.slug}/matchmaking/requests`, alice.token, { method: "POST", body: { to: carolId } })).json();
    const none = await api(`${event.slug}/matchmaking/requests/${toCarol.id}/accept`, carol.token, { method: "POST" });
    expect(none.status).toBe(409);
    const refusal = await none.json();
    expect(refusal).toEqual({ error: { code: "no_common_slot", message: expect.stringContaining("no slot") } });
    expect((await api(`${event.slug}/matchmaking/requests/${toCarol.id}/decline`, carol.token, { method: "POST" })).status).toBe(200);

    // The schedule: JSON, .ics and one e-mail per side, in the recipient's language, with the table.
    const meetings = (await (await api(`${event.slug}/matchmaking/meetings`, bob.token)).json()).meetings;
    expect(meetings).toEqual([
      expect.objectContaining({ table: 1, startsAt: secondSlot.startsAt.toISOString(), with: { id: aliceId, shared: expect.objectContaining({ name: alice.name }) }, outcome: "upcoming" }),
    ]);
    const ics = await api(`${event.slug}/matchmaking/meetings.ics`, bob.token);
    expect(ics.headers.get("Content-Type")).toContain("text/calendar");
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const emails = await (await prisma()).emailMessage.findMany({ where: { eventId: event.id, kind: "meeting-schedule" } });
    expect(emails.map((email) => email.registrationId).sort()).toEqual([alice.id, bob.id].sort());
    const rendered = await renderQueuedEmail("meeting-schedule", alice.id);
    expect(rendered?.text).toContain("第 1 桌");
    expect(rendered?.text).not.toContain(bob.name);
  });

  it("refuses without a valid token, for another event, and invalid input, each with the one error shape", async () => {
    const { event } = await matchmakingEvent({ slots: 1, tables: 1 });
    const other = await matchmakingEvent({ slots: 1, tables: 1 });
    const someone = await person(event.id, 9);
    const noToken = await api(`${event.slug}/matchmaking/participants`, null);
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect((await api(`${event.slug}/matchmaking/participants`, "not-a-token")).status).toBe(401);
    expect((await api(`${other.event.slug}/matchmaking/participants`, someone.token)).status).toBe(404);
    expect((await api(`${event.slug}/matchmaking/participants`, someone.token)).status).toBe(409);
    const invalid = await api(`${event.slug}/matchmaking/profile`, someone.token, { method: "PUT", body: { side: "sideways", shared: ["password"] } });
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["side", "shared.0"]));
    expect((await api(`nope-${randomBytes(3).toString("hex")}`, null)).status).toBe(404);
  });

  it("never double-books a person or a table when many accepts arrive at once, and respects availability", async () => {
    const { event, slotIds } = await matchmakingEvent({ slots: 3, tables: 4 });
    const people = await Promise.all(Array.from({ length: 20 }, (_, index) => person(event.id, 100 + index)));
    const random = seeded(18);
    const profileIds: string[] = [];
    for (const who of people) profileIds.push(await optIn(event.slug, who, { availability: slotIds.filter(() => random() < 0.7) }));
    const pairs = new Set<string>();
    const requests: { id: string; to: number }[] = [];
    while (requests.length < 60) {
      const a = Math.floor(random() * 20);
      const b = Math.floor(random() * 20);
      const key = [Math.min(a, b), Math.max(a, b)].join("-");
      if (a === b || pairs.has(key)) continue;
      pairs.add(key);
      const created = await api(`${event.slug}/matchmaking/requests`, people[a].token, { method: "POST", body: { to: profileIds[b] } });
      expect(created.status).toBe(201);
      requests.push({ id: (await created.json()).id, to: b });
    }
    const answers = await Promise.all(requests.map((request) => api(`${event.slug}/matchmaking/requests/${request.id}/accept`, people[request.to].token, { method: "POST" })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const db = await prisma();
    const meetings = await db.meeting.findMany({ where: { eventId: event.id }, include: { request: true } });
    expect(meetings).toHaveLength(statuses.filter((status) => status === 200).length);
    expect(meetings.length).toBeGreaterThan(0);
    const seats = new Set<string>();
    const tables = new Set<string>();
    const availability = await db.matchmakingAvailability.findMany({ where: { slot: { eventId: event.id } } });
    const available = new Set(availability.map((row) => `${row.profileId}|${row.slotId}`));
    for (const meeting of meetings) {
      expect(meeting.table).toBeGreaterThanOrEqual(1);
      expect(meeting.table).toBeLessThanOrEqual(4);
      const table = `${meeting.slotId}|${meeting.table}`;
      expect(tables.has(table)).toBe(false);
      tables.add(table);
      for (const profileId of [meeting.request.fromProfileId, meeting.request.toProfileId]) {
        const seat = `${profileId}|${meeting.slotId}`;
        expect(seats.has(seat), "a person in two meetings of one slot").toBe(false);
        seats.add(seat);
        expect(available.has(seat), "a meeting outside a side's availability").toBe(true);
      }
    }
    const refusals = await Promise.all(answers.filter((answer) => answer.status === 409).map((answer) => answer.json()));
    for (const refusal of refusals) expect(refusal.error.code).toBe("no_common_slot");
  });
});

/** A small deterministic generator, so a failing storm can be replayed. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
