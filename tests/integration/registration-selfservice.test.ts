import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { register } from "~/models/registration-write.server";
import { importRegistrations } from "~/models/registration-sheet.server";
import { registrationInputSchema } from "~/schemas/registration";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

function managePath(manageUrl: string) {
  return new URL(manageUrl).pathname;
}

function act(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Origin: server.baseUrl, ...headers }, redirect: "manual" });
}

async function registered(slug: string, index: number) {
  const answer = await register({ slug, input: registrationInputSchema.parse(person(index, { phone: "+86 138 0000 0000" })) });
  return { id: answer.body.registration.id, path: managePath(answer.body.registration.manageUrl!) };
}

describe("self-service from the manage link", () => {
  it("shows the ticket with the QR inlined as a data: URL", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 5 });
    const { path } = await registered(slug, 1);
    const response = await fetch(`${server.baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    const html = await response.text();
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain("测试者1");
    expect((await fetch(`${server.baseUrl}/r/not-a-real-token`)).status).toBe(404);
  });

  it("edits only the fields the organizers allow", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 5, editableFields: ["phone", "jobTitle"] });
    const { id, path } = await registered(slug, 2);
    const ok = await act(path, { intent: "edit", phone: "+86 139 1111 2222", jobTitle: "主任" });
    expect(ok.status).toBe(200);
    const refused = await act(path, { intent: "edit", name: "别人" });
    expect(refused.status).toBe(422);
    const bad = await act(path, { intent: "edit", phone: "call me" }, { "Accept-Language": "en" });
    expect(bad.status).toBe(422);
    const db = await prisma();
    const row = await db.registration.findUniqueOrThrow({ where: { id } });
    expect([row.name, row.phone, row.jobTitle]).toEqual(["测试者2", "+86 139 1111 2222", "主任"]);
  });

  it("cancels: frees the place, kills the ticket code and promotes the waitlist", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 1, waitlistEnabled: true });
    const first = await registered(slug, 3);
    const second = await registered(slug, 4);
    const db = await prisma();
    const code = (await db.registration.findUniqueOrThrow({ where: { id: first.id } })).ticketCode;
    expect((await act(first.path, { intent: "cancel" })).status).toBe(200);
    const cancelled = await db.registration.findUniqueOrThrow({ where: { id: first.id } });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.ticketCode).not.toBe(code);
    expect((await db.registration.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("CONFIRMED");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(1);
    expect((await act(first.path, { intent: "cancel" })).status).toBe(409);
  });

  it("re-sends the ticket at most once every few minutes", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 5 });
    const { id, path } = await registered(slug, 5);
    const db = await prisma();
    // The ticket just went out: a re-send now is refused.
    await act(path, { intent: "resend" });
    expect(await db.emailMessage.count({ where: { registrationId: id } })).toBe(1);
    await db.registration.update({ where: { id }, data: { ticketSentAt: new Date(Date.now() - 10 * 60_000) } });
    await act(path, { intent: "resend" });
    await act(path, { intent: "resend" });
    expect(await db.emailMessage.count({ where: { registrationId: id, kind: "ticket" } })).toBe(2);
  });

  it("exports the attendee's own data as JSON (audited) and deletes it on request", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 5 });
    const { id, path } = await registered(slug, 6);
    const exported = await fetch(`${server.baseUrl}${path}/data`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("Content-Disposition")).toContain("attachment");
    const json = await exported.json();
    expect(json.registration).toMatchObject({ id, name: "测试者6", email: "person6@example.org", phone: "+86 138 0000 0000", status: "confirmed" });
    expect(json.emails).toHaveLength(1);
    const db = await prisma();
    expect(await db.auditLog.count({ where: { action: "attendee.data_export", targetId: id } })).toBe(1);
    const deleted = await act(path, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(await (await fetch(`${server.baseUrl}${deleted.headers.get("Location")}`)).text()).toContain("您的数据已删除");
    const row = await db.registration.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "CANCELLED", name: "", organization: "", phone: null });
    expect(row.email).not.toContain("person6");
    expect(row.anonymisedAt).not.toBeNull();
    expect(await db.emailMessage.count({ where: { registrationId: id } })).toBe(0);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(0);
    expect((await fetch(`${server.baseUrl}${path}`)).status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "attendee.data_deleted", targetId: id } })).toBe(1);
  });
});

describe("CSV import of invited guests", () => {
  const csv = [
    "name,email,organization,phone,jobTitle,category",
    "张三,zhang@example.org,示例单位,,处长,guest",
    ",missing-name@example.org,示例单位,,,guest",
    "李四,not-an-email,示例单位,,,guest",
    "王五,zhang@example.org,示例单位,,,guest",
    "赵六,zhao@example.org,示例单位,phone?,,guest",
    "钱七,qian@example.org,示例单位,,,vip",
    "孙八,sun@example.org,示例单位,,,",
  ].join("\n");

  it("reports each bad row in a dry run and writes nothing; the real run imports only the good rows, skipping approval", async () => {
    const { event } = await createRegistrationEvent({
      capacity: 10,
      requiresApproval: true,
      categories: [
        { code: "public", name: "公众" },
        { code: "guest", name: "嘉宾", inviteOnly: true },
      ],
    });
    const db = await prisma();
    const dry = await importRegistrations({ eventId: event.id, source: { text: csv }, dryRun: true, locale: "zh-CN", actorUserId: "tester" });
    expect(dry.rows.map((row) => [row.row, row.ok, Object.keys(row.errors)])).toEqual([
      [2, true, []],
      [3, false, ["name"]],
      [4, false, ["email"]],
      [5, false, ["email"]],
      [6, false, ["phone"]],
      [7, false, ["category"]],
      [8, true, []],
    ]);
    expect(dry.rows[3].errors.email).toBe("registration.admin.import.duplicate");
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    const real = await importRegistrations({ eventId: event.id, source: { text: csv }, dryRun: false, locale: "zh-CN", actorUserId: "tester" });
    expect(real).toMatchObject({ imported: 2, bad: 5 });
    const rows = await db.registration.findMany({ where: { eventId: event.id }, include: { category: true }, orderBy: { email: "asc" } });
    expect(rows.map((row) => [row.email, row.status, row.category?.code])).toEqual([
      ["sun@example.org", "CONFIRMED", "public"],
      ["zhang@example.org", "CONFIRMED", "guest"],
    ]);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "registration.import" } })).toBe(1);
  });
});
