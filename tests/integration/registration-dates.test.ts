import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/models/agenda.server";
import { eventFormValues } from "~/models/event.server";
import { prisma } from "~/models/store/connection.server";
import { staffUser } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer, type CookieJar } from "../support/server";
import { signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 12 §9: every typed date/time is read by one strict parser in the event's zone. An impossible date
 * answers 422 with a message at its field instead of being stored as "no limit"; a window that closes
 * before it opens is refused; an empty field still means "no limit".
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function organizerOf(slug: string): Promise<CookieJar> {
  const { email, password } = await staffUser(slug, "ORGANIZER");
  return signIn(server.baseUrl, email, password);
}

function post(jar: CookieJar, path: string, fields: Record<string, string>, language = "zh-CN") {
  return jar.fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Origin: server.baseUrl, "Accept-Language": language } });
}

/** The error shown at one field of the page (the element the input's aria-describedby points at). */
function fieldError(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  const describedBy = /aria-describedby="([^"]+)"/
    .exec(input)?.[1]
    ?.split(" ")
    .find((id) => id.endsWith("-error"));
  if (!describedBy) return undefined;
  return new RegExp(`id="${describedBy}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

function registerThroughApi(slug: string, index: number) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(person(index)),
  });
}

describe("registration settings: typed opening and closing times", () => {
  const settings = (opensAt: string, closesAt: string) => ({ intent: "settings", opensAt, closesAt, capacity: "50", editableFields: "phone" });

  it.each([
    ["2026-02-30T00:00", "2026-03-10T18:00", "opensAt"],
    ["2026-03-01T25:61", "2026-03-10T18:00", "opensAt"],
    ["2026-03-01T09:00", "2026-03-10T24:00", "closesAt"],
    ["2026-03-01T09:00", "tomorrow", "closesAt"],
  ])("refuses %s … %s with 422 at the field, stores nothing and keeps registration closed", async (opensAt, closesAt, field) => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10, opensInDays: 3 });
    const jar = await organizerOf(slug);
    const response = await post(jar, `/admin/events/${event.id}/registration-settings`, settings(opensAt, closesAt));
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), field)).toBe("请输入有效的日期和时间。");
    const stored = await (await prisma()).event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.registrationOpensAt).toEqual(event.registrationOpensAt);
    expect(stored.registrationClosesAt).toEqual(event.registrationClosesAt);
    expect(stored.capacity).toBe(10);
    const attempt = await registerThroughApi(slug, 1);
    expect(attempt.status).toBe(409);
    expect(((await attempt.json()) as { error: { code: string } }).error.code).toBe("not_yet_open");
  });

  it("refuses a closing time before the opening time, in the reader's language", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10, opensInDays: 3 });
    const jar = await organizerOf(slug);
    const path = `/admin/events/${event.id}/registration-settings`;
    const chinese = await post(jar, path, settings("2026-03-10T09:00", "2026-03-01T18:00"));
    expect(chinese.status).toBe(422);
    expect(fieldError(await chinese.text(), "closesAt")).toBe("截止时间不能早于开放时间。");
    const english = await post(jar, path, settings("2026-03-10T09:00", "2026-03-01T18:00"), "en");
    expect(english.status).toBe(422);
    expect(fieldError(await english.text(), "closesAt")).toBe("The closing time cannot be before the opening time.");
    const stored = await (await prisma()).event.findUniqueOrThrow({ where: { id: event.id } });
    expect([stored.registrationOpensAt, stored.registrationClosesAt]).toEqual([event.registrationOpensAt, event.registrationClosesAt]);
  });

  it("reads valid times in the event's zone, and an empty field still means no limit", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10, opensInDays: 3 });
    const jar = await organizerOf(slug);
    const path = `/admin/events/${event.id}/registration-settings`;
    expect((await post(jar, path, settings("2026-03-01T09:00", "2026-03-01T09:00"))).status).toBe(200);
    const db = await prisma();
    let stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.registrationOpensAt?.toISOString()).toBe("2026-03-01T01:00:00.000Z");
    expect(stored.registrationClosesAt?.toISOString()).toBe("2026-03-01T01:00:00.000Z");
    expect((await post(jar, path, settings("", ""))).status).toBe(200);
    stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([stored.registrationOpensAt, stored.registrationClosesAt]).toEqual([null, null]);
    expect((await registerThroughApi(slug, 2)).status).toBe(201);
  });

  it("refuses an impossible invite-code expiry with 422 and creates no code", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    const jar = await organizerOf(slug);
    const response = await post(jar, `/admin/events/${event.id}/registration-settings`, { intent: "invite", code: "FEB30", maxUses: "5", expiresAt: "2026-02-30T12:00" }, "en");
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), "expiresAt")).toBe("Enter a valid date and time.");
    expect(await (await prisma()).inviteCode.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("shows every refused field of the invite form at once, each at its own field", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    const jar = await organizerOf(slug);
    const response = await post(jar, `/admin/events/${event.id}/registration-settings`, { intent: "invite", code: "TWO", maxUses: "0", expiresAt: "2026-02-30T12:00" }, "en");
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, "expiresAt")).toBe("Enter a valid date and time.");
    expect(fieldError(html, "maxUses")).toBe("This value is not valid.");
    expect(await (await prisma()).inviteCode.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("event and agenda times", () => {
  it("refuses 24:00 and 2026-02-30 on the event form as invalid, not as a daylight-saving gap", async () => {
    const { event, slug } = await createRegistrationEvent();
    const jar = await organizerOf(slug);
    const values = eventFormValues(event);
    const midnight = await post(jar, `/admin/events/${event.id}?index`, { ...values, intent: "save", endTime: "24:00" }, "en");
    expect(midnight.status).toBe(422);
    expect(fieldError(await midnight.text(), "endTime")).toBe("Enter a valid date and time.");
    const february = await post(jar, `/admin/events/${event.id}?index`, { ...values, intent: "save", startDate: "2026-02-30" }, "en");
    expect(february.status).toBe(422);
    expect(fieldError(await february.text(), "startTime")).toBe("Enter a valid date and time.");
    const stored = await (await prisma()).event.findUniqueOrThrow({ where: { id: event.id } });
    expect([stored.startsAt, stored.endsAt]).toEqual([event.startsAt, event.endsAt]);
  });

  it("refuses moving a session to 2026-02-30 with the date message and leaves it where it was", async () => {
    const { event, slug } = await createRegistrationEvent();
    const session = await createSession(event.id, { title: "开幕", type: "OPENING_REMARKS", date: "2026-03-02", startTime: "09:00", endTime: "09:30" });
    const jar = await organizerOf(slug);
    const response = await post(jar, `/admin/events/${event.id}/agenda?index`, { intent: "moveDay", id: session.id, day: "2026-02-30" }, "en");
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), "day")).toBe("Enter a valid date and time.");
    const stored = await (await prisma()).session.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.startsAt).toEqual(session.startsAt);
  });

  it("names question types in words, in the list and in the type picker", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    await (await prisma()).registrationQuestion.create({ data: { eventId: event.id, key: "bio", label: "个人简介", kind: "LONG_TEXT", position: 0 } });
    const jar = await organizerOf(slug);
    // What a person reads: the page without its scripts (the route data keeps the stored kinds) and tags.
    const visible = (html: string) => withoutScripts(html).replace(/<[^>]+>/g, " ");
    const zh = visible(await (await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registration-settings`)).text());
    expect(zh).toContain("个人简介");
    expect(zh).toContain("多行文字");
    for (const code of ["LONG_TEXT", "MULTIPLE_CHOICE", "SINGLE_CHOICE"]) expect(zh).not.toContain(code);
    const en = visible(await (await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/registration-settings`, { headers: { "Accept-Language": "en" } })).text());
    expect(en).toContain("Long text");
  });
});
