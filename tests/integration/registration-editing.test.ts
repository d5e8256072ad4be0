import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { setFirmQuota, createInviteCode, upsertQuestion } from "~/models/registration-settings.server";
import { createWebhookEndpoint } from "~/models/webhook.server";
import { prisma } from "~/models/store/connection.server";
import { staffUser } from "../support/checkin-fixtures";
import { createFirm, createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer, type CookieJar } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 14 §5 and §10: organizers edit the ticket categories, firm quotas, questions and invite codes that
 * exist (an edit that would break what is stored is refused at its field), and attendees change the answers
 * the organizers let them change from the manage link — checked like at registration, audited, and sent to
 * webhooks as `registration.updated`; any other answer is refused even in a hand-made POST.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

async function organizerOf(slug: string): Promise<CookieJar> {
  const { email, password } = await staffUser(slug, "ORGANIZER");
  return signIn(server.baseUrl, email, password);
}

function post(jar: CookieJar | null, path: string, fields: [string, string][] | Record<string, string>, language = "zh-CN") {
  const init = { method: "POST", body: new URLSearchParams(fields), headers: { Origin: server.baseUrl, "Accept-Language": language } };
  return jar ? jar.fetch(`${server.baseUrl}${path}`, init) : fetch(`${server.baseUrl}${path}`, init);
}

/** The message at the field whose input, select or text area has this id, if its aria-describedby names one. */
function errorAt(html: string, id: string): string | undefined {
  const field = new RegExp(`<(?:input|select|textarea)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? "";
  const describedBy = /aria-describedby="([^"]+)"/
    .exec(field)?.[1]
    ?.split(" ")
    .find((name) => name.endsWith("-error"));
  if (!describedBy) return undefined;
  return new RegExp(`id="${describedBy}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

/** What a reader sees: no scripts (route data carries codes by design), no tags. */
function visibleText(html: string): string {
  return withoutScripts(html)
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&[a-z]+;/g, " ");
}

const rawCode = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;

async function auditOf(eventId: string, action: string) {
  return (await prisma()).auditLog.findMany({ where: { eventId, action } });
}

function registerThroughApi(slug: string, index: number, extra: Record<string, unknown> = {}) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(person(index, extra)),
  });
}

describe("editing registration settings", () => {
  it("changes a category, refusing a capacity below the places taken at the capacity field", async () => {
    const { event, slug, categories } = await createRegistrationEvent({
      categories: [
        { code: "public", name: "公众", capacity: 5 },
        { code: "member", name: "会员", capacity: 5 },
      ],
    });
    for (const index of [1, 2]) expect((await registerThroughApi(slug, index, { category: "public" })).status).toBe(201);
    const jar = await organizerOf(slug);
    const path = `/admin/events/${event.id}/registration-settings`;
    const category = categories[0];

    const refused = await post(jar, path, { intent: "editCategory", id: category.id, name: "公众票", capacity: "1" }, "en");
    expect(refused.status).toBe(409);
    const refusedHtml = await refused.text();
    expect(errorAt(refusedHtml, `editCategory-${category.id}-capacity`)).toBe("Cannot be lower than the 2 places already taken.");
    // The refused row's form is open, showing what was refused.
    expect(refusedHtml).toMatch(new RegExp(`<details[^>]*open=""[^>]*>\\s*<summary[^>]*>Edit</summary>\\s*<form[^>]*id="editCategory-${category.id}"`));
    expect((await (await prisma()).ticketCategory.findUniqueOrThrow({ where: { id: category.id } })).capacity).toBe(5);

    const saved = await post(jar, path, { intent: "editCategory", id: category.id, name: "公众票", nameEn: "Public", capacity: "3", isDefault: "on" });
    expect(saved.status).toBe(200);
    const db = await prisma();
    expect(await db.ticketCategory.findUniqueOrThrow({ where: { id: category.id } })).toMatchObject({ code: "public", name: "公众票", nameEn: "Public", capacity: 3, isDefault: true });
    const audited = await auditOf(event.id, "registration.category_updated");
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0].details)).toMatchObject({ category: "public", before: { capacity: 5 }, after: { capacity: 3 } });

    // The default marker moves: marking the other category unmarks this one.
    expect((await post(jar, path, { intent: "editCategory", id: categories[1].id, name: "会员", capacity: "", isDefault: "on" })).status).toBe(200);
    expect((await db.ticketCategory.findMany({ where: { eventId: event.id, isDefault: true } })).map((row) => row.code)).toEqual(["member"]);
  });

  it("changes a firm quota, refusing one below the firm's places taken", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 20 });
    const firm = await createFirm(`编辑测试企业 ${event.id}`);
    await setFirmQuota(event.id, firm.id, 5);
    const db = await prisma();
    await db.firmQuota.update({ where: { eventId_firmId: { eventId: event.id, firmId: firm.id } }, data: { confirmedCount: 2 } });
    const jar = await organizerOf(slug);
    const path = `/admin/events/${event.id}/registration-settings`;

    const refused = await post(jar, path, { intent: "editQuota", firmId: firm.id, quota: "1" });
    expect(refused.status).toBe(409);
    expect(errorAt(await refused.text(), `editQuota-${firm.id}-quota`)).toBe("不能少于已占用的 2 个名额。");
    expect((await post(jar, path, { intent: "editQuota", firmId: firm.id, quota: "4" })).status).toBe(200);
    expect((await db.firmQuota.findUniqueOrThrow({ where: { eventId_firmId: { eventId: event.id, firmId: firm.id } } })).quota).toBe(4);
    expect(await auditOf(event.id, "registration.quota_updated")).toHaveLength(1);
  });

  it("changes a question without orphaning answers: a chosen option stays, the type keeps stored answers valid", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 20 });
    const question = await upsertQuestion(event.id, {
      key: "track",
      label: "方向",
      kind: "SINGLE_CHOICE",
      options: [
        { value: "o1", label: "金融" },
        { value: "o2", label: "制造" },
      ],
    });
    expect((await registerThroughApi(slug, 11, { answers: { track: "o2" } })).status).toBe(201);
    const jar = await organizerOf(slug);
    const path = `/admin/events/${event.id}/registration-settings`;
    const fields = { intent: "editQuestion", id: question.id, label: "方向", kind: "SINGLE_CHOICE" };

    const dropped = await post(jar, path, { ...fields, options: "金融\n医疗" }, "en");
    expect(dropped.status).toBe(409);
    const droppedHtml = await dropped.text();
    expect(errorAt(droppedHtml, `editQuestion-${question.id}-options`)).toBe("A choice people have picked cannot be removed or renamed.");
    expect(visibleText(droppedHtml)).toContain('Registrations have chosen "制造"');

    const retyped = await post(jar, path, { ...fields, kind: "TEXT", options: "" });
    expect(retyped.status).toBe(409);
    expect(errorAt(await retyped.text(), `editQuestion-${question.id}-kind`)).toBe("已有 1 人回答：类型只能从单行文字改为多行文字，或从电话号码改为文字。");

    const saved = await post(jar, path, { ...fields, label: "关注方向", labelEn: "Focus", options: "制造\n金融\n医疗", attendeeEditable: "on", required: "on" });
    expect(saved.status).toBe(200);
    const stored = await (await prisma()).registrationQuestion.findUniqueOrThrow({ where: { id: question.id } });
    expect(stored).toMatchObject({ key: "track", label: "关注方向", labelEn: "Focus", required: true, attendeeEditable: true });
    expect(JSON.parse(stored.options)).toEqual([
      { value: "o2", label: "制造" },
      { value: "o1", label: "金融" },
      { value: "o3", label: "医疗" },
    ]);
    expect(await auditOf(event.id, "registration.question_updated")).toHaveLength(1);
  });

  it("changes an invite code, refusing fewer uses than already made at the uses field", async () => {
    const { event, slug, categories } = await createRegistrationEvent({ categories: [{ code: "guest", name: "嘉宾", inviteOnly: true }] });
    const invite = await createInviteCode(event.id, { code: "EDITME", maxUses: 5 });
    const db = await prisma();
    await db.inviteCode.update({ where: { id: invite.id }, data: { usedCount: 2 } });
    const jar = await organizerOf(slug);
    const path = `/admin/events/${event.id}/registration-settings`;

    const refused = await post(jar, path, { intent: "editInvite", id: invite.id, maxUses: "1", expiresAt: "" }, "en");
    expect(refused.status).toBe(409);
    expect(errorAt(await refused.text(), `editInvite-${invite.id}-maxUses`)).toBe("Cannot be lower than the 2 uses already made.");
    const saved = await post(jar, path, { intent: "editInvite", id: invite.id, label: "合作方", categoryId: categories[0].id, maxUses: "3", expiresAt: "2099-01-31T18:00" });
    expect(saved.status).toBe(200);
    expect(await db.inviteCode.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ code: "EDITME", label: "合作方", categoryId: categories[0].id, maxUses: 3 });
    expect((await db.inviteCode.findUniqueOrThrow({ where: { id: invite.id } })).expiresAt?.toISOString()).toBe("2099-01-31T10:00:00.000Z");
    expect(await auditOf(event.id, "registration.invite_updated")).toHaveLength(1);
  });
});

describe("the attendee's answers on the manage page", () => {
  async function registered() {
    const { event, slug } = await createRegistrationEvent({ capacity: 20 });
    await upsertQuestion(event.id, { key: "diet", label: "饮食要求", kind: "TEXT", required: true, attendeeEditable: true, position: 0 });
    await upsertQuestion(event.id, {
      key: "size",
      label: "T 恤尺码",
      labelEn: "T-shirt size",
      kind: "SINGLE_CHOICE",
      options: [
        { value: "o1", label: "M" },
        { value: "o2", label: "L" },
      ],
      attendeeEditable: true,
      position: 1,
    });
    await upsertQuestion(event.id, { key: "invoice", label: "发票抬头", kind: "LONG_TEXT", position: 2 });
    const created = await registerThroughApi(slug, 21, { answers: { diet: "无", size: "o1", invoice: "示例公司" } });
    expect(created.status).toBe(201);
    const path = new URL((await created.json()).registration.manageUrl).pathname;
    const endpoint = await createWebhookEndpoint({ url: "http://127.0.0.1:9/hook", eventTypes: ["registration.updated"], eventId: event.id }, () => true);
    return { event, path, endpointId: endpoint.endpoint.id };
  }

  const storedAnswers = async (eventId: string) => JSON.parse((await (await prisma()).registration.findFirstOrThrow({ where: { eventId } })).answers) as Record<string, unknown>;
  const updates = async (endpointId: string) => (await prisma()).webhookDelivery.count({ where: { endpointId, type: "registration.updated" } });

  it("saves an editable answer, audited and sent as registration.updated, and shows the others read-only", async () => {
    const { event, path, endpointId } = await registered();
    const page = await (await fetch(`${server.baseUrl}${path}`)).text();
    expect(page).toMatch(/<input[^>]*name="answers.diet"[^>]*value="无"/);
    expect(page).not.toContain('name="answers.invoice"');
    // The ticket code in groups for typing at the door, and one button that looks destructive (cancel).
    expect(page).toMatch(/data-testid="ticket-code"[^>]*>[0-9A-Za-z_-]+(?: [0-9A-Za-z_-]+)+</);
    expect(page.match(/class="btn-danger/g)).toHaveLength(1);
    expect(visibleText(page)).toContain("示例公司");

    const saved = await post(null, path, [
      ["intent", "answers"],
      ["answers.diet", "素食"],
      ["answers.size", "o2"],
    ]);
    expect(saved.status).toBe(200);
    expect(await storedAnswers(event.id)).toEqual({ diet: "素食", size: "o2", invoice: "示例公司" });
    expect(await updates(endpointId)).toBe(1);
    const audited = await auditOf(event.id, "registration.self_updated");
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0].details)).toEqual({ changed: ["answers.diet", "answers.size"] });
  });

  it("refuses a non-editable answer even in a hand-made POST, and checks the editable ones like the registration form", async () => {
    const { event, path, endpointId } = await registered();
    const crafted = await post(null, path, [
      ["intent", "answers"],
      ["answers.diet", "无"],
      ["answers.invoice", "别的公司"],
    ]);
    expect(crafted.status).toBe(422);
    const emptied = await post(
      null,
      path,
      [
        ["intent", "answers"],
        ["answers.size", "o9"],
      ],
      "en",
    );
    expect(emptied.status).toBe(422);
    const html = await emptied.text();
    expect(errorAt(html, "answer-diet")).toBe("Please fill in this field.");
    expect(visibleText(html)).toContain("Choose one of the options given.");
    expect(await storedAnswers(event.id)).toEqual({ diet: "无", size: "o1", invoice: "示例公司" });
    expect(await updates(endpointId)).toBe(0);
    expect(await auditOf(event.id, "registration.self_updated")).toHaveLength(0);
  });
});

describe("no raw codes on these pages", () => {
  it("shows question types, statuses and labels as words in both languages", async () => {
    const { event, slug, categories } = await createRegistrationEvent({ categories: [{ code: "public", name: "公众" }] });
    for (const kind of ["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PHONE", "CHECKBOX"] as const) {
      await upsertQuestion(event.id, { key: `q_${kind.toLowerCase()}`, label: `问题 ${kind.length}`, kind, options: kind.endsWith("CHOICE") ? [{ value: "o1", label: "甲" }] : [] });
    }
    await createInviteCode(event.id, { code: "WORDS", categoryId: categories[0].id });
    const created = await registerThroughApi(slug, 31, { answers: { q_text: "文字" } });
    const manage = new URL((await created.json()).registration.manageUrl).pathname;
    const jar = await organizerOf(slug);
    for (const [language, labels] of [
      ["zh-CN", ["适用票种", "可用次数", "有效期至（Asia/Shanghai）", "多行文字", "参会者可在管理页修改"]],
      ["en", ["Ticket category it unlocks", "Uses allowed", "Valid until (Asia/Shanghai)", "Long text", "Attendees may change this answer"]],
    ] as const) {
      const settings = visibleText(await (await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registration-settings`, { headers: { "Accept-Language": language } })).text());
      for (const label of labels) expect(settings).toContain(label);
      expect(settings).not.toMatch(rawCode);
      const page = visibleText(await (await fetch(`${server.baseUrl}${manage}`, { headers: { "Accept-Language": language } })).text());
      expect(page).not.toMatch(rawCode);
    }
  });
});
