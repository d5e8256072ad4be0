import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { importRegistrations } from "~/models/registration-sheet.server";
import { prisma } from "~/models/store/connection.server";
import { registrationInputSchema } from "~/schemas/registration";
import { register } from "~/models/registration-write.server";
import { staffUser } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { signIn } from "../support/staff";

/**
 * Issue 16 §5–6: exports a Chinese organizer opens in Excel as they are (labels, zone-local times, phone
 * numbers as text, formulas neutralised) and imports that read what Excel writes (GBK, semicolons, tabs,
 * XLSX), refuse mojibake, and take an edited export back without duplicating anyone.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

/** An event with a public and a media category and two choice questions (one shown to the media only). */
async function eventWithQuestions() {
  const fixture = await createRegistrationEvent({
    capacity: 50,
    categories: [
      { code: "public", name: "普通观众" },
      { code: "media", name: "媒体", inviteOnly: true },
    ],
  });
  const db = await prisma();
  await db.ticketCategory.update({ where: { id: fixture.categories[1].id }, data: { nameEn: "Media" } });
  await db.registrationQuestion.create({
    data: {
      eventId: fixture.event.id,
      key: "diet",
      label: "饮食",
      labelEn: "Diet",
      kind: "SINGLE_CHOICE",
      options: JSON.stringify([
        { value: "veg", label: "素食", labelEn: "Vegetarian" },
        { value: "any", label: "无要求", labelEn: "No preference" },
      ]),
      position: 0,
    },
  });
  await db.registrationQuestion.create({
    data: { eventId: fixture.event.id, key: "outlet", label: "媒体名称", labelEn: "Outlet", kind: "TEXT", required: true, categoryIds: JSON.stringify([fixture.categories[1].id]), position: 1 },
  });
  return fixture;
}

async function organizerJar(slug: string) {
  const staff = await staffUser(slug, "ORGANIZER");
  return signIn(server.baseUrl, staff.email, staff.password);
}

async function readXlsx(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets[0];
}

function rowValues(sheet: ExcelJS.Worksheet, index: number): unknown[] {
  return (sheet.getRow(index).values as unknown[]).slice(1);
}

describe("registrations export", () => {
  it("writes XLSX with translated headers, labels, zone-local times, text-typed phone numbers and neutralised formulas; CSV has the same cells", async () => {
    const { event, slug } = await eventWithQuestions();
    await register({ slug, input: registrationInputSchema.parse(person(1, { name: '=HYPERLINK("http://x","y")', phone: "02885551234", answers: { diet: "veg" } })) });
    const db = await prisma();
    const stored = await db.registration.findFirstOrThrow({ where: { eventId: event.id } });
    await db.registration.update({ where: { id: stored.id }, data: { createdAt: new Date("2026-03-01T01:30:00Z") } });

    const jar = await organizerJar(slug);
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations/export?format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-registrations-${today}.xlsx"; filename*=UTF-8''${slug}-registrations-${today}.xlsx`);
    const sheet = await readXlsx(await response.arrayBuffer());
    const headers = rowValues(sheet, 1);
    expect(headers).toEqual(["状态", "姓名", "电子邮箱", "单位", "手机号", "职务", "票种", "成员企业", "饮食", "媒体名称", "票码", "报名时间（Asia/Shanghai）", "签到时间（Asia/Shanghai）", "备注"]);
    const cells = Object.fromEntries(headers.map((header, index) => [String(header), sheet.getRow(2).getCell(index + 1)]));
    expect(cells["状态"].value).toBe("已确认");
    expect(cells["姓名"].value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(cells["手机号"].value).toBe("02885551234");
    expect(cells["手机号"].type).toBe(ExcelJS.ValueType.String);
    expect(cells["手机号"].numFmt).toBe("@");
    expect(cells["票种"].value).toBe("普通观众");
    expect(cells["饮食"].value).toBe("素食");
    expect(cells["报名时间（Asia/Shanghai）"].value).toBe("2026-03-01 09:30");
    expect(cells["票码"].value).toBe(stored.ticketCode);

    const english = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations/export?format=csv`, { headers: { "Accept-Language": "en" } });
    expect(english.headers.get("Content-Disposition")).toContain(`${slug}-registrations-${today}.csv`);
    const bytes = new Uint8Array(await english.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [csvHeaders, csvRow] = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    expect(csvHeaders.slice(0, 10)).toEqual(["Status", "Name", "E-mail", "Organization", "Phone", "Job title", "Category", "Member firm", "Diet", "Outlet"]);
    expect(csvRow.slice(0, 9)).toEqual(["Confirmed", `'=HYPERLINK("http://x","y")`, "person1@example.org", "示例单位", "02885551234", "", "普通观众", "", "Vegetarian"]);
  });

  it("names a non-ASCII slug with RFC 5987 filename*", async () => {
    const { event, slug } = await createRegistrationEvent();
    const jar = await organizerJar(slug);
    await (await prisma()).event.update({ where: { id: event.id }, data: { slug: `${slug}-成都` } });
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations/export?format=xlsx`);
    const disposition = response.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(new RegExp(`filename="${slug}-__-registrations-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toMatch(new RegExp(`^${slug}-成都-registrations-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  });

  it("refuses an organizer of another event the export and the template", async () => {
    const { event } = await createRegistrationEvent();
    const other = await createRegistrationEvent();
    const jar = await organizerJar(other.slug);
    for (const path of ["registrations/export?format=xlsx", "registrations/export", "registrations/import/template?format=xlsx"]) {
      const response = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/${path}`);
      expect([403, 404]).toContain(response.status);
    }
  });
});

const header = "姓名,电子邮箱,单位,手机号,职务,票种";

describe("registrations import", () => {
  it("reads GBK (as Excel in zh-CN saves it), semicolon, tab, BOM and no-BOM UTF-8 files the same way", async () => {
    const { event } = await eventWithQuestions();
    const rows = ["张三,zhang@example.org,示例单位,02885551234,处长,普通观众", "李四,li@example.org,示例公司,,,public"];
    const utf8 = [header, ...rows].join("\r\n");
    const files: [string, Uint8Array, string, string][] = [
      ["gbk", iconv.encode(utf8, "gbk"), "gb18030", ","],
      ["semicolon", new TextEncoder().encode(utf8.replaceAll(",", ";")), "utf-8", ";"],
      ["tab", new TextEncoder().encode(utf8.replaceAll(",", "\t")), "utf-8", "\t"],
      ["bom", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(utf8)]), "utf-8-bom", ","],
      ["quoted semicolons", new TextEncoder().encode(`"姓名";"电子邮箱";"单位"\n"张三";"zhang@example.org";"示例单位, 一部"`), "utf-8", ";"],
    ];
    for (const [name, bytes, encoding, delimiter] of files) {
      const report = await importRegistrations({ eventId: event.id, source: { bytes }, dryRun: true, locale: "zh-CN", actorUserId: "tester" });
      expect({ name, encoding: report.encoding, delimiter: report.delimiter }).toEqual({ name, encoding, delimiter });
      expect({ name, rows: report.rows.filter((row) => !row.ok) }).toEqual({ name, rows: [] });
      expect(report.preview.rows[0].slice(0, 3)).toEqual(["张三", "zhang@example.org", name === "quoted semicolons" ? "示例单位, 一部" : "示例单位"]);
      if (name !== "quoted semicolons") expect(report.preview.rows[0].slice(3, 6)).toEqual(["02885551234", "处长", "普通观众 (public)"]);
    }
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a file with U+FFFD (mojibake) whole, naming the row and column, and writes and sends nothing", async () => {
    const { event } = await eventWithQuestions();
    const bytes = new TextEncoder().encode(`${header}\nok,ok@example.org,示例单位,,,\n����,garbled@example.org,示例单位,,,`);
    for (const dryRun of [true, false]) {
      await expect(importRegistrations({ eventId: event.id, source: { bytes }, dryRun, locale: "zh-CN", actorUserId: "tester" })).rejects.toMatchObject({
        status: 422,
        code: "replacement_character",
        params: { row: 3, column: 1 },
      });
    }
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("reads an XLSX file made with exceljs, typed numbers and all", async () => {
    const { event } = await eventWithQuestions();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名单");
    sheet.addRow(["Name", "E-mail", "Organization", "Phone", "Category", "Diet"]);
    sheet.addRow(["王五", { text: "wang@example.org", hyperlink: "mailto:wang@example.org" }, "示例单位", 13800000000, "Media", "No preference"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importRegistrations({ eventId: event.id, source: { bytes }, dryRun: true, locale: "en", actorUserId: "tester" });
    expect(report).toMatchObject({ encoding: "xlsx", delimiter: null, bad: 1 });
    // The media category's required question was not answered: refused at the dry run, as it would be on the form.
    expect(report.rows[0].errors).toEqual({ "answers.outlet": "validation.required" });
  });

  it("takes an edited export back: existing people are skipped, new rows are stored with category and answers by label", async () => {
    const { event, slug } = await eventWithQuestions();
    await register({ slug, input: registrationInputSchema.parse(person(11, { phone: "02885551234", answers: { diet: "veg" } })) });
    await register({ slug, input: registrationInputSchema.parse(person(12)) });
    const jar = await organizerJar(slug);
    const exported = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const column = (name: string) => (rowValues(sheet, 1) as string[]).indexOf(name) + 1;
    // An existing row edited (new e-mail, same ticket code), and two new people: one by category name, one by English name.
    sheet.getRow(2).getCell(column("电子邮箱")).value = "renamed@example.org";
    const added = [
      { 姓名: "赵六", 电子邮箱: "zhao@example.org", 单位: "示例单位", 手机号: "02885550000", 票种: "普通观众", 饮食: "无要求" },
      { 姓名: "钱七", 电子邮箱: "qian@example.org", 单位: "示例报社", 票种: "Media", 媒体名称: "示例日报" },
    ];
    for (const values of added) {
      const row = sheet.addRow([]);
      for (const [name, value] of Object.entries(values)) row.getCell(column(name)).value = value;
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const dry = await importRegistrations({ eventId: event.id, source: { bytes }, dryRun: true, locale: "zh-CN", actorUserId: "tester" });
    expect(dry).toMatchObject({ ok: 2, bad: 0, skipped: 2, imported: 0 });
    expect(dry.preview.rows).toEqual([
      ["赵六", "zhao@example.org", "示例单位", "02885550000", "", "普通观众 (public)", "无要求", ""],
      ["钱七", "qian@example.org", "示例报社", "", "", "媒体 (media)", "", "示例日报"],
    ]);
    const real = await importRegistrations({ eventId: event.id, source: { bytes }, dryRun: false, locale: "zh-CN", actorUserId: "tester" });
    expect(real).toMatchObject({ ok: 2, bad: 0, skipped: 2, imported: 2 });

    const db = await prisma();
    const rows = await db.registration.findMany({ where: { eventId: event.id }, include: { category: true }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.email, row.status, row.category?.code, row.phone, JSON.parse(row.answers)])).toEqual([
      ["person11@example.org", "CONFIRMED", "public", "02885551234", { diet: "veg" }],
      ["person12@example.org", "CONFIRMED", "public", null, {}],
      ["zhao@example.org", "CONFIRMED", "public", "02885550000", { diet: "any" }],
      ["qian@example.org", "CONFIRMED", "media", null, { outlet: "示例日报" }],
    ]);
    // Running the same file again adds nobody.
    expect(await importRegistrations({ eventId: event.id, source: { bytes }, dryRun: false, locale: "zh-CN", actorUserId: "tester" })).toMatchObject({ imported: 0, skipped: 4 });
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(4);
  });

  it("offers a template in the reader's language whose example row is refused if imported unchanged", async () => {
    const { event, slug } = await eventWithQuestions();
    const jar = await organizerJar(slug);
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations/import/template?format=xlsx`, { headers: { "Accept-Language": "en" } });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sheet = await readXlsx(bytes.buffer);
    expect(rowValues(sheet, 1)).toEqual(["Name", "E-mail", "Organization", "Phone", "Job title", "Category", "Diet", "Outlet"]);
    expect(String(rowValues(sheet, 2)[0])).toContain("fictional");
    const report = await importRegistrations({ eventId: event.id, source: { bytes }, dryRun: true, locale: "en", actorUserId: "tester" });
    expect(report.rows[0].errors.email).toBe("sheet.import.exampleRow");
  });

  it("shows the detected encoding and the rows as stored on the import page (HTTP, multipart upload)", async () => {
    const { event, slug } = await eventWithQuestions();
    const jar = await organizerJar(slug);
    const form = new FormData();
    form.set("intent", "dry-run");
    form.set("file", new Blob([new Uint8Array(iconv.encode(`${header}\n张三,zhang@example.org,示例单位,,,`, "gb18030"))], { type: "text/csv" }), "名单.csv");
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registrations/import`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("GBK / GB18030");
    expect(html).toContain("张三");
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(0);
  });
});
