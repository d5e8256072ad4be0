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

function postLogin(body: Record<string, string>, headers: Record<string, string> = {}, jar = new CookieJar()) {
  return jar.fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams(body), headers });
}

async function sessionsOf(email: string) {
  const db = await prisma();
  return db.authSession.findMany({ where: { user: { email } }, orderBy: { createdAt: "asc" } });
}

describe("sign-in", () => {
  it("signs in, sets an HttpOnly SameSite=Lax session cookie and opens the back office", async () => {
    const jar = new CookieJar();
    const response = await postLogin({ ...demo.organizer, redirectTo: "/admin" }, {}, jar);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin");
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^sid=[^;]+/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    const page = await jar.fetch(`${server.baseUrl}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("演示组织者");

    const db = await prisma();
    const login = await db.auditLog.findFirst({ where: { action: "auth.login" }, orderBy: { at: "desc" } });
    expect(login?.actorUserId).toBe((await db.user.findUnique({ where: { email: demo.organizer.email } }))?.id);
  });

  it("stores only a hash of the session secret", async () => {
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const secret = decodeURIComponent(jar.header().split("sid=")[1]);
    const sessions = await sessionsOf(demo.admin.email);
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) expect(secret).not.toContain(session.id);
    expect(sessions.at(-1)?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rotates the session at every sign-in, even when the browser already holds a cookie", async () => {
    const jar = new CookieJar();
    await signIn(server.baseUrl, demo.checkin.email, demo.checkin.password, jar);
    const first = jar.header();
    const firstIds = (await sessionsOf(demo.checkin.email)).map((session) => session.id);
    await signIn(server.baseUrl, demo.checkin.email, demo.checkin.password, jar);
    const second = jar.header();
    const secondIds = (await sessionsOf(demo.checkin.email)).map((session) => session.id);
    expect(second).not.toBe(first);
    expect(secondIds).toHaveLength(firstIds.length + 1);
    expect(firstIds.every((id) => secondIds.includes(id))).toBe(true);
  });

  it.each([
    ["zh-CN", {}, "邮箱或密码不正确。"],
    ["en", { "Accept-Language": "en-US,en;q=0.9" }, "The e-mail or password is not correct."],
  ])("answers a wrong password and an unknown e-mail with the same 401 message (%s)", async (_locale, headers, message) => {
    const wrongPassword = await postLogin({ email: demo.admin.email, password: "not-the-password" }, headers);
    const unknownEmail = await postLogin({ email: "nobody@demo.example.org", password: "not-the-password" }, headers);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.headers.getSetCookie().some((cookie) => cookie.startsWith("sid="))).toBe(false);
    const [a, b] = [alertText(await wrongPassword.text()), alertText(await unknownEmail.text())];
    expect(a).toBe(message);
    expect(b).toBe(a);
  });

  it("rejects an empty form with 400 and a message, not a crash", async () => {
    const response = await postLogin({ email: "", password: "" });
    expect(response.status).toBe(400);
    expect(alertText(await response.text())).toBe("邮箱或密码不正确。");
  });

  it.each([
    ["//evil.example/phish", "/admin"],
    ["https://evil.example/", "/admin"],
    ["/\\evil.example", "/admin"],
    ["/\t/evil.example", "/admin"],
    ["javascript:alert(1)", "/admin"],
    ["/account?tab=1", "/account?tab=1"],
  ])("redirects after sign-in only within the site: %j → %s", async (redirectTo, expected) => {
    const response = await postLogin({ ...demo.admin, redirectTo });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(expected);
  });

  it("guards the redirect of an already signed-in visitor too", async () => {
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const response = await jar.fetch(`${server.baseUrl}/login?redirectTo=${encodeURIComponent("//evil.example")}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin");
  });

  it("refuses a POST from a foreign Origin with 403 before the action runs", async () => {
    const db = await prisma();
    const before = await db.loginAttempt.count();
    const response = await postLogin(demo.admin, { Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("bad_origin");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await db.loginAttempt.count()).toBe(before);

    const sameSite = await postLogin(demo.admin, { Origin: server.baseUrl });
    expect(sameSite.status).toBe(302);
  });

  it("refuses a foreign-Origin POST on a signed-in page too (no CSRF through the cookie)", async () => {
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const db = await prisma();
    const users = await db.user.count();
    const response = await jar.fetch(`${server.baseUrl}/admin/access`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      body: new URLSearchParams({ intent: "create-user", email: "csrf@evil.example", name: "CSRF" }),
    });
    expect(response.status).toBe(403);
    expect(await db.user.count()).toBe(users);
  });
});
