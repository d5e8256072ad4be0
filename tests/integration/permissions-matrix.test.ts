import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { createUser, grantRole } from "~/models/user.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { requireCheckInStaff, requireEventManager, requireFirmManager } from "~/auth/permissions.server";
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
  // Check-in staff who open the back office are sent to the scanner, their home (issue 14 §1).
  checkinOfA: [login, no, no, no, no],
  firmContactOfFirm1: [no, no, no, no, no],
};

// /admin/board (the scenario board's moderation): programme managers only, as /admin/firms.
const boardModeration: Record<Who, number> = {
  anonymous: login,
  admin: ok,
  organizerAll: ok,
  organizerOfA: no,
  organizerOfSeries: no,
  checkinOfA: no,
  firmContactOfFirm1: no,
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
  await useDemoDatabase();
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
        const home = who === "checkinOfA" && path === "/admin" ? /^\/checkin$/ : /^\/login\?redirectTo=/;
        if (response.status === login) expect(response.headers.get("Location")).toMatch(home);
        actual.push(response.status);
      }
      expect(actual).toEqual(pageExpectations[who]);
    });

    it(`board moderation for ${who}: programme managers only`, async () => {
      const page = await jars[who].fetch(`${server.baseUrl}/admin/board`);
      const approve = await jars[who].fetch(`${server.baseUrl}/admin/board`, { method: "POST", body: new URLSearchParams({ intent: "approve", postId: "no-such-post" }) });
      expect([page.status, approve.status]).toEqual([boardModeration[who], boardModeration[who] === ok ? 404 : boardModeration[who]]);
    });

    it(`matchmaking pages for ${who}: as the event guard says`, async () => {
      const paths = [`/admin/events/${eventA.id}/matchmaking`, `/admin/events/${eventB.id}/matchmaking`, `/admin/events/${eventA.id}/matchmaking/table-plan`];
      const actual = [];
      for (const path of paths) actual.push((await jars[who].fetch(server.baseUrl + path)).status);
      const [a, b] = guardExpectations[who];
      expect(actual).toEqual([a, b, a]);
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
    const en = await (await jars.organizerOfA.fetch(`${server.baseUrl}/admin/events/${eventB.id}/access`, { headers: { "Accept-Language": "en" } })).text();
    expect(en).toContain("Your account is not allowed to open this page.");
  });
});

describe("IDOR: an organizer of event A cannot change event B by editing ids", () => {
  const post = (who: Who, path: string, body: Record<string, string>) => jars[who].fetch(server.baseUrl + path, { method: "POST", body: new URLSearchParams(body) });

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

describe("speakers: an organizer of some events reaches contact details and edits of their own events' people only", () => {
  // A 1×1 PNG, enough for the photo upload to pass its image checks.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  const outOfScopeEmail = "only-at-the-forum@speakers.example.org";
  const inScopeEmail = "at-shanghai@speakers.example.org";
  let outOfScope: string;
  let inScope: string;

  beforeAll(async () => {
    const db = await prisma();
    const sessionOfA = await db.session.findFirstOrThrow({ where: { eventId: eventA.id } });
    const sessionOfB = await db.session.findFirstOrThrow({ where: { eventId: eventB.id } });
    outOfScope = (await db.speaker.create({ data: { name: "论坛专属嘉宾", organization: "论坛单位", email: outOfScopeEmail } })).id;
    inScope = (await db.speaker.create({ data: { name: "上海站嘉宾", organization: "上海单位", email: inScopeEmail } })).id;
    await db.sessionSpeaker.create({ data: { sessionId: sessionOfB.id, speakerId: outOfScope, role: "KEYNOTE" } });
    await db.sessionSpeaker.create({ data: { sessionId: sessionOfA.id, speakerId: inScope, role: "KEYNOTE" } });
  });

  const save = (who: Who, speakerId: string, name: string, email: string) =>
    jars[who].fetch(`${server.baseUrl}/admin/speakers/${speakerId}`, { method: "POST", body: new URLSearchParams({ intent: "save", name, organization: "单位", email }) });
  const upload = (who: Who, speakerId: string) => {
    const form = new FormData();
    form.set("photo", new Blob([png], { type: "image/png" }), "photo.png");
    return jars[who].fetch(`${server.baseUrl}/admin/speakers/${speakerId}`, { method: "POST", body: form });
  };

  // Columns for the speaker who appears only at event B: open the edit page, save, upload a photo.
  const outOfScopeExpectations: Record<Exclude<Who, "anonymous">, [number, number, number]> = {
    admin: [ok, ok, ok],
    organizerAll: [ok, ok, ok],
    organizerOfA: [no, no, no],
    organizerOfSeries: [no, no, no],
    checkinOfA: [no, no, no],
    firmContactOfFirm1: [no, no, no],
  };

  for (const who of Object.keys(outOfScopeExpectations) as Exclude<Who, "anonymous">[]) {
    it(`edit page, save and photo upload of a speaker of event B only, for ${who}`, async () => {
      const db = await prisma();
      const before = await db.speaker.findUniqueOrThrow({ where: { id: outOfScope } });
      const page = await jars[who].fetch(`${server.baseUrl}/admin/speakers/${outOfScope}`);
      const html = await page.text();
      const saved = await save(who, outOfScope, before.name, outOfScopeEmail);
      const uploaded = await upload(who, outOfScope);
      expect([page.status, saved.status, uploaded.status]).toEqual(outOfScopeExpectations[who]);
      if (page.status === ok) expect(html).toContain(outOfScopeEmail);
      else expect(html).not.toContain(outOfScopeEmail);
      if (uploaded.status !== ok) expect((await db.speaker.findUniqueOrThrow({ where: { id: outOfScope } })).photoPath).toBe(before.photoPath);
    });
  }

  it("a scoped organizer changes nothing of an out-of-scope speaker", async () => {
    const response = await save("organizerOfA", outOfScope, "被改掉的名字", "attacker@evil.example");
    expect(response.status).toBe(no);
    const speaker = await (await prisma()).speaker.findUniqueOrThrow({ where: { id: outOfScope } });
    expect(speaker).toMatchObject({ name: "论坛专属嘉宾", email: outOfScopeEmail });
  });

  it("the directory lists every speaker by name for a scoped organizer, with e-mail addresses of their own events' people only", async () => {
    for (const who of ["organizerOfA", "organizerOfSeries"] as const) {
      const html = await (await jars[who].fetch(`${server.baseUrl}/admin/speakers`)).text();
      expect(html, who).toContain("论坛专属嘉宾");
      expect(html, who).not.toContain(outOfScopeEmail);
      expect(html, who).toContain(inScopeEmail);
    }
    for (const who of ["admin", "organizerAll"] as const) {
      const html = await (await jars[who].fetch(`${server.baseUrl}/admin/speakers`)).text();
      expect(html, who).toContain(outOfScopeEmail);
    }
  });

  it("the session editor's speaker search of event A still offers the out-of-scope speaker to pick, without an address", async () => {
    const answer = await jars.organizerOfA.fetch(`${server.baseUrl}/admin/events/${eventA.id}/agenda/speakers?q=${encodeURIComponent("论坛专属")}`);
    const text = await answer.text();
    expect(answer.status).toBe(ok);
    expect(text).toContain("论坛专属嘉宾");
    expect(text).not.toContain(outOfScopeEmail);
  });

  it("a scoped organizer edits the people of their own events and the people they added", async () => {
    const page = await jars.organizerOfA.fetch(`${server.baseUrl}/admin/speakers/${inScope}`);
    expect(page.status).toBe(ok);
    expect(await page.text()).toContain(inScopeEmail);
    expect((await save("organizerOfA", inScope, "上海站嘉宾", inScopeEmail)).status).toBe(ok);
    expect((await upload("organizerOfA", inScope)).status).toBe(ok);

    const created = await jars.organizerOfA.fetch(`${server.baseUrl}/admin/speakers`, {
      method: "POST",
      body: new URLSearchParams({ name: "新添加的嘉宾", organization: "新单位", email: "new-guest@speakers.example.org" }),
    });
    expect(created.status).toBe(302);
    const location = created.headers.get("Location")!;
    const own = await jars.organizerOfA.fetch(server.baseUrl + location);
    expect(own.status).toBe(ok);
    expect(await own.text()).toContain("new-guest@speakers.example.org");
    expect((await jars.organizerOfSeries.fetch(server.baseUrl + location)).status).toBe(no);
  });

  // Last in this block: the attachment brings the person into event A's scope.
  it("putting a person of another event on one's own agenda is audited with the organizer who did it", async () => {
    const db = await prisma();
    const session = await db.session.findFirstOrThrow({ where: { eventId: eventA.id } });
    const response = await jars.organizerOfA.fetch(`${server.baseUrl}/admin/events/${eventA.id}/agenda/${session.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "attach", speakerId: outOfScope, role: "PANELIST", position: "9" }),
    });
    expect(response.status).toBe(ok);
    const organizer = await db.user.findUniqueOrThrow({ where: { email: demo.shanghaiOrganizer.email } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "speaker.attached", targetId: outOfScope } });
    expect(entry).toMatchObject({ actorUserId: organizer.id, eventId: eventA.id });
  });
});

describe("the series roll-up: programme managers in the back office, everyone on the public page and API", () => {
  // Columns: /admin/series/:id, its roll-up .xlsx, /series/:slug, /api/v1/series/:slug/rollup
  const expectations: Record<Who, [number, number, number, number]> = {
    anonymous: [login, login, ok, ok],
    admin: [ok, ok, ok, ok],
    organizerAll: [ok, ok, ok, ok],
    organizerOfA: [no, no, ok, ok],
    organizerOfSeries: [no, no, ok, ok],
    checkinOfA: [no, no, ok, ok],
    firmContactOfFirm1: [no, no, ok, ok],
  };

  for (const who of Object.keys(expectations) as Who[]) {
    it(`for ${who}`, async () => {
      const series = await (await prisma()).series.findUniqueOrThrow({ where: { slug: "agent-deep-dive-2026" } });
      const paths = [`/admin/series/${series.id}`, `/admin/series/${series.id}/rollup.xlsx`, `/series/${series.slug}`, `/api/v1/series/${series.slug}/rollup`];
      const actual = [];
      for (const path of paths) actual.push((await jars[who].fetch(server.baseUrl + path)).status);
      expect(actual).toEqual(expectations[who]);
    });
  }
});

describe("the case library: every page and API answer is public", () => {
  for (const who of Object.keys(guardExpectations) as Who[]) {
    it(`for ${who}`, async () => {
      const db = await prisma();
      const published = await db.caseSubmission.findFirstOrThrow({ where: { publishedAt: { not: null }, publicationConsent: true, decision: "TYPICAL", firm: { status: "ACTIVE" } } });
      const paths = [
        "/cases",
        "/cases/panorama",
        `/cases/${published.id}`,
        "/cases/booklet/agent-cases-2025",
        `/programme/firms/${published.firmId}`,
        "/api/v1/cases",
        `/api/v1/cases/${published.id}`,
        "/api/v1/case-calls",
      ];
      const actual = [];
      for (const path of paths) actual.push((await jars[who].fetch(server.baseUrl + path)).status);
      expect(actual).toEqual(paths.map(() => ok));
    });
  }
});
