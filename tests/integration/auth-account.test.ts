import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { sendPasswordResetLink } from "~/models/password-reset.server";
import { sendDueEmails } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { prisma } from "~/models/store/connection.server";
import { createUser, grantRole } from "~/models/user.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { CookieJar, startTestServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { demo, signIn } from "../support/staff";

/**
 * Issue 14 §2: every signed-in user has an account page listing their sessions, any of which they can end;
 * a forgotten password is replaced through a one-time link e-mailed to the address (1 hour, single use,
 * rate-limited), and an unknown address gets the same answer and no mail.
 */

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  smtp = await startSmtp();
  mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  // The demo seed's messages go out first, so each test below reads only its own.
  while ((await sendDueEmails({ render: renderLazyEmail, mailer, now: new Date(Date.now() + 86_400_000) })).claimed > 0);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await server?.close();
});

const minutes = (n: number) => n * 60 * 1000;

async function accountPage(jar: CookieJar) {
  const response = await jar.fetch(`${server.baseUrl}/account`);
  return { status: response.status, html: await response.text() };
}

function post(jar: CookieJar, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return jar.fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers });
}

async function sessionsOf(email: string) {
  return (await prisma()).authSession.findMany({ where: { user: { email } }, orderBy: { createdAt: "asc" } });
}

describe("account page", () => {
  it("opens for every role, a firm contact and check-in staff included", async () => {
    for (const credentials of [demo.firm, demo.checkin, demo.shanghaiOrganizer]) {
      const { status, html } = await accountPage(await signIn(server.baseUrl, credentials.email, credentials.password));
      expect(status, credentials.email).toBe(200);
      expect(html).toContain("修改密码");
      expect(html).toContain("当前设备");
    }
  });

  it("lists the sessions with device and address, and ending one makes its cookie useless", async () => {
    const account = { email: "sessions.owner@demo.example.org", password: "sessions-password-1" };
    await createUser({ ...account, name: "多设备用户" });
    await grantRole({ email: account.email, role: "ORGANIZER", scope: {} });
    const phone = new CookieJar();
    await phone.fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams(account), headers: { "User-Agent": "Phone Browser/1.0" } });
    const laptop = new CookieJar();
    await laptop.fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams(account), headers: { "User-Agent": "Laptop Browser/2.0" } });
    const tablet = await signIn(server.baseUrl, account.email, account.password);
    const [phoneSession, , tabletSession] = await sessionsOf(account.email);

    const { html } = await accountPage(laptop);
    expect(html).toContain("Phone Browser/1.0");
    expect(html).toContain("Laptop Browser/2.0");
    expect(html).toContain("127.0.0.1");
    expect(html.match(/当前设备/g)).toHaveLength(1);

    const ended = await post(laptop, "/account", { intent: "end-session", sessionId: phoneSession.id });
    expect(ended.status).toBe(200);
    expect(await ended.text()).toContain("该设备上的登录已结束。");
    expect((await accountPage(phone)).status).toBe(302);
    expect((await accountPage(tablet)).status).toBe(200);
    expect((await sessionsOf(account.email)).map((session) => session.id)).not.toContain(phoneSession.id);

    // Someone else's session id ends nothing.
    const admin = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const [adminSession] = (await sessionsOf(demo.admin.email)).slice(-1);
    await post(laptop, "/account", { intent: "end-session", sessionId: adminSession.id });
    expect((await accountPage(admin)).status).toBe(200);

    await post(laptop, "/account", { intent: "end-other-sessions" });
    expect((await accountPage(tablet)).status).toBe(302);
    expect((await accountPage(laptop)).status).toBe(200);
    expect((await sessionsOf(account.email)).map((session) => session.id)).not.toContain(tabletSession.id);
  });
});

describe("forgot password", () => {
  const account = { email: "forgot.me@demo.example.org", password: "forgotten-password-1" };

  beforeAll(async () => {
    await createUser({ ...account, name: "忘记密码的人" });
    await grantRole({ email: account.email, role: "ORGANIZER", scope: {} });
  });

  /** The reset e-mail written for `to` after `since` (written after the answer, so polled). */
  async function resetEmailFor(to: string, since: Date) {
    const db = await prisma();
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const row = await db.emailMessage.findFirst({ where: { toAddress: to, kind: "password-reset", createdAt: { gte: since } } });
      if (row) return row;
    }
    throw new Error(`No password-reset e-mail for ${to}`);
  }

  /** Delivers the queue to the real SMTP server and returns the reset link path of the mail that reached `to`. */
  async function deliveredLink(to: string) {
    const before = smtp.received;
    const report = await sendDueEmails({ render: renderLazyEmail, mailer });
    await smtp.waitFor(before + report.sent);
    const mail = smtp.messages.slice(before).find((message) => (message.to && "text" in message.to ? message.to.text : "").includes(to));
    expect(mail?.subject).toBe("重设您的密码");
    return /https?:\/\/[^/\s]+(\/account\/setup\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? "")![1];
  }

  function ask(email: string, headers: Record<string, string> = {}) {
    return post(new CookieJar(), "/forgot-password", { email }, headers);
  }

  it("links to it from the sign-in page, which speaks to every user", async () => {
    const html = await (await fetch(`${server.baseUrl}/login`)).text();
    expect(html).toContain('href="/forgot-password"');
    expect(html).toContain("忘记密码？");
    expect(html).toContain("成员企业联络人");
  });

  it("e-mails a link that works once, then the new password signs in and the old sessions are gone", async () => {
    const oldSession = await signIn(server.baseUrl, account.email, account.password);
    const since = new Date(Date.now() - 1000);
    const answer = await ask(account.email);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(`如果 ${account.email} 对应一个账号`);

    await resetEmailFor(account.email, since);
    const link = await deliveredLink(account.email);
    const user = await (await prisma()).user.findUniqueOrThrow({ where: { email: account.email } });
    // Valid one hour, and only the hash of the link is stored.
    expect(user.setupTokenExpiresAt!.getTime() - since.getTime()).toBeGreaterThan(minutes(59));
    expect(user.setupTokenExpiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(minutes(60));
    expect(user.setupTokenHash).not.toBe(link.split("/").pop());

    expect((await fetch(`${server.baseUrl}${link}`)).status).toBe(200);
    const set = await post(new CookieJar(), link, { password: "remembered-password-2", confirm: "remembered-password-2" });
    expect(set.status).toBe(302);
    expect(set.headers.get("Location")).toBe(`/login?setup=done&email=${encodeURIComponent(account.email)}`);
    expect((await accountPage(oldSession)).status).toBe(302);

    const signedIn = await post(new CookieJar(), "/login", { email: account.email, password: "remembered-password-2" });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/admin");

    // Single use.
    expect((await fetch(`${server.baseUrl}${link}`)).status).toBe(410);
    expect((await post(new CookieJar(), link, { password: "third-password-333", confirm: "third-password-333" })).status).toBe(410);
  });

  it("a link unused for more than an hour no longer works", async () => {
    const since = new Date(Date.now() - 1000);
    await ask(account.email);
    await resetEmailFor(account.email, since);
    const link = await deliveredLink(account.email);
    expect((await fetch(`${server.baseUrl}${link}`)).status).toBe(200);
    // An hour and a minute pass.
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
    await db.user.update({ where: { id: user.id }, data: { setupTokenExpiresAt: new Date(user.setupTokenExpiresAt!.getTime() - minutes(61)) } });
    const stale = await fetch(`${server.baseUrl}${link}`);
    expect(stale.status).toBe(410);
    expect(await stale.text()).toContain('href="/forgot-password"');
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const unknown = "nobody.here@demo.example.org";
    const known = "shanghai.organizer@demo.example.org";
    const since = new Date(Date.now() - 1000);
    // What the reader sees (the page's main part; the document around it carries a per-response nonce).
    const seen = async (response: Response, email: string) => [response.status, /<main[\s\S]*<\/main>/.exec(await response.text())![0].replaceAll(email, "…")];
    expect(await seen(await ask(unknown), unknown)).toEqual(await seen(await ask(known), known));
    // The known address's mail is written after the unknown one was looked up (both run after their answers).
    await resetEmailFor(known, since);
    expect(await (await prisma()).emailMessage.count({ where: { toAddress: unknown } })).toBe(0);
    expect(await sendPasswordResetLink({ email: unknown, fallbackLocale: "zh-CN" })).toBe(false);
  });

  it("limits how often one address is asked for, and says so in the reader's language", async () => {
    const address = "limited@demo.example.org";
    for (let attempt = 0; attempt < 3; attempt++) expect((await ask(address)).status).toBe(200);
    const english = await ask(address, { "Accept-Language": "en" });
    expect(english.status).toBe(429);
    expect(Number(english.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await english.text()).toMatch(/role="alert"[^>]*>(?:<div[^>]*>)?<p>Too many requests\. Try again in \d+ minutes\.<\/p>/);
    const chinese = await ask(address);
    expect(chinese.status).toBe(429);
    expect(await chinese.text()).toMatch(/role="alert"[^>]*>(?:<div[^>]*>)?<p>请求过于频繁，请 \d+ 分钟后再试。<\/p>/);
  });

  it("refuses an address that is not one at its field", async () => {
    const response = await ask("not-an-address", { "Accept-Language": "en" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Enter a valid e-mail address.");
  });
});
