import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { alertText, demo, signIn } from "../support/staff";

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

const minutes = (n: number) => n * 60 * 1000;

/** The newest session of a user: the one the last sign-in created. */
async function latestSession(email: string) {
  const db = await prisma();
  return db.authSession.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
}

async function backOfficeStatus(jar: CookieJar) {
  const response = await jar.fetch(`${server.baseUrl}/admin`);
  return { status: response.status, location: response.headers.get("Location") };
}

/** Whether the header of the home page shows a signed-in visitor (the sign-out button). */
async function signedIn(jar: CookieJar) {
  const html = await (await jar.fetch(`${server.baseUrl}/`)).text();
  return html.includes('action="/logout"');
}

describe("session lifetime", () => {
  it("sends an anonymous visitor of the back office to the sign-in page, keeping the way back", async () => {
    expect(await backOfficeStatus(new CookieJar())).toEqual({ status: 302, location: "/login?redirectTo=%2Fadmin" });
  });

  it("keeps a staff session alive while it is used, and ends it after 30 minutes idle", async () => {
    const jar = await signIn(server.baseUrl, demo.organizer.email, demo.organizer.password);
    const session = await latestSession(demo.organizer.email);
    const db = await prisma();

    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - minutes(29)) } });
    expect((await backOfficeStatus(jar)).status).toBe(200);
    // That visit counted as activity.
    const touched = await db.authSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(minutes(1));

    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - minutes(31)) } });
    expect(await backOfficeStatus(jar)).toEqual({ status: 302, location: "/login?redirectTo=%2Fadmin" });
    expect(await db.authSession.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("does not apply the staff idle limit to a firm contact, only the 12 h lifetime", async () => {
    const jar = await signIn(server.baseUrl, demo.firm.email, demo.firm.password);
    const session = await latestSession(demo.firm.email);
    const db = await prisma();
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - minutes(120)) } });
    expect(await signedIn(jar)).toBe(true);

    await db.authSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await signedIn(jar)).toBe(false);
  });

  it("ends any session 12 hours after sign-in, however active", async () => {
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const session = await latestSession(demo.admin.email);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeGreaterThan(minutes(12 * 60) - 5000);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeLessThanOrEqual(minutes(12 * 60) + 5000);

    const db = await prisma();
    await db.authSession.update({
      where: { id: session.id },
      data: { createdAt: new Date(Date.now() - minutes(12 * 60 + 1)), expiresAt: new Date(Date.now() - minutes(1)), lastSeenAt: new Date() },
    });
    expect((await backOfficeStatus(jar)).status).toBe(302);
    expect(await db.authSession.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("signs out: clears the cookie and deletes the session, so a copied cookie is useless", async () => {
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const stolen = jar.header();
    const session = await latestSession(demo.admin.email);
    const response = await jar.fetch(`${server.baseUrl}/logout`, { method: "POST" });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().find((cookie) => cookie.startsWith("sid="))).toMatch(/Max-Age=0/);
    expect(await (await prisma()).authSession.findUnique({ where: { id: session.id } })).toBeNull();
    const replay = await fetch(`${server.baseUrl}/admin`, { headers: { Cookie: stolen }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(await (await prisma()).auditLog.count({ where: { action: "auth.logout" } })).toBeGreaterThan(0);
  });

  it("refuses a forged or tampered cookie", async () => {
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const value = jar.header().split("sid=")[1];
    const tampered = `sid=${value.slice(0, -3)}AAA`;
    const response = await fetch(`${server.baseUrl}/admin`, { headers: { Cookie: tampered }, redirect: "manual" });
    expect(response.status).toBe(302);
  });
});

describe("change password", () => {
  const account = { email: "change.me@demo.example.org", password: "first-password-1" };

  it("changes the password, keeps this session and signs out every other one", async () => {
    const { createUser, grantRole } = await import("~/models/user.server");
    await createUser({ email: account.email, name: "改密码的人", password: account.password });
    await grantRole({ email: account.email, role: "ORGANIZER", scope: {} });

    const here = await signIn(server.baseUrl, account.email, account.password);
    const elsewhere = await signIn(server.baseUrl, account.email, account.password);
    expect((await backOfficeStatus(elsewhere)).status).toBe(200);

    const wrong = await here.fetch(`${server.baseUrl}/account`, {
      method: "POST",
      body: new URLSearchParams({ intent: "password", currentPassword: "not-it-at-all", newPassword: "second-password-2", confirmPassword: "second-password-2" }),
    });
    // Said at its field (the form's 422, like every field the person can correct).
    expect(wrong.status).toBe(422);
    const wrongPage = await wrong.text();
    expect(alertText(wrongPage)).toBe("当前密码不正确。");
    expect(wrongPage).toMatch(/id="field-currentPassword-error"[^>]*>当前密码不正确。</);
    expect((await backOfficeStatus(elsewhere)).status).toBe(200);

    const changed = await here.fetch(`${server.baseUrl}/account`, {
      method: "POST",
      body: new URLSearchParams({ intent: "password", currentPassword: account.password, newPassword: "second-password-2", confirmPassword: "second-password-2" }),
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("密码已修改");

    expect((await backOfficeStatus(here)).status).toBe(200);
    expect((await backOfficeStatus(elsewhere)).status).toBe(302);

    const oldPassword = await new CookieJar().fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams(account) });
    expect(oldPassword.status).toBe(401);
    await signIn(server.baseUrl, account.email, "second-password-2");
  });

  it("rejects a too short or mismatched new password with field messages", async () => {
    const jar = await signIn(server.baseUrl, account.email, "second-password-2");
    const short = await jar.fetch(`${server.baseUrl}/account`, {
      method: "POST",
      headers: { "Accept-Language": "en" },
      body: new URLSearchParams({ intent: "password", currentPassword: "second-password-2", newPassword: "short", confirmPassword: "short" }),
    });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Too short (at least 10 characters).");
    const mismatch = await jar.fetch(`${server.baseUrl}/account`, {
      method: "POST",
      body: new URLSearchParams({ intent: "password", currentPassword: "second-password-2", newPassword: "third-password-3", confirmPassword: "third-password-4" }),
    });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain("两次输入的新密码不一致。");
  });
});
