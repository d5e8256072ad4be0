import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { startTestServer, type CookieJar } from "../support/server";
import { alertText, demo, signIn } from "../support/staff";

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: CookieJar;
let eventA: { id: string };
let eventB: { id: string };

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  admin = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
  const db = await prisma();
  eventA = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
  eventB = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-manufacturing-shenzhen" } });
});
afterAll(() => server?.close());

const access = (jar: CookieJar, body: Record<string, string>, headers: Record<string, string> = {}) =>
  jar.fetch(`${server.baseUrl}/admin/access`, { method: "POST", body: new URLSearchParams(body), headers });

describe("users and roles page", () => {
  const email = "new.organizer@example.org";
  let password: string;

  it("creates a user with a generated password shown once, which signs in", async () => {
    const response = await access(admin, { intent: "create-user", email, name: "新组织者", password: "" });
    expect(response.status).toBe(200);
    const html = await response.text();
    password = /data-testid="generated-password"[^>]*>([^<]+)</.exec(html)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    const listing = await (await admin.fetch(`${server.baseUrl}/admin/access`)).text();
    expect(listing).toContain(email);
    expect(listing).not.toContain(password);
    await signIn(server.baseUrl, email, password);
  });

  it("explains a duplicate e-mail and a bad scope in the reader's language", async () => {
    const duplicate = await access(admin, { intent: "create-user", email, name: "again" }, { "Accept-Language": "en" });
    expect(duplicate.status).toBe(409);
    expect(alertText(await duplicate.text())).toBe("An account with this e-mail already exists.");
    const badScope = await access(admin, { intent: "grant", email, role: "CHECKIN", scope: "none" });
    expect(badScope.status).toBe(422);
    expect(alertText(await badScope.text())).toMatch(/^角色与范围不匹配/);
  });

  it("keeps the grant form when its e-mail has no account, and says so on the e-mail field", async () => {
    const unknown = await access(admin, { intent: "grant", email: "nobody.here@example.org", role: "ORGANIZER", scope: `event:${eventA.id}` });
    expect(unknown.status).toBe(422);
    expect(alertText(await unknown.text())).toBe("没有使用该邮箱的账号。");
  });

  it("a granted event scope opens that event only, and revoking closes it again; all audited", async () => {
    const user = await signIn(server.baseUrl, email, password);
    expect((await user.fetch(`${server.baseUrl}/admin/events/${eventA.id}/access`)).status).toBe(403);

    const granted = await access(admin, { intent: "grant", email, role: "ORGANIZER", scope: `event:${eventA.id}` });
    expect(granted.status).toBe(200);
    expect((await user.fetch(`${server.baseUrl}/admin/events/${eventA.id}/access`)).status).toBe(200);
    expect((await user.fetch(`${server.baseUrl}/admin/events/${eventB.id}/access`)).status).toBe(403);

    const db = await prisma();
    const grant = await db.roleAssignment.findFirstOrThrow({ where: { user: { email } } });
    const revoked = await access(admin, { intent: "revoke", grantId: grant.id });
    expect(revoked.status).toBe(200);
    expect((await user.fetch(`${server.baseUrl}/admin/events/${eventA.id}/access`)).status).toBe(403);

    const adminUser = await db.user.findUniqueOrThrow({ where: { email: demo.admin.email } });
    const entries = await db.auditLog.findMany({ where: { targetId: grant.userId }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ["user.created", adminUser.id],
      ["role.granted", adminUser.id],
      ["role.revoked", adminUser.id],
    ]);
  });

  it("shows the audit log to admins as sentences with names and local times, filtered by action, actor and date", async () => {
    const visible = (html: string) => (/data-testid="audit-entries"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const items = (html: string) => (/data-testid="audit-entries"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "").match(/<li /g)?.length ?? 0;
    const all = visible(await (await admin.fetch(`${server.baseUrl}/admin/audit`)).text());
    expect(all).toContain("演示管理员 登录了");
    expect(all).toMatch(/演示管理员 授予 \S+ 组织者角色/);
    expect(all).toContain("(UTC+8)");
    // No raw action codes where people read.
    for (const code of ["role.granted", "auth.login", "user.created"]) expect(all).not.toContain(code);

    const revoked = await (await admin.fetch(`${server.baseUrl}/admin/audit?action=role.revoked`)).text();
    expect(items(revoked)).toBe(1);
    expect(visible(revoked)).toMatch(/演示管理员 撤销了 \S+ 的组织者角色/);

    const english = visible(await (await admin.fetch(`${server.baseUrl}/admin/audit?action=role.revoked`, { headers: { "Accept-Language": "en" } })).text());
    expect(english).toMatch(/演示管理员 removed the Organizer role from \S+/);

    const adminUser = await (await prisma()).user.findUniqueOrThrow({ where: { email: demo.admin.email } });
    const byAdmin = visible(await (await admin.fetch(`${server.baseUrl}/admin/audit?actor=${adminUser.id}`)).text());
    expect(byAdmin).toContain("演示管理员");
    const future = await (await admin.fetch(`${server.baseUrl}/admin/audit?from=2099-01-01`)).text();
    expect(items(future)).toBe(0);
    const garbage = await admin.fetch(`${server.baseUrl}/admin/audit?from=yesterday&actor=${"x".repeat(500)}`);
    expect(garbage.status).toBe(200);
  });
});
