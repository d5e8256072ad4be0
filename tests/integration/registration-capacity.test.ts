import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { cancelRegistration, decideRegistrations, register } from "~/models/registration-write.server";
import { addFirmEmailDomain } from "~/models/firm-seats.server";
import { registrationInputSchema } from "~/schemas/registration";
import { createFirm, createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";

// Load, not limits: this file proves the counters; registration-api.test.ts proves the rate limit.
process.env.RATE_LIMIT = "off";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

function post(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function counters(eventId: string) {
  const db = await prisma();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const rows = await db.registration.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } });
  const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { event, confirmed: count("CONFIRMED"), waitlisted: count("WAITLISTED"), pending: count("PENDING_APPROVAL") };
}

describe("no overselling under parallel submits (invariant 1)", () => {
  it("240 parallel submits for 20 seats: exactly 20 confirmed for the event, a category and a firm quota; counters equal rows", async () => {
    const { event, slug, categories } = await createRegistrationEvent({
      capacity: 20,
      waitlistEnabled: true,
      categories: [
        { code: "public", name: "公众", capacity: 15 },
        { code: "media", name: "媒体", capacity: 5 },
      ],
    });
    const firm = await createFirm("并发测试企业（演示）");
    const db = await prisma();
    await db.firmQuota.create({ data: { eventId: event.id, firmId: firm.id, quota: 3 } });
    // The firm's people are recognised by the mail domain registered for it, not by a typed name.
    await addFirmEmailDomain({ firmId: firm.id, domain: "concurrency-firm.example.org" });
    const submits = Array.from({ length: 240 }, (_, index) =>
      post(
        slug,
        person(index, {
          category: index % 3 === 0 ? "media" : "public",
          ...(index % 4 === 0 ? { email: `person${index}@concurrency-firm.example.org`, organization: firm.name } : {}),
        }),
      ),
    );
    const responses = await Promise.all(submits);
    const statuses = await Promise.all(responses.map(async (response) => ({ code: response.status, body: (await response.json()) as { registration: { status: string } } })));
    expect(statuses.filter((answer) => answer.code >= 500)).toEqual([]);
    expect(statuses.every((answer) => answer.code === 201)).toBe(true);
    const confirmedAnswers = statuses.filter((answer) => answer.body.registration.status === "confirmed").length;
    const state = await counters(event.id);
    expect(state.confirmed).toBe(20);
    expect(confirmedAnswers).toBe(20);
    expect(state.event.confirmedCount).toBe(20);
    expect(state.waitlisted).toBe(220);
    expect(state.event.waitlistedCount).toBe(220);
    const media = await db.ticketCategory.findUniqueOrThrow({ where: { id: categories[1].id } });
    expect(media.confirmedCount).toBe(5);
    expect(await db.registration.count({ where: { categoryId: media.id, status: "CONFIRMED" } })).toBe(5);
    const publicCategory = await db.ticketCategory.findUniqueOrThrow({ where: { id: categories[0].id } });
    expect(publicCategory.confirmedCount).toBe(await db.registration.count({ where: { categoryId: publicCategory.id, status: "CONFIRMED" } }));
    const quota = await db.firmQuota.findFirstOrThrow({ where: { eventId: event.id, firmId: firm.id } });
    expect(quota.confirmedCount).toBe(3);
    expect(await db.registration.count({ where: { firmId: firm.id, eventId: event.id, status: "CONFIRMED" } })).toBe(3);
    // One ticket e-mail per confirmed registration, one waitlist notice per waitlisted one.
    expect(await db.emailMessage.count({ where: { eventId: event.id, kind: "ticket" } })).toBe(20);
    expect(await db.emailMessage.count({ where: { eventId: event.id, kind: "registration-waitlisted" } })).toBe(220);
  });

  it("refuses with 409 when full and there is no waitlist; nothing is written", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 2 });
    const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => post(slug, person(index))));
    const codes = responses.map((response) => response.status).sort();
    expect(codes.filter((code) => code === 201)).toHaveLength(2);
    expect(codes.filter((code) => code === 409)).toHaveLength(8);
    const refused = await responses.find((response) => response.status === 409)!.json();
    expect(refused.error.code).toBe("full");
    expect(refused.error.message).toMatch(/名额已满/);
    const state = await counters(event.id);
    expect(state.confirmed).toBe(2);
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(2);
  });
});

describe("waitlist promotion (in order, automatic, e-mailed)", () => {
  it("promotes the oldest eligible waitlisted people when places free up by cancel and reject", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 2, waitlistEnabled: true });
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      const answer = await register({ slug, input: registrationInputSchema.parse(person(100 + index)), now: new Date(Date.now() + index) });
      ids.push(answer.body.registration.id);
    }
    const db = await prisma();
    const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;
    expect(await Promise.all(ids.map(status))).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED", "WAITLISTED", "WAITLISTED"]);
    const oldCode = (await db.registration.findUniqueOrThrow({ where: { id: ids[0] } })).ticketCode;
    await cancelRegistration(ids[0]);
    expect(await status(ids[2])).toBe("CONFIRMED");
    expect(await status(ids[3])).toBe("WAITLISTED");
    expect((await db.registration.findUniqueOrThrow({ where: { id: ids[0] } })).ticketCode).not.toBe(oldCode);
    await decideRegistrations({ eventId: event.id, ids: [ids[1]], decision: "reject" });
    expect(await status(ids[3])).toBe("CONFIRMED");
    expect(await status(ids[4])).toBe("WAITLISTED");
    // Raising capacity moves the rest up in order.
    await db.event.update({ where: { id: event.id }, data: { capacity: 3 } });
    const { promoteWaitlist } = await import("~/models/registration-write.server");
    expect(await promoteWaitlist(event.id)).toEqual([ids[4]]);
    const promotedMails = await db.emailMessage.findMany({ where: { eventId: event.id, kind: "waitlist-promoted" }, orderBy: { createdAt: "asc" } });
    expect(promotedMails.map((mail) => mail.registrationId)).toEqual([ids[2], ids[3], ids[4]]);
    const state = await counters(event.id);
    expect(state.event.confirmedCount).toBe(state.confirmed);
    expect(state.event.waitlistedCount).toBe(state.waitlisted);
    expect(state.confirmed).toBe(3);
    expect(state.waitlisted).toBe(1);
  });

  it("skips a waitlisted person whose category is still full and keeps them first in line for it", async () => {
    const { event, slug } = await createRegistrationEvent({
      capacity: 2,
      waitlistEnabled: true,
      categories: [
        { code: "public", name: "公众", capacity: 1 },
        { code: "member", name: "会员" },
      ],
    });
    const a = await register({ slug, input: registrationInputSchema.parse(person(201, { category: "public" })) });
    const b = await register({ slug, input: registrationInputSchema.parse(person(202, { category: "member" })) });
    const c = await register({ slug, input: registrationInputSchema.parse(person(203, { category: "public" })), now: new Date(Date.now() + 1) });
    const d = await register({ slug, input: registrationInputSchema.parse(person(204, { category: "member" })), now: new Date(Date.now() + 2) });
    expect([a, b, c, d].map((answer) => answer.body.registration.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    await cancelRegistration(b.body.registration.id);
    const db = await prisma();
    expect((await db.registration.findUniqueOrThrow({ where: { id: c.body.registration.id } })).status).toBe("WAITLISTED");
    expect((await db.registration.findUniqueOrThrow({ where: { id: d.body.registration.id } })).status).toBe("CONFIRMED");
    await cancelRegistration(a.body.registration.id);
    expect((await db.registration.findUniqueOrThrow({ where: { id: c.body.registration.id } })).status).toBe("CONFIRMED");
    expect((await counters(event.id)).event.confirmedCount).toBe(2);
  });
});

describe("approval", () => {
  it("bulk approves into places (then the waitlist) and rejects with an e-mail; counters follow", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 1, waitlistEnabled: true, requiresApproval: true });
    const answers = [];
    for (let index = 0; index < 3; index++) answers.push(await register({ slug, input: registrationInputSchema.parse(person(300 + index)) }));
    expect(answers.every((answer) => answer.body.registration.status === "pending_approval")).toBe(true);
    expect((await counters(event.id)).event.pendingCount).toBe(3);
    const ids = answers.map((answer) => answer.body.registration.id);
    const outcome = await decideRegistrations({ eventId: event.id, ids: ids.slice(0, 2), decision: "approve" });
    expect(outcome).toEqual({ [ids[0]]: "confirmed", [ids[1]]: "waitlisted" });
    expect(await decideRegistrations({ eventId: event.id, ids: [ids[2]], decision: "reject" })).toEqual({ [ids[2]]: "rejected" });
    const state = await counters(event.id);
    expect([state.event.confirmedCount, state.event.waitlistedCount, state.event.pendingCount]).toEqual([1, 1, 0]);
    const db = await prisma();
    expect(await db.emailMessage.count({ where: { registrationId: ids[2], kind: "registration-rejected" } })).toBe(1);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "registration.approved" } })).toBe(1);
  });

  it("lets an invite code skip approval, bound to its category, and refuses it once used up", async () => {
    const { event, slug, categories } = await createRegistrationEvent({
      capacity: 10,
      requiresApproval: true,
      categories: [
        { code: "public", name: "公众" },
        { code: "guest", name: "嘉宾", inviteOnly: true },
      ],
    });
    const db = await prisma();
    await db.inviteCode.create({ data: { eventId: event.id, code: "VIP-2026", categoryId: categories[1].id, maxUses: 1 } });
    const invited = await register({ slug, input: registrationInputSchema.parse(person(401, { inviteCode: "VIP-2026" })) });
    expect(invited.body.registration.status).toBe("confirmed");
    expect((await db.registration.findUniqueOrThrow({ where: { id: invited.body.registration.id } })).categoryId).toBe(categories[1].id);
    await expect(register({ slug, input: registrationInputSchema.parse(person(402, { inviteCode: "VIP-2026" })) })).rejects.toMatchObject({
      status: 422,
      fields: { inviteCode: "registration.validation.inviteCode" },
    });
    await expect(register({ slug, input: registrationInputSchema.parse(person(403, { category: "guest" })) })).rejects.toMatchObject({ status: 422 });
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1);
  });
});
