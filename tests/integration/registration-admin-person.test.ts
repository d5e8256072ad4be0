import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultList } from "~/models/checkin-list.server";
import { register as registerAttendee } from "~/models/registration-write.server";
import { prisma } from "~/models/store/connection.server";
import { registrationInputSchema } from "~/schemas/registration";
import { newNonce, staffUser, tokenFor } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 14 §7: the back office's registration list selects the whole filtered set (not only the page on
 * screen) and applies a bulk action to exactly that set, re-evaluated when it runs; each person has a page
 * with answers, e-mails, check-ins, history and notes, for the organizers of that event only.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let ours: Awaited<ReturnType<typeof createRegistrationEvent>>;
let theirs: Awaited<ReturnType<typeof createRegistrationEvent>>;
let organizer: CookieJar;
let coOrganizer: CookieJar;
let organizerId: string;
const matching: string[] = [];
const others: string[] = [];

const visibleText = (html: string) =>
  withoutScripts(html)
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ");
const rawCodes = /\b(?:[A-Z]{2,}_[A-Z_]+|CONFIRMED|PENDING|WAITLISTED|REJECTED|CANCELLED|HELD|SENT|FAILED|ENTRY|EXIT|OK)\b/;

// Through the model rather than the API: the public endpoint rate-limits one address well below a list's worth.
async function register(slug: string, index: number, extra: Record<string, unknown> = {}) {
  const answer = await registerAttendee({ slug, input: registrationInputSchema.parse(person(index, extra)) });
  return answer.body.registration.id;
}

const listUrl = (query = "") => `${server.baseUrl}/admin/events/${ours.event.id}/registrations${query}`;
const personUrl = (id: string, eventId = ours.event.id) => `${server.baseUrl}/admin/events/${eventId}/registrations/${id}`;
const post = (jar: CookieJar, url: string, fields: Record<string, string>) => jar.fetch(url, { method: "POST", headers: { Origin: server.baseUrl }, body: new URLSearchParams(fields) });

beforeAll(async () => {
  server = await startTestServer();
  ours = await createRegistrationEvent({ capacity: 500, requiresApproval: true });
  theirs = await createRegistrationEvent({ capacity: 10 });
  const db = await prisma();
  await db.registrationQuestion.create({
    data: {
      eventId: ours.event.id,
      key: "diet",
      label: "饮食偏好",
      labelEn: "Diet",
      kind: "SINGLE_CHOICE",
      options: JSON.stringify([
        { value: "o1", label: "素食", labelEn: "Vegetarian" },
        { value: "o2", label: "无忌口", labelEn: "Anything" },
      ]),
    },
  });
  // More matching registrations than one page of the list shows (50).
  for (let index = 0; index < 57; index += 1) matching.push(await register(ours.slug, 14_000 + index, { organization: "筛选测试单位", answers: { diet: "o1" } }));
  for (let index = 0; index < 4; index += 1) others.push(await register(ours.slug, 14_100 + index, { organization: "其他单位" }));
  await register(theirs.slug, 14_200);
  const staff = await staffUser(ours.slug, "ORGANIZER");
  organizer = await signIn(server.baseUrl, staff.email, staff.password);
  organizerId = (await db.user.findUniqueOrThrow({ where: { email: staff.email } })).id;
  const second = await staffUser(ours.slug, "ORGANIZER");
  coOrganizer = await signIn(server.baseUrl, second.email, second.password);
}, 120_000);
afterAll(() => server?.close());

describe("selecting the whole filtered set", () => {
  it("shows one page of the filter and the number that match in all", async () => {
    const html = await (await organizer.fetch(listUrl("?q=%E7%AD%9B%E9%80%89%E6%B5%8B%E8%AF%95%E5%8D%95%E4%BD%8D"))).text();
    expect(visibleText(html)).toContain("共 57 条");
    expect(html.match(/name="ids"/g)).toHaveLength(50);
    expect(html).toContain(`/admin/events/${ours.event.id}/registrations/${matching[0]}`);
  });

  it("refuses when the filter matches a different number than the organizer confirmed, changing nothing", async () => {
    const response = await post(organizer, listUrl("?q=筛选测试单位"), { intent: "approve", scope: "filter", expected: "56" });
    expect(response.status).toBe(409);
    expect(visibleText(await response.text())).toContain("现在是 57 条");
    const db = await prisma();
    expect(await db.registration.count({ where: { id: { in: matching }, status: "PENDING_APPROVAL" } })).toBe(57);
  });

  it("approves exactly the registrations the filter matches when the action runs, beyond the page", async () => {
    const response = await post(organizer, listUrl("?q=筛选测试单位&page=1"), { intent: "approve", scope: "filter", expected: "57", ids: others[0] });
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain("已处理 57 条");
    const db = await prisma();
    expect(await db.registration.count({ where: { id: { in: matching }, status: "CONFIRMED" } })).toBe(57);
    expect(await db.registration.count({ where: { id: { in: others }, status: "PENDING_APPROVAL" } })).toBe(4);
    const entry = await db.auditLog.findFirstOrThrow({ where: { eventId: ours.event.id, action: "registration.approved" }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.details)).toMatchObject({ count: 57 });
  });

  it("cancels ticked rows of this event only, audited", async () => {
    const foreign = (await (await prisma()).registration.findFirstOrThrow({ where: { eventId: theirs.event.id } })).id;
    const body = new URLSearchParams({ intent: "cancel", scope: "ids" });
    for (const id of [others[3], foreign]) body.append("ids", id);
    const response = await organizer.fetch(listUrl(), { method: "POST", headers: { Origin: server.baseUrl }, body });
    expect(response.status).toBe(200);
    const db = await prisma();
    expect((await db.registration.findUniqueOrThrow({ where: { id: others[3] } })).status).toBe("CANCELLED");
    expect((await db.registration.findUniqueOrThrow({ where: { id: foreign } })).status).toBe("CONFIRMED");
    expect(await db.auditLog.count({ where: { eventId: ours.event.id, action: "registration.cancelled", targetId: others[3] } })).toBe(1);
  });
});

describe("the per-person page", () => {
  it("shows the answers, e-mails, check-ins and history in words and local time", async () => {
    const id = matching[0];
    await ensureDefaultList(ours.event.id);
    const db = await prisma();
    const { ticketCode } = await db.registration.findUniqueOrThrow({ where: { id } });
    const scan = await fetch(`${server.baseUrl}/api/v1/checkin`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await tokenFor(ours.slug)}` },
      body: JSON.stringify({ code: ticketCode, nonce: newNonce(), deviceId: "东门一号机" }),
    });
    expect(((await scan.json()) as { result: string }).result).toBe("ok");

    const response = await organizer.fetch(personUrl(id));
    expect(response.status).toBe(200);
    const text = visibleText(await response.text());
    expect(text).toContain("测试者14000");
    expect(text).toContain("饮食偏好");
    expect(text).toContain("素食");
    expect(text).toContain("已确认");
    // E-mails sent to this person (received, then the ticket after approval), with their subjects.
    expect(text).toContain("发给此人的邮件");
    expect(text).toContain("电子票");
    expect(text).toContain("person14000@example.org");
    expect(text).not.toContain("person14001@example.org");
    // The check-in with its door, device and direction.
    expect(text).toContain("签到成功");
    expect(text).toContain("东门一号机");
    expect(text).toContain("入场");
    // History: the registration, then the organizer's approval (one of a bulk decision, told about this person).
    expect(text).toContain("测试者14000 提交了报名");
    expect(text).toContain("测试签到员 批准了 测试者14000 的报名");
    expect(text).toMatch(/\(UTC\+8\)/);
    expect(text).not.toMatch(rawCodes);

    const english = visibleText(await (await organizer.fetch(personUrl(id), { headers: { "Accept-Language": "en" } })).text());
    expect(english).toContain("Diet");
    expect(english).toContain("Vegetarian");
    expect(english).toContain("Checked in");
    expect(english).not.toMatch(rawCodes);
  });

  it("re-sends an e-mail of this person only", async () => {
    const db = await prisma();
    const own = await db.emailMessage.findFirstOrThrow({ where: { registrationId: matching[1] } });
    const foreign = await db.emailMessage.findFirstOrThrow({ where: { registrationId: matching[2] } });
    await db.emailMessage.updateMany({ where: { id: { in: [own.id, foreign.id] } }, data: { status: "FAILED" } });
    expect((await post(organizer, personUrl(matching[1]), { intent: "resend", messageId: foreign.id })).status).toBe(404);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("FAILED");
    expect((await post(organizer, personUrl(matching[1]), { intent: "resend", messageId: own.id })).status).toBe(200);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("PENDING");
  });

  it("keeps notes with author and time; only the author deletes one; both audited", async () => {
    const id = matching[3];
    const db = await prisma();
    expect((await post(organizer, personUrl(id), { intent: "addNote", body: "" })).status).toBe(422);
    expect((await post(organizer, personUrl(id), { intent: "addNote", body: "安排在第一排，需要同传耳机" })).status).toBe(200);
    const note = await db.registrationNote.findFirstOrThrow({ where: { registrationId: id } });
    expect(note.authorUserId).toBe(organizerId);
    const text = visibleText(await (await organizer.fetch(personUrl(id))).text());
    expect(text).toContain("安排在第一排，需要同传耳机");
    expect(text).toContain("测试签到员 为 测试者14003 添加了备注");

    expect((await post(coOrganizer, personUrl(id), { intent: "deleteNote", noteId: note.id })).status).toBe(404);
    expect(await db.registrationNote.count({ where: { id: note.id } })).toBe(1);
    expect((await post(organizer, personUrl(id), { intent: "deleteNote", noteId: note.id })).status).toBe(200);
    expect(await db.registrationNote.count({ where: { id: note.id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { targetId: id, eventId: ours.event.id }, select: { action: true, actorUserId: true } })).filter((entry) =>
      entry.action.startsWith("registration.note"),
    );
    expect(actions).toEqual([
      { action: "registration.note_added", actorUserId: organizerId },
      { action: "registration.note_deleted", actorUserId: organizerId },
    ]);
  });

  it("approves, declines and cancels one person from their page", async () => {
    const response = await post(organizer, personUrl(others[1]), { intent: "reject" });
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain("已更新：未通过");
    expect((await (await prisma()).registration.findUniqueOrThrow({ where: { id: others[1] } })).status).toBe("REJECTED");
  });

  it("says an outcome in the server's HTML, inside a live region the page already had before it", async () => {
    const before = await (await organizer.fetch(personUrl(others[2]))).text();
    expect(before).toMatch(/<div role="status"><\/div>/);
    const after = await (await post(organizer, personUrl(others[2]), { intent: "reject" })).text();
    expect(after).toMatch(/<div role="status"[^>]*><div[^>]*>已更新：未通过<\/div><\/div>/);
  });

  it("is for the organizers of that event and admins only", async () => {
    const other = await staffUser(theirs.slug, "ORGANIZER");
    const otherOrganizer = await signIn(server.baseUrl, other.email, other.password);
    expect((await otherOrganizer.fetch(personUrl(matching[0]))).status).toBe(403);
    expect((await post(otherOrganizer, personUrl(matching[0]), { intent: "addNote", body: "越权" })).status).toBe(403);
    const door = await staffUser(ours.slug, "CHECKIN");
    const checkIn = await signIn(server.baseUrl, door.email, door.password);
    expect((await checkIn.fetch(personUrl(matching[0]))).status).toBe(403);
    // A registration of another event under this event's address is not found.
    const foreign = (await (await prisma()).registration.findFirstOrThrow({ where: { eventId: theirs.event.id } })).id;
    expect((await organizer.fetch(personUrl(foreign))).status).toBe(404);
    expect((await post(organizer, personUrl(foreign), { intent: "addNote", body: "越权" })).status).toBe(404);
    expect(await (await prisma()).registrationNote.count({ where: { registrationId: foreign } })).toBe(0);
  });

  it("shows no raw codes on the list", async () => {
    for (const locale of ["zh-CN", "en"]) {
      const text = visibleText(await (await organizer.fetch(listUrl(), { headers: { "Accept-Language": locale } })).text());
      expect(text).not.toMatch(rawCodes);
    }
  });
});
