import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rollupFigures, seriesRollup, type RollupCounts } from "~/models/series-rollup.server";
import { prisma } from "~/models/store/connection.server";
import { createUser, grantRole } from "~/models/user.server";
import { seriesRollupSchema } from "~/schemas/api-series";
import { startTestServer, type CookieJar } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

// One sign-in runs scrypt; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: CookieJar;
const manager = { email: "rollup.manager@example.org", password: "rollup-manager-1" };
const day = 86_400_000;
const unique = () => randomBytes(6).toString("hex");

let seriesId = "";
const slug = `tour-${unique()}`;
const events: { id: string; slug: string }[] = [];

async function addEvent(title: string, city: string, inDays: number, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  const startsAt = new Date(Date.now() + inDays * day);
  const event = await (
    await prisma()
  ).event.create({
    data: {
      slug: `rollup-${unique()}`,
      kind: "DEEP_DIVE",
      status,
      seriesId,
      title,
      city,
      cityEn: "",
      venue: "会场",
      timeZone: "Asia/Shanghai",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
    },
  });
  events.push(event);
  return event;
}

async function register(eventId: string, firmId: string | null, { status = "CONFIRMED", checkedIn = false }: { status?: "CONFIRMED" | "CANCELLED"; checkedIn?: boolean } = {}) {
  const secret = unique();
  return (await prisma()).registration.create({
    data: {
      eventId,
      firmId,
      status,
      name: "参会者",
      email: `${secret}@example.org`,
      emailNormalized: `${secret}@example.org`,
      ticketCode: secret,
      manageTokenHash: secret,
      consentAt: new Date(),
      consentNoticeVersion: "1",
      checkedInAt: checkedIn ? new Date() : null,
    },
  });
}

/** Two opted-in registrants of an event, a request between them and, when asked, the meeting and follow-ups. */
async function meet(eventId: string, slotId: string, table: number, { held, nextStep }: { held: boolean; nextStep?: [boolean, boolean] }) {
  const db = await prisma();
  const [a, b] = [await register(eventId, null), await register(eventId, null)];
  const [from, to] = [
    await db.matchmakingProfile.create({ data: { eventId, registrationId: a.id, side: "SUPPLY" } }),
    await db.matchmakingProfile.create({ data: { eventId, registrationId: b.id, side: "DEMAND" } }),
  ];
  const request = await db.meetingRequest.create({ data: { eventId, fromProfileId: from.id, toProfileId: to.id, status: "ACCEPTED" } });
  const meeting = await db.meeting.create({ data: { eventId, requestId: request.id, slotId, table, fromCheckedInAt: new Date(), toCheckedInAt: held ? new Date() : null } });
  if (nextStep) {
    await db.meetingFollowUp.create({ data: { meetingId: meeting.id, profileId: from.id, nextStep: nextStep[0] } });
    await db.meetingFollowUp.create({ data: { meetingId: meeting.id, profileId: to.id, nextStep: nextStep[1] } });
  }
}

beforeAll(async () => {
  const db = await prisma();
  seriesId = (await db.series.create({ data: { slug, title: "测试深度行", titleEn: "Test tour" } })).id;
  const programme = await db.programme.upsert({ where: { slug: "rollup-test" }, create: { slug: "rollup-test", name: "测试计划", launchedAt: new Date() }, update: {} });
  const firms = await Promise.all([1, 2, 3].map((n) => db.firm.create({ data: { programmeId: programme.id, name: `汇总测试企业${n}-${unique()}` } })));
  const call = await db.caseCall.create({ data: { slug: `call-${unique()}`, title: "征集", timeZone: "Asia/Shanghai", opensAt: new Date(), closesAt: new Date(Date.now() + day) } });
  const publishCase = (firmId: string, published = true) => db.caseSubmission.create({ data: { callId: call.id, firmId, status: "SUBMITTED", publishedAt: published ? new Date() : null } });
  await publishCase(firms[0]!.id);
  await publishCase(firms[0]!.id);
  await publishCase(firms[1]!.id);
  await publishCase(firms[2]!.id, false);

  const shanghai = await addEvent("上海金融深度行", "上海", -30);
  const shenzhen = await addEvent("深圳制造深度行", "深圳", 20);
  const draft = await addEvent("未发布的一站", "成都", 40, "DRAFT");

  // Shanghai: firm 1 twice (one firm), firm 2 once; firm 1 and firm 3 checked in; a cancelled registration.
  await register(shanghai.id, firms[0]!.id, { checkedIn: true });
  await register(shanghai.id, firms[0]!.id);
  await register(shanghai.id, firms[1]!.id);
  await register(shanghai.id, firms[2]!.id, { checkedIn: true });
  await register(shanghai.id, firms[1]!.id, { status: "CANCELLED" });
  const session = await db.session.create({
    data: { eventId: shanghai.id, title: "一对一洽谈", type: "MATCHMAKING", startsAt: shanghai.startsAt, endsAt: new Date(shanghai.startsAt.getTime() + 3_600_000) },
  });
  const slot = await db.matchmakingSlot.create({ data: { eventId: shanghai.id, sessionId: session.id, startsAt: shanghai.startsAt, endsAt: new Date(shanghai.startsAt.getTime() + 900_000) } });
  await meet(shanghai.id, slot.id, 1, { held: true, nextStep: [true, false] });
  await meet(shanghai.id, slot.id, 2, { held: true, nextStep: [false, false] });
  await meet(shanghai.id, slot.id, 3, { held: false });
  // Shenzhen: firm 2 checked in (its one published case counts here).
  await register(shenzhen.id, firms[1]!.id, { checkedIn: true });
  await register(shenzhen.id, null);
  await register(draft.id, firms[0]!.id, { checkedIn: true });

  await createUser({ ...manager, name: "汇总管理员" });
  await grantRole({ email: manager.email, role: "ADMIN", scope: {} });
  server = await startTestServer();
  admin = await signIn(server.baseUrl, manager.email, manager.password);
});
afterAll(() => server?.close());

/** Each figure of one event, counted straight from the tables. */
async function directCounts(eventId: string): Promise<RollupCounts> {
  const db = await prisma();
  const attendingFirms = (await db.registration.findMany({ where: { eventId, checkedInAt: { not: null }, firmId: { not: null } }, distinct: ["firmId"], select: { firmId: true } })).map(
    (row) => row.firmId!,
  );
  return {
    registered: await db.registration.count({ where: { eventId, status: "CONFIRMED" } }),
    checkedIn: await db.registration.count({ where: { eventId, checkedInAt: { not: null } } }),
    firms: (await db.registration.findMany({ where: { eventId, status: "CONFIRMED", firmId: { not: null } }, distinct: ["firmId"] })).length,
    meetingsRequested: await db.meetingRequest.count({ where: { eventId } }),
    meetingsHeld: await db.meeting.count({ where: { eventId, fromCheckedInAt: { not: null }, toCheckedInAt: { not: null } } }),
    followUps: await db.meeting.count({ where: { eventId, followUps: { some: { nextStep: true } } } }),
    cases: await db.caseSubmission.count({ where: { firmId: { in: attendingFirms }, publishedAt: { not: null } } }),
  };
}

describe("the series roll-up", () => {
  it("counts each figure as the tables say, and the totals are the sums of the stations", async () => {
    const rollup = (await seriesRollup({ id: seriesId }, { publishedOnly: false }))!;
    expect(rollup.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    for (const event of rollup.events) {
      const { id, ...rest } = event;
      expect(Object.fromEntries(rollupFigures.map((figure) => [figure, rest[figure]]))).toEqual(await directCounts(id));
    }
    for (const figure of rollupFigures) expect(rollup.totals[figure]).toBe(rollup.events.reduce((sum, event) => sum + event[figure], 0));
    // The six people of the three meetings are confirmed registrants of Shanghai too.
    expect(rollup.events[0]).toMatchObject({ registered: 10, checkedIn: 2, firms: 3, meetingsRequested: 3, meetingsHeld: 2, followUps: 1, cases: 2 });
    expect(rollup.events[1]).toMatchObject({ registered: 2, checkedIn: 1, firms: 1, cases: 1 });
  });

  it("answers the public API with published stations only, in the documented shape", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/series/${slug}/rollup`);
    expect(response.status).toBe(200);
    const body = seriesRollupSchema.strict().parse(await response.json());
    expect(body.events.map((event) => event.slug)).toEqual(events.slice(0, 2).map((event) => event.slug));
    expect(Object.keys(body.events[0]!).sort()).toEqual(["cases", "checkedIn", "city", "cityEn", "firms", "followUps", "meetingsHeld", "meetingsRequested", "registered", "slug", "startsAt"]);
    for (const figure of rollupFigures) expect(body.totals[figure]).toBe(body.events[0]![figure] + body.events[1]![figure]);
    expect(body.totals).toMatchObject({ registered: 12, checkedIn: 3, cases: 3 });

    const missing = await fetch(`${server.baseUrl}/api/v1/series/no-such-tour/rollup`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });

  it("shows the tour's stations on a public timeline, linked to their pages, past and upcoming", async () => {
    const response = await fetch(`${server.baseUrl}/series/${slug}`, { headers: { "Accept-Language": "en" } });
    expect(response.status).toBe(200);
    const html = withoutScripts(await response.text());
    expect(html).toContain(`href="/events/${events[0]!.slug}"`);
    expect(html).toContain(`href="/events/${events[1]!.slug}"`);
    expect(html).not.toContain(events[2]!.slug);
    expect(html).toContain("Held");
    expect(html).toContain("Upcoming");
    expect((await fetch(`${server.baseUrl}/series/no-such-tour`)).status).toBe(404);
  });

  it("gives the back office the roll-up with charts, and an XLSX of number cells with headers in the reader's language", async () => {
    const page = await admin.fetch(`${server.baseUrl}/admin/series/${seriesId}`);
    expect(page.status).toBe(200);
    const html = withoutScripts(await page.text());
    expect(html).toContain("巡回成果汇总");
    expect(html).toContain("<svg");
    expect(html).toContain('role="listitem"');

    const download = await admin.fetch(`${server.baseUrl}/admin/series/${seriesId}/rollup.xlsx`, { headers: { "Accept-Language": "en" } });
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Event");
    expect(sheet.getRow(1).getCell(4).value).toBe("Registered");
    expect(sheet.getRow(2).getCell(4).value).toBe(10);
    expect(sheet.rowCount).toBe(1 + 3 + 1);
    expect(sheet.getRow(5).getCell(1).value).toBe("Totals");
    expect(sheet.getRow(5).getCell(4).value).toBe(10 + 2 + 1);

    expect((await fetch(`${server.baseUrl}/admin/series/${seriesId}/rollup.xlsx`, { redirect: "manual" })).status).toBe(302);
  });
});
