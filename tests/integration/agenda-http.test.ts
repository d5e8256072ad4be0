import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shiftSession } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { getEventBySlug } from "~/models/event.server";
import { prisma } from "~/models/store/connection.server";
import { useDemoDatabase } from "../support/demo-database";
import { forumSlug } from "../../prisma/seed/events";
import { CookieJar, startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let forumId: string;
let shanghaiId: string;

async function signIn(email: string, password: string) {
  const jar = new CookieJar();
  const response = await jar.fetch(`${server.baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/admin" }),
  });
  expect(response.status).toBe(302);
  return jar;
}

const form = (values: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(values),
});

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  forumId = (await getEventBySlug(forumSlug))!.id;
  shanghaiId = (await getEventBySlug("deep-dive-finance-shanghai"))!.id;
});
afterAll(() => server?.close());

describe("JSON API (DESIGN.md §5)", () => {
  it("lists published events with their registration state", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/events`);
    expect(response.status).toBe(200);
    const body = await response.json();
    const forum = body.events.find((event: { slug: string }) => event.slug === forumSlug);
    expect(Object.keys(forum)).toEqual(expect.arrayContaining(["slug", "title", "kind", "series", "city", "venue", "timeZone", "startsAt", "endsAt", "registration"]));
    expect(forum).toMatchObject({ kind: "FORUM", timeZone: "Asia/Shanghai", startsAt: "2025-07-23T01:00:00.000Z", city: "北京" });
    expect(Object.keys(forum.registration).sort()).toEqual(["capacity", "closesAt", "confirmed", "opensAt", "requiresApproval", "status", "waitlistEnabled", "waitlisted"]);
    expect(forum.registration.status).toBe("closed");
    const shanghai = body.events.find((event: { slug: string }) => event.slug === "deep-dive-finance-shanghai");
    expect(shanghai.series.slug).toBe("agent-deep-dive-2026");
    expect(shanghai.registration.status).toBe("open");
  });

  it("returns one event with its sessions and speakers in typed roles", async () => {
    const body = await (await fetch(`${server.baseUrl}/api/v1/events/${forumSlug}`)).json();
    expect(body.slug).toBe(forumSlug);
    expect(body.sessions).toHaveLength(12);
    for (const session of body.sessions) {
      expect(Object.keys(session).sort()).toEqual(["endsAt", "id", "room", "speakers", "startsAt", "title", "track", "type"]);
      for (const speaker of session.speakers) expect(Object.keys(speaker).sort()).toEqual(["name", "organization", "role", "title"]);
    }
    const opening = body.sessions[1];
    expect(opening).toMatchObject({ title: "致辞", type: "opening_remarks", startsAt: "2025-07-23T01:05:00.000Z", room: "主会场", track: "开幕与发布" });
    expect(opening.speakers).toContainEqual({ name: "陈家春", organization: "中国互联网协会", title: "副理事长兼常务副秘书长", role: "opening_speaker" });
    expect(opening.speakers[0].role).toBe("host");
    // No speaker's or attendee's address: the only e-mail address is the privacy notice's public contact.
    expect(JSON.stringify(body.sessions)).not.toContain("@");
    expect(new Set([...JSON.stringify(body).matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((match) => match[0]))).toEqual(new Set(["privacy@demo.example.org"]));
  });

  it("answers unknown slugs with a 404 JSON error on every endpoint", async () => {
    for (const path of ["", "/agenda.ics", "/schedule.xml", "/schedule.json"]) {
      const response = await fetch(`${server.baseUrl}/api/v1/events/no-such-event${path}`, { headers: { "Accept-Language": "en" } });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  });

  it("serves the agenda as iCalendar, whole or limited to favourites", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/events/${forumSlug}/agenda.ics`);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents("vevent");
    expect(events).toHaveLength(12);
    const api = await (await fetch(`${server.baseUrl}/api/v1/events/${forumSlug}`)).json();
    const ids = [api.sessions[3].id, api.sessions[9].id];
    const mine = await fetch(`${server.baseUrl}/api/v1/events/${forumSlug}/agenda.ics?sessions=${ids.join(",")}`);
    const chosen = new ICAL.Component(ICAL.parse(await mine.text())).getAllSubcomponents("vevent").map((item) => new ICAL.Event(item).summary);
    expect(chosen).toEqual([api.sessions[3].title, api.sessions[9].title]);
    expect((await fetch(`${server.baseUrl}/api/v1/events/${forumSlug}/schedule.xml`)).headers.get("content-type")).toContain("xml");
    expect((await (await fetch(`${server.baseUrl}/api/v1/events/${forumSlug}/schedule.json`)).json()).schedule.conference.acronym).toBe("2025_agent_innovation_forum");
  });
});

describe("public agenda page", () => {
  it("shows the agenda by day with roles, the zone named, and filters that work without JavaScript", async () => {
    const html = await (await fetch(`${server.baseUrl}/events/${forumSlug}`)).text();
    expect(html).toContain("Asia/Shanghai (UTC+8)");
    expect(html).toContain("09:05–09:15");
    expect(html).toMatch(/主持人：<\/dt><dd[^>]*>林晓岚（演示）/);
    expect(html).toMatch(/致辞：<\/dt><dd[^>]*>陈家春（中国互联网协会 副理事长兼常务副秘书长）/);
    expect(html).toContain("“智能体创新推进计划”启动仪式");
    const panelOnly = await (await fetch(`${server.baseUrl}/events/${forumSlug}?type=PANEL`)).text();
    expect(panelOnly).toContain("圆桌对话：让智能体从“实验室”走向千行百业");
    expect(panelOnly).not.toContain("开放协议与智能体互联互通");
    const english = await (await fetch(`${server.baseUrl}/events/${forumSlug}`, { headers: { "Accept-Language": "en" } })).text();
    expect(english).toMatch(/Opening remarks: <\/dt><dd[^>]*>Chen Jiachun \(Internet Society of China, /);
    expect(english).toMatch(/Vice Chair and Executive Deputy Secretary-General\); Wang Zheng \(/); // English lists, not 、
  });

  it("marks what changed since the last version and keeps a change log", async () => {
    const shanghai = (await getEventBySlug("deep-dive-finance-shanghai"))!;
    const session = (await (await prisma()).session.findFirst({ where: { eventId: shanghai.id, type: "PANEL" } }))!;
    await shiftSession(shanghai.id, session.id, { minutes: 10 });
    const draftOnly = await (await fetch(`${server.baseUrl}/events/${shanghai.slug}`)).text();
    expect(draftOnly).not.toContain("有更新");
    // The 10 minutes run into lunch in the same room: a conflict, published here by explicit override.
    await publishAgenda(shanghai.id, { overrideConflicts: true });
    const html = await (await fetch(`${server.baseUrl}/events/${shanghai.slug}`)).text();
    expect(html).toContain("有更新");
    expect(html).toContain("11:10–12:00");
    expect(html).toMatch(/时间\/会场调整：圆桌对话：金融智能体落地的难点与路径（.*11:00–11:50.*→.*11:10–12:00/);
    expect(html).toContain("v2");
  });
});

describe("back office permissions and validation", () => {
  it("gives an organizer of another event 403 on agenda pages and actions, and saves nothing", async () => {
    const jar = await signIn("shanghai.organizer@demo.example.org", "demo-organizer-2025");
    expect((await jar.fetch(`${server.baseUrl}/admin/events/${shanghaiId}/agenda`)).status).toBe(200);
    for (const path of ["", "/agenda"]) {
      expect((await jar.fetch(`${server.baseUrl}/admin/events/${forumId}${path}`)).status).toBe(403);
    }
    const db = await prisma();
    const before = await db.session.count({ where: { eventId: forumId } });
    const session = (await db.session.findFirst({ where: { eventId: forumId } }))!;
    const attempts = [
      jar.fetch(`${server.baseUrl}/admin/events/${forumId}/agenda?index`, form({ intent: "addSession", title: "Hijack", type: "TALK", date: "2025-07-23", startTime: "10:00", endTime: "11:00" })),
      jar.fetch(`${server.baseUrl}/admin/events/${forumId}/agenda?index`, form({ intent: "deleteSession", id: session.id })),
      jar.fetch(`${server.baseUrl}/admin/events/${forumId}/agenda?index`, form({ intent: "publish" })),
      jar.fetch(`${server.baseUrl}/admin/events/${forumId}?index`, form({ intent: "archive" })),
      jar.fetch(`${server.baseUrl}/admin/events/${forumId}/agenda/${session.id}`, form({ intent: "detach", id: "x" })),
      // Its own event's URL with a session of another event: still refused.
      jar.fetch(`${server.baseUrl}/admin/events/${shanghaiId}/agenda?index`, form({ intent: "deleteSession", id: session.id })),
    ];
    expect((await Promise.all(attempts)).map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 404]);
    expect(await db.session.count({ where: { eventId: forumId } })).toBe(before);
    expect((await getEventBySlug(forumSlug))!).toMatchObject({ status: "PUBLISHED", publishedVersion: 1 });
    expect((await jar.fetch(`${server.baseUrl}/admin/events/new`)).status).toBe(403);
    expect((await jar.fetch(`${server.baseUrl}/admin/series`)).status).toBe(403);
  });

  it("keeps check-in staff out of the speaker directory", async () => {
    const jar = await signIn("checkin@demo.example.org", "demo-checkin-2025");
    expect((await jar.fetch(`${server.baseUrl}/admin/speakers`)).status).toBe(403);
  });

  it("answers bad input with field errors in Chinese and English and saves nothing", async () => {
    const jar = await signIn("organizer@demo.example.org", "demo-organizer-2025");
    const db = await prisma();
    const before = await db.session.count();
    const bad = { intent: "addSession", title: "Inverted", type: "TALK", date: "2026-01-10", startTime: "11:00", endTime: "10:00" };
    const zh = await jar.fetch(`${server.baseUrl}/admin/events/${shanghaiId}/agenda?index`, form(bad));
    expect(zh.status).toBe(422);
    expect(await zh.text()).toContain("结束时间必须晚于开始时间。");
    const en = await jar.fetch(`${server.baseUrl}/admin/events/${shanghaiId}/agenda?index`, {
      ...form(bad),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
    });
    expect(en.status).toBe(422);
    expect(await en.text()).toContain("The end must be after the start.");
    const badEvent = await jar.fetch(
      `${server.baseUrl}/admin/events/new`,
      form({ intent: "save", slug: "Bad Slug!", kind: "FORUM", title: "", timeZone: "Mars/Olympus", startDate: "2026-03-29", startTime: "02:30", endDate: "2026-03-29", endTime: "03:30" }),
    );
    expect(badEvent.status).toBe(422);
    const text = await badEvent.text();
    for (const message of ["网址标识须为", "请填写此项。", "请从列表中选择有效的时区"]) expect(text).toContain(message);
    // Every field's error at once: a missing title and an end before the start in the same answer.
    const both = await jar.fetch(
      `${server.baseUrl}/admin/events/new`,
      form({ kind: "FORUM", title: "", timeZone: "Asia/Shanghai", startDate: "2026-12-05", startTime: "10:00", endDate: "2026-12-05", endTime: "09:00" }),
    );
    expect(both.status).toBe(422);
    const bothText = await both.text();
    for (const message of ["请填写此项。", "结束时间必须晚于开始时间。"]) expect(bothText).toContain(message);
    const gap = await jar.fetch(
      `${server.baseUrl}/admin/events/new`,
      form({ slug: "berlin-gap", kind: "FORUM", title: "Gap", timeZone: "Europe/Berlin", startDate: "2026-03-29", startTime: "02:30", endDate: "2026-03-29", endTime: "05:00" }),
    );
    expect(gap.status).toBe(422);
    expect(await gap.text()).toContain("该时间在所选时区不存在");
    expect(await db.session.count()).toBe(before);
    expect(await getEventBySlug("berlin-gap")).toBeNull();
  });

  it("lets an organizer build and publish through the forms", async () => {
    const jar = await signIn("organizer@demo.example.org", "demo-organizer-2025");
    const created = await jar.fetch(
      `${server.baseUrl}/admin/events/new`,
      form({ slug: "http-built", kind: "DEEP_DIVE", title: "HTTP built", timeZone: "Europe/Berlin", startDate: "2026-10-24", startTime: "09:00", endDate: "2026-10-25", endTime: "18:00" }),
    );
    expect(created.status).toBe(302);
    const eventId = created.headers.get("location")!.split("/")[3].split("?")[0];
    // Left empty, the URL name comes from the title (English when given, else the Chinese title's pinyin), made unique.
    const fromTitles = async (titles: Record<string, string>) => {
      const answer = await jar.fetch(
        `${server.baseUrl}/admin/events/new`,
        form({ ...titles, kind: "FORUM", timeZone: "Asia/Shanghai", startDate: "2026-12-05", startTime: "09:00", endDate: "2026-12-05", endTime: "17:00" }),
      );
      expect(answer.status).toBe(302);
      return (await prisma()).event.findUniqueOrThrow({ where: { id: answer.headers.get("location")!.split("/")[3].split("?")[0] } });
    };
    expect((await fromTitles({ title: "绿色低碳论坛" })).slug).toBe("lv-se-di-tan-lun-tan");
    expect((await fromTitles({ title: "绿色低碳论坛" })).slug).toBe("lv-se-di-tan-lun-tan-2");
    expect((await fromTitles({ title: "绿色低碳论坛", titleEn: "Green & Low-Carbon Forum" })).slug).toBe("green-low-carbon-forum");
    const proposal = await jar.fetch(`${server.baseUrl}/admin/events/slug-proposal?title=${encodeURIComponent("绿色低碳论坛")}`);
    expect(await proposal.json()).toEqual({ slug: "lv-se-di-tan-lun-tan-3" });
    const agenda = `${server.baseUrl}/admin/events/${eventId}/agenda?index`;
    expect((await jar.fetch(agenda, form({ intent: "addRoom", name: "Saal A" }))).status).toBe(200);
    const room = (await (await prisma()).room.findFirstOrThrow({ where: { eventId } })).id;
    expect((await jar.fetch(agenda, form({ intent: "addSession", title: "Welcome", type: "OPENING_REMARKS", date: "2026-10-25", startTime: "09:00", endTime: "09:30", roomId: room }))).status).toBe(
      200,
    );
    const stored = await (await prisma()).session.findFirstOrThrow({ where: { eventId } });
    // 09:00 in Berlin on the day winter time starts is 08:00Z.
    expect(stored.startsAt.toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect((await jar.fetch(agenda, form({ intent: "publish" }))).status).toBe(200);
    expect((await jar.fetch(`${server.baseUrl}/admin/events/${eventId}?index`, form({ intent: "publish" }))).status).toBe(200);
    const html = await (await fetch(`${server.baseUrl}/events/http-built`)).text();
    expect(html).toContain("Welcome");
    expect(html).toContain("Europe/Berlin (UTC+1)");
    expect(html).toContain("09:00–09:30");
  });

  it("refuses unknown speaker links", async () => {
    expect((await fetch(`${server.baseUrl}/speaker/not-a-token`)).status).toBe(404);
  });
});
