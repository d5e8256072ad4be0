import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { createApiToken, revokeApiToken } from "~/models/api-token.server";
import { tokenFromRequest } from "~/auth/bearer-token.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { requireEventToken, tokenMayAct } from "~/auth/permissions.server";
import { ensureDefaultList } from "~/models/checkin-list.server";
import { addRegistration, newNonce } from "../support/checkin-fixtures";
import { startTestServer } from "../support/server";
import { alertText, demo, signIn } from "../support/staff";

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let eventA: { id: string; slug: string };
let eventB: { id: string; slug: string };

beforeAll(async () => {
  await useDemoDatabase();
  const db = await prisma();
  eventA = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
  eventB = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-manufacturing-shenzhen" } });
});

const bearer = (token: string) => new Request("http://localhost/api/v1/checkin", { headers: { Authorization: `Bearer ${token}` } });

async function status(check: Promise<unknown>): Promise<number> {
  try {
    await check;
    return 200;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe("API token scope", () => {
  it("a check-in token of event A works for A and is refused for B", async () => {
    const { token } = await createApiToken({ eventSlug: eventA.slug, role: "CHECKIN" });
    expect(await tokenFromRequest(bearer(token))).toMatchObject({ eventId: eventA.id, role: "CHECKIN" });
    expect(await requireEventToken(bearer(token), eventA.id, "CHECKIN")).toMatchObject({ eventId: eventA.id });
    expect(await status(requireEventToken(bearer(token), eventB.id, "CHECKIN"))).toBe(403);
  });

  it("a check-in token never passes for organizer work; an organizer token may check in", async () => {
    const checkin = await createApiToken({ eventSlug: eventA.slug, role: "CHECKIN" });
    const organizer = await createApiToken({ eventSlug: eventA.slug, role: "ORGANIZER" });
    expect(await status(requireEventToken(bearer(checkin.token), eventA.id, "ORGANIZER"))).toBe(403);
    expect(await status(requireEventToken(bearer(organizer.token), eventA.id, "ORGANIZER"))).toBe(200);
    expect(await status(requireEventToken(bearer(organizer.token), eventA.id, "CHECKIN"))).toBe(200);
    expect(await status(requireEventToken(bearer(organizer.token), eventB.id, "CHECKIN"))).toBe(403);
    expect(tokenMayAct({ eventId: eventA.id, role: "CHECKIN" }, eventA.id, "CHECKIN")).toBe(true);
    expect(tokenMayAct({ eventId: eventA.id, role: "CHECKIN" }, eventB.id, "CHECKIN")).toBe(false);
  });

  it("missing, malformed, unknown and revoked tokens get 401", async () => {
    const { token, record } = await createApiToken({ eventSlug: eventA.slug, role: "CHECKIN" });
    expect(await status(requireEventToken(new Request("http://localhost/"), eventA.id, "CHECKIN"))).toBe(401);
    expect(await status(requireEventToken(new Request("http://localhost/", { headers: { Authorization: token } }), eventA.id, "CHECKIN"))).toBe(401);
    expect(await status(requireEventToken(bearer(`${token}x`), eventA.id, "CHECKIN"))).toBe(401);
    await revokeApiToken({ id: record.prefix });
    expect(await status(requireEventToken(bearer(token), eventA.id, "CHECKIN"))).toBe(401);
    const db = await prisma();
    expect(await db.auditLog.count({ where: { action: "token.revoked", targetId: record.id } })).toBe(1);
  });

  it("stores only a hash and a short prefix of each token", async () => {
    const { token, record } = await createApiToken({ eventSlug: eventA.slug, role: "CHECKIN" });
    const stored = await (await prisma()).apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(token).toMatch(/^evt_[\w-]{32}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(stored.prefix)).toBe(true);
    expect(stored.prefix.length).toBeLessThan(12);
  });
});

describe("tokens created in the back office", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it("shows a new token once; it works for its event; revoking it on the page ends it; all audited", async () => {
    const jar = await signIn(server.baseUrl, demo.shanghaiOrganizer.email, demo.shanghaiOrganizer.password);
    const page = `${server.baseUrl}/admin/events/${eventA.id}/access`;
    const created = await jar.fetch(page, { method: "POST", body: new URLSearchParams({ intent: "create-token", role: "CHECKIN", name: "Gate 2" }) });
    expect(created.status).toBe(200);
    const html = await created.text();
    const token = /data-testid="new-token"[^>]*>(evt_[\w-]+)</.exec(html)?.[1];
    expect(token).toBeDefined();
    expect(await status(requireEventToken(bearer(token!), eventA.id, "CHECKIN"))).toBe(200);

    const listing = await (await jar.fetch(page)).text();
    expect(listing).toContain("Gate 2");
    expect(listing).not.toContain(token!);

    const db = await prisma();
    const record = await db.apiToken.findFirstOrThrow({ where: { name: "Gate 2" } });
    const revoked = await jar.fetch(page, { method: "POST", body: new URLSearchParams({ intent: "revoke-token", tokenId: record.id }) });
    expect(revoked.status).toBe(200);
    expect(await status(requireEventToken(bearer(token!), eventA.id, "CHECKIN"))).toBe(401);

    const organizer = await db.user.findUniqueOrThrow({ where: { email: demo.shanghaiOrganizer.email } });
    const actions = (await db.auditLog.findMany({ where: { targetId: record.id }, orderBy: { at: "asc" } })).map((entry) => [entry.action, entry.actorUserId, entry.eventId]);
    expect(actions).toEqual([
      ["token.created", organizer.id, eventA.id],
      ["token.revoked", organizer.id, eventA.id],
    ]);
  });

  it("adds and removes check-in staff of the event, and explains an unknown e-mail", async () => {
    const jar = await signIn(server.baseUrl, demo.shanghaiOrganizer.email, demo.shanghaiOrganizer.password);
    const page = `${server.baseUrl}/admin/events/${eventA.id}/access`;
    const unknown = await jar.fetch(page, { method: "POST", body: new URLSearchParams({ intent: "add-staff", email: "nobody@demo.example.org" }) });
    expect(unknown.status).toBe(422);
    expect(alertText(await unknown.text())).toBe("没有使用该邮箱的账号。");

    const added = await jar.fetch(page, { method: "POST", body: new URLSearchParams({ intent: "add-staff", email: demo.firm.email }) });
    expect(added.status).toBe(200);
    const db = await prisma();
    const grant = await db.roleAssignment.findFirstOrThrow({ where: { role: "CHECKIN", eventId: eventA.id, user: { email: demo.firm.email } } });
    const removed = await jar.fetch(page, { method: "POST", body: new URLSearchParams({ intent: "remove-staff", grantId: grant.id }) });
    expect(removed.status).toBe(200);
    expect(await db.roleAssignment.findUnique({ where: { id: grant.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ["role.granted", "role.revoked"] }, targetId: grant.userId, eventId: eventA.id } })).toBe(2);
  });
});

describe("one token check for every token API", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
    await ensureDefaultList(eventA.id);
    await ensureDefaultList(eventB.id);
  });
  afterAll(() => server?.close());

  const scan = (token: string, slug: string, code: string) =>
    fetch(`${server.baseUrl}/api/v1/checkin`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ event: slug, code, nonce: newNonce() }),
    });
  const tokenApis = (slug: string, code: string) => ({
    scan: (token: string) => scan(token, slug, code),
    batch: (token: string) =>
      fetch(`${server.baseUrl}/api/v1/checkin/batch`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ event: slug, deviceId: "door-1", scans: [{ code, nonce: newNonce(), scannedAt: new Date().toISOString() }] }),
      }),
    stats: (token: string) => fetch(`${server.baseUrl}/api/v1/events/${slug}/checkin/stats`, { headers: { Authorization: `Bearer ${token}` } }),
    search: (token: string) => fetch(`${server.baseUrl}/api/v1/events/${slug}/checkin/search?q=${encodeURIComponent("参会")}`, { headers: { Authorization: `Bearer ${token}` } }),
    index: (token: string) => fetch(`${server.baseUrl}/api/v1/events/${slug}/checkin/index`, { headers: { Authorization: `Bearer ${token}` } }),
  });

  it("a check-in token and an organizer token of event A work on every token API of A and get 403 on every one of B", async () => {
    const codeA = (await addRegistration(eventA.id)).ticketCode;
    const codeB = (await addRegistration(eventB.id)).ticketCode;
    for (const role of ["CHECKIN", "ORGANIZER"] as const) {
      const { token } = await createApiToken({ eventSlug: eventA.slug, role });
      for (const [name, call] of Object.entries(tokenApis(eventA.slug, codeA))) {
        expect(`${role} ${name} A: ${(await call(token)).status}`).toBe(`${role} ${name} A: 200`);
      }
      for (const [name, call] of Object.entries(tokenApis(eventB.slug, codeB))) {
        expect(`${role} ${name} B: ${(await call(token)).status}`).toBe(`${role} ${name} B: 403`);
      }
    }
    const unknown = `evt_${"x".repeat(32)}`;
    for (const [name, call] of Object.entries(tokenApis(eventA.slug, codeA))) {
      expect(`${name}: ${(await call(unknown)).status}`).toBe(`${name}: 401`);
    }
  });

  it("records when a token was last used, writing it at most once a minute", async () => {
    const { token, record } = await createApiToken({ eventSlug: eventA.slug, role: "CHECKIN" });
    const db = await prisma();
    expect(record.lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await scan(token, eventA.slug, (await addRegistration(eventA.id)).ticketCode)).status).toBe(200);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    expect((await scan(token, eventA.slug, (await addRegistration(eventA.id)).ticketCode)).status).toBe(200);
    expect((await tokenApis(eventA.slug, "").stats(token)).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(first);

    const jar = await signIn(server.baseUrl, demo.shanghaiOrganizer.email, demo.shanghaiOrganizer.password);
    const listing = await (await jar.fetch(`${server.baseUrl}/admin/events/${eventA.id}/access`)).text();
    const item = listing.split('data-testid="token"').find((part) => part.includes(record.prefix))!;
    expect(item).toContain(`dateTime="${first!.toISOString()}"`);
  });
});
