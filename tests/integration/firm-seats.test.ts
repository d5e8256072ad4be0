import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { reviewApplication } from "~/models/application.server";
import { firmNameKey } from "~/models/firm-name";
import { backfillFirmNameKeys } from "~/models/firm.server";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

/**
 * A member firm's reserved seats and its portal belong to the firm's people: an invite code bound to the firm,
 * a signed-in contact of the firm, or an address on a domain the organizers registered for it. Typing the
 * firm's name is no proof of anything (issue 12 §3).
 */
process.env.RATE_LIMIT = "off";
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: CookieJar;
let contact: CookieJar;
let firm: { id: string; name: string };

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  const db = await prisma();
  const grant = await db.roleAssignment.findFirstOrThrow({ where: { role: "FIRM_CONTACT", user: { email: demo.firm.email } }, include: { firm: true } });
  firm = { id: grant.firm!.id, name: grant.firm!.name };
  admin = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
  contact = await signIn(server.baseUrl, demo.firm.email, demo.firm.password);
});
afterAll(() => server?.close());

function register(slug: string, body: Record<string, unknown>, jar?: CookieJar) {
  const init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  return jar ? jar.fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, init) : fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, init);
}

async function eventWithQuota(quota = 3) {
  const created = await createRegistrationEvent({ capacity: 100 });
  await (await prisma()).firmQuota.create({ data: { eventId: created.event.id, firmId: firm.id, quota } });
  return created;
}

async function quotaUsed(eventId: string) {
  return (await (await prisma()).firmQuota.findFirstOrThrow({ where: { eventId, firmId: firm.id } })).confirmedCount;
}

const profile = (name: string) => ({ intent: "profile", name, nameEn: "", industry: "测试", city: "北京", website: "", size: "1-49", description: "", offers: "", needs: "" });

describe("reserved seats are not taken by typing a firm's name", () => {
  it("five strangers naming the firm get public seats; the quota of 3 is untouched and the portal does not list them", async () => {
    const { event, slug } = await eventWithQuota(3);
    const spellings = [firm.name, firm.name, ` ${firm.name} `, firm.name.replace("（", "(").replace("）", ")"), firm.name];
    const answers = [];
    for (const [index, organization] of spellings.entries()) {
      const response = await register(slug, person(index, { name: `冒名者${index}`, email: `stranger${index}@example.net`, organization }));
      answers.push({ status: response.status, body: (await response.json()) as { registration?: { status: string } } });
    }
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.every((answer) => answer.body.registration?.status === "confirmed")).toBe(true);
    expect(await quotaUsed(event.id)).toBe(0);
    expect(await (await prisma()).registration.count({ where: { eventId: event.id, firmId: { not: null } } })).toBe(0);

    const portal = await (await contact.fetch(`${server.baseUrl}/firm?firm=${firm.id}`)).text();
    expect(portal).not.toContain("冒名者");

    const list = await (await admin.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations`)).text();
    expect(list).toContain(`可能属于：${firm.name}（未验证）`);
  });

  it("an invite code bound to the firm uses the firm's seats", async () => {
    const { event, slug } = await eventWithQuota(3);
    await (await prisma()).inviteCode.create({ data: { eventId: event.id, code: "FIRM-SEATS-1", firmId: firm.id, maxUses: 5 } });
    const response = await register(slug, person(10, { email: "invited@example.net", organization: "随便写的单位", inviteCode: "FIRM-SEATS-1" }));
    expect(response.status).toBe(201);
    expect(await quotaUsed(event.id)).toBe(1);
    const registration = await (await prisma()).registration.findFirstOrThrow({ where: { eventId: event.id } });
    expect(registration.firmId).toBe(firm.id);
  });

  it("a signed-in contact of the firm uses the firm's seats", async () => {
    const { event, slug } = await eventWithQuota(3);
    const response = await register(slug, person(11, { email: "colleague@example.net", organization: "某单位" }), contact);
    expect(response.status).toBe(201);
    expect(await quotaUsed(event.id)).toBe(1);
    const portal = await (await contact.fetch(`${server.baseUrl}/firm?firm=${firm.id}`)).text();
    expect(portal).toContain("测试者11");
  });

  it("an address on a domain the organizers registered for the firm uses the firm's seats; the contact cannot add domains", async () => {
    const { event, slug } = await eventWithQuota(3);
    const refused = await contact.fetch(`${server.baseUrl}/firm?firm=${firm.id}`, { method: "POST", body: new URLSearchParams({ intent: "addDomain", domain: "example.com" }) });
    expect(refused.status).toBe(403);
    const added = await admin.fetch(`${server.baseUrl}/admin/firms/${firm.id}`, { method: "POST", body: new URLSearchParams({ intent: "addDomain", domain: "@Seats-Test.Example.ORG" }) });
    expect(added.status).toBe(200);
    const publicMail = await admin.fetch(`${server.baseUrl}/admin/firms/${firm.id}`, { method: "POST", body: new URLSearchParams({ intent: "addDomain", domain: "qq.com" }) });
    expect(publicMail.status).toBe(422);

    const response = await register(slug, person(12, { email: "Employee@seats-test.example.org", organization: "某单位" }));
    expect(response.status).toBe(201);
    const lookalike = await register(slug, person(13, { email: "someone@evil-seats-test.example.org", organization: firm.name }));
    expect(lookalike.status).toBe(201);
    expect(await quotaUsed(event.id)).toBe(1);
    const portal = await (await contact.fetch(`${server.baseUrl}/firm?firm=${firm.id}`)).text();
    expect(portal).toContain("seats-test.example.org");
  });
});

describe("firm names are unique after normalisation", () => {
  it("folds width, case, spaces and bracket style into one key", () => {
    expect(firmNameKey("Ａｃｍｅ（上海）")).toBe(firmNameKey("acme (上海)"));
    expect(firmNameKey(" ACME\u3000【上海】 ")).toBe(firmNameKey("acme[上海]"));
    expect(firmNameKey("Acme 上海")).not.toBe(firmNameKey("Acme 北京"));
  });

  it("computes missing keys at start-up and reports names that collide instead of guessing", async () => {
    const db = await prisma();
    const programme = await db.programme.findFirstOrThrow();
    const made = [];
    for (const name of ["回填测试（甲）", "回填测试 (甲)", "回填测试（乙）"]) made.push(await db.firm.create({ data: { programmeId: programme.id, name } }));
    const result = await backfillFirmNameKeys();
    expect(result.filled).toBe(2);
    expect(result.clashes).toHaveLength(1);
    const keys = (await db.firm.findMany({ where: { id: { in: made.map((firm) => firm.id) } } })).map((firm) => firm.nameNormalized);
    expect(keys.filter((key) => key === firmNameKey("回填测试(甲)"))).toHaveLength(1);
    expect(keys).toContain(firmNameKey("回填测试(乙)"));
    // Reported again at every start until an organizer renames one of the two.
    expect(await backfillFirmNameKeys()).toEqual({ filled: 0, clashes: result.clashes });
  });

  it("refuses a contact's rename to another member's name in another spelling, at the field; renames are audited", async () => {
    const db = await prisma();
    const other = await db.firm.findFirstOrThrow({ where: { id: { not: firm.id }, founding: true }, orderBy: { name: "asc" } });
    const renamed = await admin.fetch(`${server.baseUrl}/admin/firms/${other.id}`, { method: "POST", body: new URLSearchParams(profile("acme (上海)")) });
    expect(renamed.status).toBe(200);

    const response = await contact.fetch(`${server.baseUrl}/firm?firm=${firm.id}`, { method: "POST", body: new URLSearchParams(profile("Ａｃｍｅ（上海）")) });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("已有成员企业使用此名称");
    expect((await db.firm.findUniqueOrThrow({ where: { id: firm.id } })).name).toBe(firm.name);

    const audits = await db.auditLog.findMany({ where: { action: "firm.renamed", targetId: other.id } });
    expect(audits).toHaveLength(1);
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: demo.admin.email } });
    expect(audits[0].actorUserId).toBe(adminUser.id);
    expect(JSON.parse(audits[0].details)).toMatchObject({ from: other.name, to: "acme (上海)" });
  });

  it("refuses to approve an application whose name collides with a member's", async () => {
    const db = await prisma();
    const application = await db.firmApplication.findFirstOrThrow({ where: { status: "UNDER_REVIEW" } });
    const member = await db.firm.findFirstOrThrow({ where: { id: { not: firm.id }, founding: true }, orderBy: { name: "desc" } });
    const lookalike = application.firmName.replace("（", " (").replace("）", ")");
    expect((await admin.fetch(`${server.baseUrl}/admin/firms/${member.id}`, { method: "POST", body: new URLSearchParams(profile(lookalike)) })).status).toBe(200);
    await expect(reviewApplication({ id: application.id, action: { to: "APPROVED" }, actor: { id: "reviewer", name: "审核人" } })).rejects.toMatchObject({ status: 409 });
    expect((await db.firmApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("UNDER_REVIEW");
  });
});
