import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { createUser, grantRole } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { HttpError } from "~/utils/http.server";
import { requireCheckInStaff, requireEventManager, requireFirmManager } from "~/utils/permissions.server";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

/**
 * Who reaches what (DESIGN.md §4.7). Event A is the Shanghai deep dive (in the deep-dive series), event B is
 * the forum (in no series). Every cell is checked twice where it can be: the guard called directly, and
 * the page through the real HTTP server.
 */
type Who = "anonymous" | "admin" | "organizerAll" | "organizerOfA" | "organizerOfSeries" | "checkinOfA" | "firmContactOfFirm1";

const ok = 200;
const login = 302;
const no = 403;

// Columns: manage A, manage B, check in A, check in B, firm 1 (own), firm 2 (other)
const guardExpectations: Record<Who, [number, number, number, number, number, number]> = {
  anonymous: [login, login, login, login, login, login],
  admin: [ok, ok, ok, ok, ok, ok],
  organizerAll: [ok, ok, ok, ok, ok, ok],
  organizerOfA: [ok, no, ok, no, no, no],
  organizerOfSeries: [ok, no, ok, no, no, no],
  checkinOfA: [no, no, ok, no, no, no],
  firmContactOfFirm1: [no, no, no, no, ok, no],
};

// Columns: /admin, /admin/audit, /admin/access, /admin/events/A/access, /admin/events/B/access
const pageExpectations: Record<Who, [number, number, number, number, number]> = {
  anonymous: [login, login, login, login, login],
  admin: [ok, ok, ok, ok, ok],
  organizerAll: [ok, no, ok, ok, ok],
  organizerOfA: [ok, no, no, ok, no],
  organizerOfSeries: [ok, no, no, ok, no],
  checkinOfA: [ok, no, no, no, no],
  firmContactOfFirm1: [no, no, no, no, no],
};

const seriesOrganizer = { email: "series.organizer@demo.example.org", password: "series-organizer-1" };

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
const jars = {} as Record<Who, CookieJar>;
let eventA: { id: string };
let eventB: { id: string };
let firm1: string;
let firm2: string;

beforeAll(async () => {
  await seedDemo();
  await createUser({ ...seriesOrganizer, name: "系列组织者" });
  await grantRole({ email: seriesOrganizer.email, role: "ORGANIZER", scope: { seriesSlug: "agent-deep-dive-2026" } });
  server = await startTestServer();
  const db = await prisma();
  eventA = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
  eventB = await db.event.findUniqueOrThrow({ where: { slug: "2025-agent-innovation-forum" } });
  expect((eventB as { seriesId?: string | null }).seriesId ?? null).toBeNull();
  const contact = await db.roleAssignment.findFirstOrThrow({ where: { role: "FIRM_CONTACT", user: { email: demo.firm.email } } });
  firm1 = contact.firmId!;
  firm2 = (await db.firm.findFirstOrThrow({ where: { id: { not: firm1 } } })).id;

  const accounts: Record<Exclude<Who, "anonymous">, { email: string; password: string }> = {
    admin: demo.admin,
    organizerAll: demo.organizer,
    organizerOfA: demo.shanghaiOrganizer,
    organizerOfSeries: seriesOrganizer,
    checkinOfA: demo.checkin,
    firmContactOfFirm1: demo.firm,
  };
  jars.anonymous = new CookieJar();
  for (const [who, account] of Object.entries(accounts)) jars[who as Who] = await signIn(server.baseUrl, account.email, account.password);
});
afterAll(() => server?.close());

async function outcome(check: () => Promise<unknown>): Promise<number> {
  try {
    await check();
    return ok;
  } catch (error) {
    if (error instanceof HttpError || error instanceof Response) return error.status;
    throw error;
  }
}

function requestAs(who: Who) {
  return new Request(`${server.baseUrl}/admin`, { headers: { Cookie: jars[who].header() } });
}

describe("permission matrix", () => {
  for (const who of Object.keys(guardExpectations) as Who[]) {
    it(`guards for ${who}`, async () => {
      const request = () => requestAs(who);
      const actual = [
        await outcome(() => requireEventManager(request(), eventA.id)),
        await outcome(() => requireEventManager(request(), eventB.id)),
        await outcome(() => requireCheckInStaff(request(), eventA.id)),
        await outcome(() => requireCheckInStaff(request(), eventB.id)),
        await outcome(() => requireFirmManager(request(), firm1)),
        await outcome(() => requireFirmManager(request(), firm2)),
      ];
      expect(actual).toEqual(guardExpectations[who]);
    });

    it(`pages for ${who}`, async () => {
      const paths = ["/admin", "/admin/audit", "/admin/access", `/admin/events/${eventA.id}/access`, `/admin/events/${eventB.id}/access`];
      const actual = [];
      for (const path of paths) {
        const response = await jars[who].fetch(server.baseUrl + path);
        if (response.status === login) expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
        actual.push(response.status);
      }
      expect(actual).toEqual(pageExpectations[who]);
    });
  }

  it("answers an unknown event id with 404 for a manager, never a 500", async () => {
    expect(await outcome(() => requireEventManager(requestAs("admin"), "no-such-event"))).toBe(404);
    const response = await jars.admin.fetch(`${server.baseUrl}/admin/events/no-such-event/access`);
    expect(response.status).toBe(404);
  });

  it("shows a forbidden page in the reader's language, not a server error", async () => {
    const zh = await (await jars.organizerOfA.fetch(`${server.baseUrl}/admin/events/${eventB.id}/access`)).text();
    expect(zh).toContain("您的账号没有访问此页面的权限。");
    const en = await (
      await jars.organizerOfA.fetch(`${server.baseUrl}/admin/events/${eventB.id}/access`, { headers: { "Accept-Language": "en" } })
    ).text();
    expect(en).toContain("Your account is not allowed to open this page.");
  });
});

describe("IDOR: an organizer of event A cannot change event B by editing ids", () => {
  const post = (who: Who, path: string, body: Record<string, string>) =>
    jars[who].fetch(server.baseUrl + path, { method: "POST", body: new URLSearchParams(body) });

  it("create-token on B's access page: 403 and no token", async () => {
    const db = await prisma();
    const before = await db.apiToken.count({ where: { eventId: eventB.id } });
    const response = await post("organizerOfA", `/admin/events/${eventB.id}/access`, { intent: "create-token", role: "CHECKIN", name: "sneaky" });
    expect(response.status).toBe(403);
    expect(await db.apiToken.count({ where: { eventId: eventB.id } })).toBe(before);
  });

  it("add-staff on B's access page: 403 and no grant", async () => {
    const db = await prisma();
    const before = await db.roleAssignment.count({ where: { eventId: eventB.id } });
    const response = await post("organizerOfA", `/admin/events/${eventB.id}/access`, { intent: "add-staff", email: demo.shanghaiOrganizer.email });
    expect(response.status).toBe(403);
    expect(await db.roleAssignment.count({ where: { eventId: eventB.id } })).toBe(before);
  });

  it("revoke-token of B's token through A's page: not found, B's token stays live", async () => {
    const created = await post("admin", `/admin/events/${eventB.id}/access`, { intent: "create-token", role: "CHECKIN", name: "B gate" });
    expect(created.status).toBe(200);
    const db = await prisma();
    const tokenOfB = await db.apiToken.findFirstOrThrow({ where: { eventId: eventB.id, name: "B gate" } });
    for (const tokenId of [tokenOfB.id, tokenOfB.prefix]) {
      const response = await post("organizerOfA", `/admin/events/${eventA.id}/access`, { intent: "revoke-token", tokenId });
      expect(response.status).toBe(404);
    }
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenOfB.id } })).revokedAt).toBeNull();
  });

  it("remove-staff of B's check-in grant through A's page: not found, the grant stays", async () => {
    await grantRole({ email: demo.checkin.email, role: "CHECKIN", scope: { eventId: eventB.id } });
    const db = await prisma();
    const grantOfB = await db.roleAssignment.findFirstOrThrow({ where: { role: "CHECKIN", eventId: eventB.id } });
    const response = await post("organizerOfA", `/admin/events/${eventA.id}/access`, { intent: "remove-staff", grantId: grantOfB.id });
    expect(response.status).toBe(404);
    expect(await db.roleAssignment.findUnique({ where: { id: grantOfB.id } })).not.toBeNull();
  });

  it("an organizer of all events cannot make anyone an admin or remove an admin", async () => {
    const db = await prisma();
    const admins = await db.roleAssignment.count({ where: { role: "ADMIN" } });
    const grant = await post("organizerAll", "/admin/access", { intent: "grant", email: demo.organizer.email, role: "ADMIN", scope: "none" });
    expect(grant.status).toBe(403);
    const adminGrant = await db.roleAssignment.findFirstOrThrow({ where: { role: "ADMIN" } });
    const revoke = await post("organizerAll", "/admin/access", { intent: "revoke", grantId: adminGrant.id });
    expect(revoke.status).toBe(404);
    expect(await db.roleAssignment.count({ where: { role: "ADMIN" } })).toBe(admins);
  });

  it("check-in staff and firm contacts cannot create users", async () => {
    const db = await prisma();
    const users = await db.user.count();
    for (const who of ["checkinOfA", "firmContactOfFirm1", "organizerOfA"] as const) {
      const response = await post(who, "/admin/access", { intent: "create-user", email: `${who}@evil.example`, name: "x" });
      expect(response.status, who).toBe(403);
    }
    expect(await db.user.count()).toBe(users);
  });
});
