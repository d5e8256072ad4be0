import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { createUser } from "~/models/user.server";
import { maxFailuresPerAccount } from "~/auth/login.server";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { alertText, demo } from "../support/staff";

// Every sign-in runs scrypt (32 MiB); on a busy 2-core machine a dozen take more than the default 30 s.
vi.setConfig({ testTimeout: 180_000 });

// Behind a trusted proxy each attacker below can come from an address of its own, so the per-address limit
// does not stop them and only the per-account lockout is tested.
process.env.TRUST_PROXY = "true";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

function postLogin(body: Record<string, string>, headers: Record<string, string> = {}) {
  return new CookieJar().fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams(body), headers });
}

describe("lockout and rate limit", () => {
  it(`locks an account after ${maxFailuresPerAccount} failures, even for the right password (423)`, async () => {
    expect(maxFailuresPerAccount).toBe(10);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await postLogin({ email: demo.organizer.email, password: `wrong-${attempt}` });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const locked = await postLogin(demo.organizer);
    expect(locked.status).toBe(423);
    expect(locked.headers.getSetCookie().some((cookie) => cookie.startsWith("sid="))).toBe(false);
    expect(alertText(await locked.text())).toBe("此账号因多次登录失败已暂时锁定，请一小时后再试或联系管理员。");

    const lockedEn = await postLogin(demo.organizer, { "Accept-Language": "en" });
    expect(lockedEn.status).toBe(423);
    expect(alertText(await lockedEn.text())).toMatch(/^This account is locked/);

    const db = await prisma();
    expect(await db.auditLog.count({ where: { action: "auth.login_failed" } })).toBe(10);
    expect(await db.authSession.count({ where: { user: { email: demo.organizer.email } } })).toBe(0);
  });

  it("locks only that account: another one signs in normally", async () => {
    const response = await postLogin(demo.admin);
    expect(response.status).toBe(302);
  });

  it("unlocks once the failures are older than the one-hour window", async () => {
    const db = await prisma();
    await db.loginAttempt.updateMany({
      where: { email: demo.organizer.email },
      data: { at: new Date(Date.now() - 61 * 60 * 1000) },
    });
    const response = await postLogin(demo.organizer);
    expect(response.status).toBe(302);
  });

  it("limits sign-in attempts per client address (429 with Retry-After)", async () => {
    // Fired together so that all land in one one-minute window however slow the machine is; the limit is 30.
    const responses = await Promise.all(Array.from({ length: 31 }, (_, attempt) => postLogin({ email: `nobody${attempt}@demo.example.org`, password: "whatever-123" })));
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(responses.every((response) => response.status === 401 || response.status === 429)).toBe(true);
    expect(Number(limited[0].headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(alertText(await limited[0].text())).toMatch(/^登录尝试过于频繁/);
  });
});

describe("lockout under concurrency (issue 12 §6)", () => {
  let nextAddress = 1;
  const fromNewAddress = () => ({ "X-Forwarded-For": `198.51.100.${nextAddress++}` });
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60 * 1000);

  async function account(name: string) {
    const credentials = { email: `${name}@example.org`, password: `right-password-${name}` };
    await createUser({ email: credentials.email, name, password: credentials.password });
    return credentials;
  }

  async function shiftAttempts(email: string, minutes: number) {
    const db = await prisma();
    for (const attempt of await db.loginAttempt.findMany({ where: { email } })) {
      await db.loginAttempt.update({ where: { id: attempt.id }, data: { at: new Date(attempt.at.getTime() - minutes * 60 * 1000) } });
    }
  }

  it("28 wrong passwords at once from 28 addresses count as 10, and the right password is then refused (423)", async () => {
    const victim = await account("concurrent-victim");
    const responses = await Promise.all(Array.from({ length: 28 }, (_, attempt) => postLogin({ email: victim.email, password: `guess-${attempt}` }, fromNewAddress())));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(maxFailuresPerAccount);
    expect(statuses.filter((status) => status === 423)).toHaveLength(28 - maxFailuresPerAccount);

    const right = await postLogin(victim, fromNewAddress());
    expect(right.status).toBe(423);
    expect(right.headers.getSetCookie().some((cookie) => cookie.startsWith("sid="))).toBe(false);
    const db = await prisma();
    expect(await db.loginAttempt.count({ where: { email: victim.email, ok: false } })).toBe(maxFailuresPerAccount);
    expect(await db.authSession.count({ where: { user: { email: victim.email } } })).toBe(0);
  });

  it("attempts while locked are refused and do not extend the lock: it ends an hour after the failures that caused it", async () => {
    const victim = await account("kept-locked");
    for (const response of await Promise.all(Array.from({ length: maxFailuresPerAccount }, (_, attempt) => postLogin({ email: victim.email, password: `guess-${attempt}` }, fromNewAddress())))) {
      expect(response.status).toBe(401);
    }
    // Half an hour later someone who knows the address keeps trying, with wrong and right passwords.
    await shiftAttempts(victim.email, 30);
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await postLogin(attempt % 3 === 0 ? victim : { email: victim.email, password: `again-${attempt}` }, fromNewAddress());
      expect(response.status, `attempt ${attempt} during the lock`).toBe(423);
    }
    expect(await (await prisma()).loginAttempt.count({ where: { email: victim.email, ok: false, at: { gte: minutesAgo(60) } } })).toBe(maxFailuresPerAccount);
    // Just over an hour after the original failures (half an hour after the attempts during the lock).
    await shiftAttempts(victim.email, 31);
    const response = await postLogin(victim, fromNewAddress());
    expect(response.status).toBe(302);
  });
});
