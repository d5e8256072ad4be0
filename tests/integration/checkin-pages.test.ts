import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { addRegistration, newNonce, tokenFor } from "../support/checkin-fixtures";
import { CookieJar, startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let shanghai: { id: string; slug: string };
let shenzhen: { id: string; slug: string };

beforeAll(async () => {
  await useDemoDatabase();
  await seedDemo();
  server = await startTestServer();
  const db = await prisma();
  shanghai = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
  shenzhen = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-manufacturing-shenzhen" } });
});
afterAll(() => server?.close());

async function signIn(email: string, password: string) {
  const jar = new CookieJar();
  const response = await jar.fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams({ email, password }) });
  expect(response.status).toBe(302);
  return jar;
}
const form = (jar: CookieJar, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return jar.fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { Origin: server.baseUrl }, body });
};

describe("check-in pages", () => {
  it("seeds the demo lists once", async () => {
    expect(await (await prisma()).checkInList.count({ where: { eventId: shanghai.id } })).toBe(2);
  });

  it("shows the scanner to check-in staff with their event only", async () => {
    const jar = await signIn("checkin@demo.example.org", "demo-checkin-2025");
    const html = await (await jar.fetch(`${server.baseUrl}/checkin`)).text();
    expect(html).toContain("deep-dive-finance-shanghai");
    expect(html).toContain("嘉宾室");
    expect(html).not.toContain("deep-dive-manufacturing-shenzhen");
    expect((await jar.fetch(`${server.baseUrl}/admin/events/${shanghai.id}/checkin`)).status).toBe(403);
    const anonymous = await fetch(`${server.baseUrl}/checkin`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });

  it("lets an organizer watch the dashboard, undo a check-in, manage lists and print badges; not for other events", async () => {
    const attendee = await addRegistration(shanghai.id, { name: "孙三", organization: "东方金融" });
    const token = await tokenFor(shanghai.slug);
    const scan = (await (
      await fetch(`${server.baseUrl}/api/v1/checkin`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ code: attendee.ticketCode, nonce: newNonce(), deviceId: "南门" }),
      })
    ).json()) as { id: string; result: string };
    expect(scan.result).toBe("ok");

    const jar = await signIn("shanghai.organizer@demo.example.org", "demo-organizer-2025");
    const dashboard = await jar.fetch(`${server.baseUrl}/admin/events/${shanghai.id}/checkin`);
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain("签到看板");
    expect(html).toContain("孙三");
    expect((await jar.fetch(`${server.baseUrl}/admin/events/${shenzhen.id}/checkin`)).status).toBe(403);
    expect((await form(jar, `/admin/events/${shenzhen.id}/checkin`, { intent: "undo", checkInId: scan.id })).status).toBe(403);

    const undo = await form(jar, `/admin/events/${shanghai.id}/checkin?index`, { intent: "undo", checkInId: scan.id });
    expect(undo.status).toBe(200);
    const undone = await (await prisma()).checkIn.findUniqueOrThrow({ where: { id: scan.id } });
    expect(undone.undoneAt).not.toBeNull();
    expect(await (await prisma()).auditLog.count({ where: { action: "checkin.undone", targetId: scan.id } })).toBe(1);

    const created = await form(jar, `/admin/events/${shanghai.id}/checkin/lists`, { intent: "create", name: "圆桌分会场", nameEn: "Panel room", mode: "ENTRY_EXIT", allowReentry: "on" });
    expect(created.status).toBe(200);
    const list = await (await prisma()).checkInList.findFirstOrThrow({ where: { eventId: shanghai.id, name: "圆桌分会场" } });
    expect(list).toMatchObject({ mode: "ENTRY_EXIT", allowReentry: true, isDefault: false });
    const duplicate = await form(jar, `/admin/events/${shanghai.id}/checkin/lists`, { intent: "create", name: "圆桌分会场" });
    expect(duplicate.status).toBe(409);
    const blank = await form(jar, `/admin/events/${shanghai.id}/checkin/lists`, { intent: "create", name: "" });
    expect(blank.status).toBe(422);
    expect((await form(jar, `/admin/events/${shanghai.id}/checkin/lists`, { intent: "delete", listId: list.id })).status).toBe(200);
    expect((await form(jar, `/admin/events/${shenzhen.id}/checkin/lists`, { intent: "create", name: "越权" })).status).toBe(403);

    const badges = await jar.fetch(`${server.baseUrl}/admin/events/${shanghai.id}/checkin/badges`);
    expect(badges.status).toBe(200);
    const badgeHtml = await badges.text();
    expect(badgeHtml).toContain("孙三");
    expect(badgeHtml).toContain("size: A6");
    expect(badgeHtml).toContain("<svg");
  });

  it("shows a list's refused category at the categories it belongs to, translated", async () => {
    const foreign = await (await prisma()).ticketCategory.findFirstOrThrow({ where: { eventId: shenzhen.id } });
    const jar = await signIn("shanghai.organizer@demo.example.org", "demo-organizer-2025");
    const refused = await form(jar, `/admin/events/${shanghai.id}/checkin/lists`, { intent: "create", name: "外场", allowedCategoryIds: foreign.id });
    expect(refused.status).toBe(422);
    const fieldsets = [...(await refused.text()).matchAll(/<fieldset[\s\S]*?<\/fieldset>/g)].map(([fieldset]) => fieldset);
    expect(fieldsets.some((fieldset) => fieldset.includes("所选票种不属于此活动。"))).toBe(true);
  });

  it("prints one badge from the scanner for staff of the attendee's event", async () => {
    const attendee = await addRegistration(shanghai.id, { name: "周四" });
    const jar = await signIn("checkin@demo.example.org", "demo-checkin-2025");
    const own = await jar.fetch(`${server.baseUrl}/checkin/badge/${attendee.id}?event=${shanghai.slug}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("周四");
    const foreign = await addRegistration(shenzhen.id, { name: "吴五" });
    expect((await jar.fetch(`${server.baseUrl}/checkin/badge/${foreign.id}?event=${shenzhen.slug}`)).status).toBe(403);
    expect((await jar.fetch(`${server.baseUrl}/checkin/badge/${foreign.id}?event=${shanghai.slug}`)).status).toBe(404);
  });
});
