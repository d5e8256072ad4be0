import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { addRegistration, createEventFixture, staffUser } from "../support/checkin-fixtures";
import { startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

/** Issue 16 §5: the applications, firms, check-ins and audit log download as XLSX and CSV from their pages. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

async function xlsxRows(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value == null ? "" : String(value)))));
  return rows;
}

describe("back-office exports", () => {
  it("writes applications with labels, text credit codes and phone numbers in Shanghai time; the CSV carries the same cells", async () => {
    const db = await prisma();
    const programme = await db.programme.findFirstOrThrow();
    const creditCode = `0${randomBytes(8).toString("hex").toUpperCase()}X`.slice(0, 18);
    await db.firmApplication.create({
      data: {
        programmeId: programme.id,
        firmName: "=示例科技",
        creditCode,
        industry: "金融",
        city: "成都",
        contactName: "张三",
        contactEmail: "apply@example.org",
        contactPhone: "02885551234",
        charterVersion: "1",
        charterAcceptedAt: new Date(),
        submittedAt: new Date("2026-04-01T16:30:00Z"),
      },
    });
    const jar = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const response = await jar.fetch(`${server.baseUrl}/admin/applications/export?format=xlsx&q=${creditCode}`);
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="programme-applications-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const [headers, row] = await xlsxRows(response);
    const cell = (name: string) => row[headers.indexOf(name)];
    expect(cell("企业名称")).toBe("'=示例科技");
    expect(cell("统一社会信用代码")).toBe(creditCode);
    expect(cell("联系人电话")).toBe("02885551234");
    expect(cell("状态")).toBe("已提交");
    expect(cell("提交时间（Asia/Shanghai）")).toBe("2026-04-02 00:30");

    const csv = await jar.fetch(`${server.baseUrl}/admin/applications/export?q=${creditCode}`, { headers: { "Accept-Language": "en" } });
    const [csvHeaders, csvRow] = parse(await csv.text(), { bom: true }) as string[][];
    expect(csvRow[csvHeaders.indexOf("Contact phone")]).toBe("02885551234");
    expect(csvRow[csvHeaders.indexOf("Status")]).toBe("Submitted");
  });

  it("writes firms and the audit log for those who may see them, and refuses an event organizer", async () => {
    const admin = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
    const [firmHeaders, ...firms] = await xlsxRows(await admin.fetch(`${server.baseUrl}/admin/firms/export?format=xlsx`));
    expect(firmHeaders.slice(0, 4)).toEqual(["企业名称", "英文名称", "统一社会信用代码", "创始成员"]);
    expect(firms.length).toBeGreaterThan(0);
    const [auditHeaders, ...entries] = await xlsxRows(await admin.fetch(`${server.baseUrl}/admin/audit/export?format=xlsx&action=firm.export`));
    expect(auditHeaders[0]).toBe("时间（Asia/Shanghai）");
    expect(entries[0][auditHeaders.indexOf("操作")]).toBe("导出企业名录");
    expect(entries[0][auditHeaders.indexOf("对象")]).toBe("演示管理员 导出了企业名录");

    const fixture = await createEventFixture();
    const staff = await staffUser(fixture.event.slug, "ORGANIZER");
    const organizer = await signIn(server.baseUrl, staff.email, staff.password);
    for (const path of ["/admin/applications/export", "/admin/firms/export", "/admin/audit/export?format=xlsx"]) {
      expect([403, 404]).toContain((await organizer.fetch(`${server.baseUrl}${path}`)).status);
    }
  });

  it("writes an event's check-ins in its zone with labels, for its organizers only", async () => {
    const fixture = await createEventFixture();
    const registration = await addRegistration(fixture.event.id, { name: "签到者" });
    const db = await prisma();
    await db.checkIn.create({
      data: {
        eventId: fixture.event.id,
        listId: fixture.mainList.id,
        registrationId: registration.id,
        result: "OK",
        nonce: randomBytes(8).toString("hex"),
        deviceId: "door-1",
        scannedAt: new Date("2026-05-01T01:05:00Z"),
      },
    });
    const staff = await staffUser(fixture.event.slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, staff.email, staff.password);
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${fixture.event.id}/checkin/export?format=xlsx`);
    expect(response.headers.get("Content-Disposition")).toContain(`${fixture.event.slug}-checkins-`);
    const [headers, row] = await xlsxRows(response);
    expect(headers.slice(0, 5)).toEqual(["扫码时间（Asia/Shanghai）", "签到名单", "方向", "结果", "姓名"]);
    expect(row.slice(0, 5)).toEqual(["2026-05-01 09:05", row[1], "入场", "成功", "签到者"]);
    expect(await db.auditLog.count({ where: { action: "checkin.export", eventId: fixture.event.id } })).toBe(1);

    const other = await createEventFixture();
    const stranger = await staffUser(other.event.slug, "ORGANIZER");
    const strangerJar = await signIn(server.baseUrl, stranger.email, stranger.password);
    expect([403, 404]).toContain((await strangerJar.fetch(`${server.baseUrl}/admin/events/${fixture.event.id}/checkin/export?format=xlsx`)).status);
  });
});
