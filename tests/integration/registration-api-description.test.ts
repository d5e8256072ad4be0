import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { upsertCategory } from "~/models/registration-settings.server";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

function post(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function eventBody(slug: string) {
  const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}`);
  expect(response.status).toBe(200);
  return response.json();
}

/** The demo's categories in their order: invite-only guests, a member category that is full, media on approval, public. */
async function demoLikeEvent() {
  const created = await createRegistrationEvent({
    capacity: 50,
    waitlistEnabled: true,
    categories: [
      { code: "guest", name: "嘉宾", inviteOnly: true, capacity: 5 },
      { code: "member", name: "会员", capacity: 1 },
      { code: "media", name: "媒体", requiresApproval: true, capacity: 5 },
      { code: "public", name: "公众" },
    ],
  });
  const db = await prisma();
  await db.ticketCategory.update({ where: { id: created.categories[0].id }, data: { nameEn: "Guest" } });
  await db.registrationQuestion.create({
    data: { eventId: created.event.id, key: "outlet", label: "媒体名称", labelEn: "Media outlet", kind: "TEXT", required: true, categoryIds: JSON.stringify([created.categories[2].id]), position: 0 },
  });
  await db.registrationQuestion.create({
    data: {
      eventId: created.event.id,
      key: "interests",
      label: "关注方向",
      kind: "MULTIPLE_CHOICE",
      options: JSON.stringify([
        { value: "gov", label: "政务", labelEn: "Government" },
        { value: "fin", label: "金融" },
      ]),
      position: 1,
    },
  });
  await db.inviteCode.create({ data: { eventId: created.event.id, code: "SECRET-INVITE-42", categoryId: created.categories[0].id } });
  return created;
}

describe("GET /api/v1/events/:slug describes registration", () => {
  it("lists categories with seats left and the default, questions with options and categories, and the privacy notice", async () => {
    const { slug } = await demoLikeEvent();
    expect((await post(slug, person(1, { category: "member" }))).status).toBe(201);
    const { registration } = await eventBody(slug);
    expect(registration.categories).toEqual([
      { code: "guest", name: "嘉宾", nameEn: "Guest", capacity: 5, remaining: 5, requiresApproval: false, inviteOnly: true, default: false },
      { code: "member", name: "会员", nameEn: null, capacity: 1, remaining: 0, requiresApproval: false, inviteOnly: false, default: false },
      { code: "media", name: "媒体", nameEn: null, capacity: 5, remaining: 5, requiresApproval: true, inviteOnly: false, default: false },
      { code: "public", name: "公众", nameEn: null, capacity: null, remaining: null, requiresApproval: false, inviteOnly: false, default: true },
    ]);
    expect(registration.questions).toEqual([
      { key: "outlet", label: "媒体名称", labelEn: "Media outlet", type: "text", required: true, options: [], categories: ["media"] },
      {
        key: "interests",
        label: "关注方向",
        labelEn: null,
        type: "multiple_choice",
        required: false,
        options: [
          { value: "gov", label: "政务", labelEn: "Government" },
          { value: "fin", label: "金融", labelEn: null },
        ],
        categories: [],
      },
    ]);
    expect(registration.privacyNotice).toEqual({ version: "1", text: expect.stringContaining("用途"), textEn: expect.stringContaining("Purpose") });
    expect(registration.status).toBe("open");
  });

  it("never publishes an invite code", async () => {
    const { slug } = await demoLikeEvent();
    const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}`);
    expect(await response.text()).not.toContain("SECRET-INVITE-42");
  });
});

describe("POST /api/v1/events/:slug/registrations with the described fields", () => {
  it("puts a submit without a category in the default category, not the full first public one", async () => {
    const { event, slug } = await demoLikeEvent();
    expect((await post(slug, person(1, { category: "member" }))).status).toBe(201);
    const anonymous = await post(slug, person(2));
    expect(anonymous.status).toBe(201);
    expect((await anonymous.json()).registration.status).toBe("confirmed");
    const db = await prisma();
    const row = await db.registration.findFirstOrThrow({ where: { eventId: event.id, email: "person2@example.org" }, include: { category: true } });
    expect(row.category?.code).toBe("public");
  });

  it("uses the organizer's default; marking one unmarks the others", async () => {
    const { event, slug } = await demoLikeEvent();
    await upsertCategory(event.id, { code: "media", name: "媒体", requiresApproval: true, capacity: 5, isDefault: true });
    await upsertCategory(event.id, { code: "member", name: "会员", capacity: 1, isDefault: true });
    const db = await prisma();
    const marked = await db.ticketCategory.findMany({ where: { eventId: event.id, isDefault: true }, select: { code: true } });
    expect(marked).toEqual([{ code: "member" }]);
    const { registration } = await eventBody(slug);
    expect(registration.categories.filter((category: { default: boolean }) => category.default).map((category: { code: string }) => category.code)).toEqual(["member"]);
  });

  it("refuses a stale privacy notice version with 409 and accepts the current one (or none)", async () => {
    const { event, slug } = await demoLikeEvent();
    const stale = await post(slug, person(3, { privacyNoticeVersion: "0" }), { "Accept-Language": "en" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toEqual({
      code: "privacy_notice_changed",
      message: expect.stringContaining("privacy notice has been updated"),
      fields: { privacyNoticeVersion: expect.stringContaining("privacy notice") },
    });
    expect((await post(slug, person(3, { privacyNoticeVersion: "1" }))).status).toBe(201);
    expect((await post(slug, person(4))).status).toBe(201);
    const db = await prisma();
    const versions = await db.registration.findMany({ where: { eventId: event.id }, select: { consentNoticeVersion: true } });
    expect(versions.map((row) => row.consentNoticeVersion)).toEqual(["1", "1"]);
  });

  it("refuses an unknown answer key with 422 at answers.<key>, in Chinese and English, and stores nothing", async () => {
    const { event, slug } = await demoLikeEvent();
    const zh = await post(slug, person(5, { answers: { interests: ["fin"], intrests: ["gov"] } }));
    expect(zh.status).toBe(422);
    expect((await zh.json()).error.fields).toEqual({ "answers.intrests": expect.stringContaining("本活动没有这个问题") });
    const en = await post(slug, person(5, { answers: { intrests: ["gov"] } }), { "Accept-Language": "en" });
    expect((await en.json()).error.fields).toEqual({ "answers.intrests": expect.stringContaining("no such question") });
    const db = await prisma();
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });
});
