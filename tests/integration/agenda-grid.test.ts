import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoom, createSession } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { createEvent } from "~/models/event.server";
import { attachSpeaker } from "~/models/session-speaker.server";
import { createSpeaker } from "~/models/speaker.server";
import { prisma } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { useDemoDatabase } from "../support/demo-database";
import { CookieJar, startTestServer } from "../support/server";
import { withoutScripts } from "../support/html";

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: CookieJar;
let eventId: string;
let hall: string;
let side: string;
let keynote: string;
let panel: string;

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

const post = (jar: CookieJar, path: string, values: Record<string, string>) =>
  jar.fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(values) });
const visibleText = (html: string) => withoutScripts(html);
const agendaPath = () => `/admin/events/${eventId}/agenda?index`;

async function draftEvent(slug: string) {
  const event = await createEvent({
    slug,
    kind: "DEEP_DIVE",
    title: `网格测试 ${slug}`,
    timeZone: "Asia/Shanghai",
    startDate: "2031-03-01",
    startTime: "09:00",
    endDate: "2031-03-01",
    endTime: "18:00",
  });
  return event.id;
}

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  organizer = await signIn("organizer@demo.example.org", "demo-organizer-2025");
  eventId = await draftEvent("grid-moves");
  hall = (await createRoom(eventId, { name: "主会场" })).id;
  side = (await createRoom(eventId, { name: "分会场" })).id;
  const speaker = await createSpeaker({ name: "网格嘉宾（演示）", organization: "示例机构" });
  keynote = (await createSession(eventId, { title: "主旨演讲", type: "KEYNOTE", date: "2031-03-01", startTime: "09:00", endTime: "09:30", roomId: hall })).id;
  panel = (await createSession(eventId, { title: "圆桌对话", type: "PANEL", date: "2031-03-01", startTime: "10:00", endTime: "10:45", roomId: side })).id;
  await attachSpeaker(eventId, keynote, { speakerId: speaker.id, role: "KEYNOTE" });
  await attachSpeaker(eventId, panel, { speakerId: speaker.id, role: "PANELIST" });
});
afterAll(() => server?.close());

describe("moving and resizing a session on the grid", () => {
  it("saves a move to another time and room, and audits it with where it was and where it went", async () => {
    const response = await post(organizer, agendaPath(), { intent: "place", id: keynote, date: "2031-03-01", startTime: "09:15", endTime: "10:00", roomId: side });
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain("已保存：「主旨演讲」09:15–10:00 · 分会场。");
    const row = await (await prisma()).session.findUniqueOrThrow({ where: { id: keynote } });
    expect(row.startsAt.toISOString()).toBe("2031-03-01T01:15:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2031-03-01T02:00:00.000Z");
    expect(row.roomId).toBe(side);
    const entry = await (await prisma()).auditLog.findFirstOrThrow({ where: { action: "agenda.session_placed", eventId }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.details)).toMatchObject({
      sessionId: keynote,
      before: { startsAt: "2031-03-01T01:00:00.000Z", roomId: hall },
      after: { startsAt: "2031-03-01T01:15:00.000Z", roomId: side },
    });
  });

  it("draws an overlap on the grid: both sessions outlined, each saying what it conflicts with", async () => {
    // Resize the keynote down to 10:15: it now overlaps the panel in the same room, and shares its speaker.
    const response = await post(organizer, agendaPath(), { intent: "place", id: keynote, date: "2031-03-01", startTime: "09:15", endTime: "10:15", roomId: side });
    expect(response.status).toBe(200);
    const html = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/events/${eventId}/agenda`)).text());
    expect(html).toMatch(/data-grid-session="主旨演讲" data-conflicted="true"/);
    expect(html).toMatch(/data-grid-session="圆桌对话" data-conflicted="true"/);
    expect(html).toContain("冲突：会场 分会场 有两个时间重叠的议程（与「圆桌对话」）");
    expect(html).toContain("冲突：嘉宾 网格嘉宾（演示） 同时出现在两个时间重叠的议程中（与「主旨演讲」）");
  });

  it("refuses a time off the 5-minute steps, an end before the start and a room of another event, changing nothing", async () => {
    const before = await (await prisma()).session.findUniqueOrThrow({ where: { id: panel } });
    const offStep = await post(organizer, agendaPath(), { intent: "place", id: panel, date: "2031-03-01", startTime: "10:03", endTime: "10:45", roomId: side });
    expect(offStep.status).toBe(422);
    expect(visibleText(await offStep.text())).toContain("时间须按 5 分钟对齐（如 09:05）。");
    const inverted = await post(organizer, agendaPath(), { intent: "place", id: panel, date: "2031-03-01", startTime: "11:00", endTime: "10:00", roomId: side });
    expect(inverted.status).toBe(422);
    expect(visibleText(await inverted.text())).toContain("结束时间必须晚于开始时间。");
    const otherEvent = await draftEvent("grid-other");
    const foreignRoom = (await createRoom(otherEvent, { name: "别处" })).id;
    const foreign = await post(organizer, agendaPath(), { intent: "place", id: panel, date: "2031-03-01", startTime: "10:00", endTime: "10:45", roomId: foreignRoom });
    expect(foreign.status).toBe(422);
    expect(visibleText(await foreign.text())).toContain("请选择本活动的会场。");
    const after = await (await prisma()).session.findUniqueOrThrow({ where: { id: panel } });
    expect(after).toEqual(before);
  });

  it("refuses an organizer of another event and a signed-out visitor", async () => {
    const other = await signIn("shanghai.organizer@demo.example.org", "demo-organizer-2025");
    const refused = await post(other, agendaPath(), { intent: "place", id: panel, date: "2031-03-01", startTime: "12:00", endTime: "12:45", roomId: side });
    expect(refused.status).toBe(403);
    const anonymous = await fetch(`${server.baseUrl}${agendaPath()}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "place", id: panel, date: "2031-03-01", startTime: "12:00", endTime: "12:45" }),
    });
    expect(anonymous.status).toBe(302);
    expect((await (await prisma()).session.findUniqueOrThrow({ where: { id: panel } })).startsAt.toISOString()).toBe("2031-03-01T02:00:00.000Z");
    // The speaker picker's search answers the same way: the directory is for the event's organizers.
    const search = await other.fetch(`${server.baseUrl}/admin/events/${eventId}/agenda/speakers?q=${encodeURIComponent("网格")}`);
    expect(search.status).toBe(403);
    expect((await search.json()).error.code).toBe("forbidden");
    const found = await (await organizer.fetch(`${server.baseUrl}/admin/events/${eventId}/agenda/speakers?q=${encodeURIComponent("网格")}`)).json();
    expect(found.speakers).toEqual([expect.objectContaining({ name: "网格嘉宾（演示）", organization: "示例机构" })]);
    expect(Object.keys(found.speakers[0])).not.toContain("email");
  });
});

describe("publishing rules", () => {
  it("refuses to publish while conflicts exist, names their number, and publishes nothing", async () => {
    const response = await post(organizer, agendaPath(), { intent: "publish" });
    expect(response.status).toBe(409);
    expect(visibleText(await response.text())).toContain("议程还有 2 处冲突，未发布。");
    expect((await (await prisma()).event.findUniqueOrThrow({ where: { id: eventId } })).publishedVersion).toBe(0);
    await expect(publishAgenda(eventId)).rejects.toBeInstanceOf(HttpError);
  });

  it("publishes with an explicit override, says it is the first publication, and audits the conflicts it overrode", async () => {
    const response = await post(organizer, agendaPath(), { intent: "publish", overrideConflicts: "on" });
    expect(response.status).toBe(200);
    const text = visibleText(await response.text());
    expect(text).toContain("首次发布：已发布议程 v1");
    const event = await (await prisma()).event.findUniqueOrThrow({ where: { id: eventId } });
    expect(event.publishedVersion).toBe(1);
    // Without "publish the event too", a draft event stays a draft.
    expect(event.status).toBe("DRAFT");
    const entry = await (await prisma()).auditLog.findFirstOrThrow({ where: { action: "agenda.published", eventId } });
    const details = JSON.parse(entry.details);
    expect(details).toMatchObject({ version: 1, first: true });
    expect(details.overriddenConflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "room_overlap", room: "分会场", sessions: ["主旨演讲", "圆桌对话"] }),
        expect.objectContaining({ kind: "speaker_double_booked", speaker: "网格嘉宾（演示）" }),
      ]),
    );
  });

  it("shows both states on the event overview, with the draft's unpublished changes", async () => {
    await post(organizer, agendaPath(), { intent: "place", id: panel, date: "2031-03-01", startTime: "11:00", endTime: "11:45", roomId: side });
    const html = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/events/${eventId}`)).text());
    expect(html).toContain("活动：草稿");
    expect(html).toMatch(/议程：第 1 版，发布于 /);
    expect(html).toContain("有 1 项未发布的更改");
    // A second publish (no conflicts left) is not called the first.
    const second = visibleText(await (await post(organizer, agendaPath(), { intent: "publish" })).text());
    expect(second).toContain("已发布议程 v2");
    expect(second).not.toContain("首次发布");
  });

  it("publishes a draft event together with its agenda in one step when asked", async () => {
    const id = await draftEvent("grid-together");
    await createSession(id, { title: "开场", type: "OPENING_REMARKS", date: "2031-03-01", startTime: "09:00", endTime: "09:15" });
    const overview = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/events/${id}`)).text());
    expect(overview).toContain("议程：从未发布");
    const page = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/events/${id}/agenda`)).text());
    expect(page).toContain("议程尚未发布过，这将是首次发布。");
    expect(page).toContain("同时发布活动（活动目前是草稿，公众还看不到）");
    const response = await post(organizer, `/admin/events/${id}/agenda?index`, { intent: "publish", publishEvent: "on" });
    expect(visibleText(await response.text())).toContain("活动也已发布");
    const event = await (await prisma()).event.findUniqueOrThrow({ where: { id } });
    expect(event).toMatchObject({ status: "PUBLISHED", publishedVersion: 1 });
    expect(await (await prisma()).auditLog.count({ where: { action: "event.published", eventId: id } })).toBe(1);
    const after = visibleText(await (await organizer.fetch(`${server.baseUrl}/admin/events/${id}`)).text());
    expect(after).toContain("活动：已发布");
    expect(after).toContain("与草稿一致");
  });
});

describe("one role per meaning, positions from 1", () => {
  it("reads the former MODERATOR as HOST, and puts a new speaker last counting from 1", async () => {
    const host = await createSpeaker({ name: "对话主持（演示）" });
    const row = await attachSpeaker(eventId, panel, { speakerId: host.id, role: "MODERATOR" });
    expect(row.role).toBe("HOST");
    expect(row.position).toBe(2);
  });

  it("converts stored MODERATOR rows to HOST and 0-based orders to 1-based (the migration)", async () => {
    const db = await prisma();
    const session = await createSession(eventId, { title: "旧数据", type: "PANEL", date: "2031-03-01", startTime: "14:00", endTime: "15:00", roomId: hall });
    const both = await createSpeaker({ name: "身兼两职（演示）" });
    const moderator = await createSpeaker({ name: "旧主持（演示）" });
    // Rows as the database held them before: both chair roles for one person, orders from 0.
    const insert = (speakerId: string, role: string, position: number) =>
      db.$executeRawUnsafe(
        `INSERT INTO "SessionSpeaker" ("id", "sessionId", "speakerId", "role", "position", "confirmation") VALUES (?, ?, ?, ?, ?, 'INVITED')`,
        `${role}-${speakerId}`,
        session.id,
        speakerId,
        role,
        position,
      );
    await insert(both.id, "HOST", 0);
    await insert(both.id, "MODERATOR", 1);
    await insert(moderator.id, "MODERATOR", 2);
    const migration = readFileSync(resolve(import.meta.dirname, "../../prisma/migrations/20261130233607_one_session_chair_role/migration.sql"), "utf8");
    const statements = migration
      .replace(/^--.*$/gm, "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean);
    for (const statement of statements) await db.$executeRawUnsafe(statement);
    const rows = await db.sessionSpeaker.findMany({ where: { sessionId: session.id }, orderBy: { position: "asc" } });
    expect(rows.map((row) => [row.speakerId, row.role, row.position])).toEqual([
      [both.id, "HOST", 1],
      [moderator.id, "HOST", 3],
    ]);
  });
});
