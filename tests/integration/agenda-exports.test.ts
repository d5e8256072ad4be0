import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRoom, createSession, createTrack } from "~/models/agenda.server";
import { agendaIcs, scheduleJson, scheduleXml } from "~/models/agenda-export.server";
import { getPublishedAgenda, publishAgenda } from "~/models/agenda-version.server";
import { createEvent, getEventBySlug, getPublishedEventBySlug, listPublishedEvents, publishEvent } from "~/models/event.server";
import { attachSpeaker } from "~/models/session-speaker.server";
import { getSeriesBySlug } from "~/models/series.server";
import { createSpeaker } from "~/models/speaker.server";
import { useDemoDatabase } from "../support/demo-database";
import { deepDives, deepDiveSeriesSlug, forumSlug } from "../../prisma/seed/events";
import { startTestServer } from "../support/server";

// ───────────────────────────── the standard validators ─────────────────────────────

const xsds = { frab: resolve("tests/fixtures/frab-schedule.xsd"), c3voc: resolve("tests/fixtures/c3voc-schedule.xml.xsd") };

function xmllint(xml: string, xsd: string) {
  const dir = mkdtempSync(join(tmpdir(), "schedule-"));
  const file = join(dir, "schedule.xml");
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", xsd, file], { stdio: "pipe" });
    return { valid: true, output: "" };
  } catch (error) {
    return { valid: false, output: String((error as { stderr?: Buffer }).stderr ?? error) };
  }
}

// The C3VOC schema is draft-06. It also uses "$oneOf" (switched off upstream by its `$`), a "$todo" note and a
// "color" format that no validator defines: named here so strict mode accepts the schema as published.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
ajv.addVocabulary(["$oneOf", "$todo"]);
ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
const validateScheduleJson = ajv.compile(JSON.parse(readFileSync(resolve("tests/fixtures/c3voc-schedule.schema.json"), "utf8")));

function schemaErrors(document: unknown) {
  return validateScheduleJson(document) ? [] : (validateScheduleJson.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

// ───────────────────────────── events of every shape ─────────────────────────────

type Odd = { slug: string; title: string; timeZone: string; acronym: string };
// Hyphenated, a first segment under four characters, the shortest slug allowed, digits first, a Chinese title,
// and zones whose names the C3VOC `time_zone_name` pattern does and does not admit.
const oddEvents: Odd[] = [
  { slug: "ai-x", title: "AI 日", timeZone: "Asia/Shanghai", acronym: "ai_x" },
  { slug: "abc", title: "短", timeZone: "Asia/Shanghai", acronym: "abc_" },
  { slug: "2026-ai-summit-3", title: "2026 智能体峰会（第三届）", timeZone: "America/Argentina/Buenos_Aires", acronym: "2026_ai_summit_3" },
  { slug: "zhi-neng-ti-feng-hui", title: "智能体峰会, 深圳; 第\\1站", timeZone: "Etc/GMT-8", acronym: "zhi_neng_ti_feng_hui" },
];
const longCjkTitle = "智能体".repeat(25);

type EventShape = { slug: string; title: string; timeZone: string; startDate: string; endDate: string; kind?: "FORUM" | "DEEP_DIVE"; seriesId?: string };

async function addEventWithSessions(facts: EventShape, sessionDays: string[]) {
  const event = await createEvent({ kind: "FORUM", startTime: "09:00", endTime: "18:00", venue: "示例会场", address: "示例路 1 号", ...facts });
  const room = await createRoom(event.id, { name: "主会场" });
  for (const [index, date] of sessionDays.entries()) {
    const session = await createSession(event.id, { title: index === 0 ? longCjkTitle : `第${index + 1}场`, type: "TALK", date, startTime: "10:00", endTime: "11:00", roomId: room.id });
    const speaker = await createSpeaker({ name: `讲者${index + 1}`, organization: "示例公司" });
    await attachSpeaker(event.id, session.id, { speakerId: speaker.id, role: "SPEAKER" });
  }
  await publishEvent(event.id);
  if (sessionDays.length) await publishAgenda(event.id);
  return event;
}

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  // A Berlin event with characters that need escaping, to prove the exports do not depend on Shanghai.
  const event = await createEvent({
    slug: "berlin-exports",
    kind: "FORUM",
    title: 'Agents & <Friends> "Berlin"',
    timeZone: "Europe/Berlin",
    startDate: "2025-10-25",
    startTime: "09:00",
    endDate: "2025-10-26",
    endTime: "18:00",
    venue: "Haus; der, Konferenz",
  });
  const hall = await createRoom(event.id, { name: "Saal 1" });
  const track = await createTrack(event.id, { name: "Main & more" });
  const first = await createSession(event.id, {
    title: "Opening, remarks; \\ & <b>",
    type: "OPENING_REMARKS",
    date: "2025-10-25",
    startTime: "09:00",
    endTime: "09:30",
    roomId: hall.id,
    trackId: track.id,
  });
  await createSession(event.id, { title: "After the clocks change", type: "KEYNOTE", date: "2025-10-26", startTime: "09:00", endTime: "10:15", roomId: hall.id });
  await createSession(event.id, { title: "Plenary", type: "CEREMONY", date: "2025-10-26", startTime: "11:00", endTime: "11:30", plenary: "on" });
  const speaker = await createSpeaker({ name: "Zoë Müller", organization: "Example GmbH", jobTitle: "CTO" });
  await attachSpeaker(event.id, first.id, { speakerId: speaker.id, role: "OPENING_SPEAKER" });
  await publishEvent(event.id);
  await publishAgenda(event.id);

  for (const odd of oddEvents) await addEventWithSessions({ ...odd, startDate: "2026-06-01", endDate: "2026-06-01" }, ["2026-06-01"]);
  // Across the last Sunday of March: the clocks go forward in Berlin on the second day.
  await addEventWithSessions({ slug: "berlin-spring", title: "Frühlingsforum", timeZone: "Europe/Berlin", startDate: "2026-03-28", endDate: "2026-03-29" }, ["2026-03-28", "2026-03-29"]);
  // Published, two days long, agenda not out yet.
  await addEventWithSessions({ slug: "no-agenda-yet", title: "议程待定", timeZone: "Asia/Shanghai", startDate: "2026-09-01", endDate: "2026-09-02" }, []);
  server = await startTestServer();
});
afterAll(() => server?.close());

const published = async (slug: string) => (await getPublishedEventBySlug(slug))!;
const parseXml = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ["day", "room", "event", "person"].includes(name) }).parse(xml);

// ───────────────────────────── schedule.xml / schedule.json ─────────────────────────────

describe("schedule files pass the standard validators", () => {
  it("for every published event: schedule.json against the C3VOC JSON schema, schedule.xml against the frab and C3VOC XSDs", async () => {
    const { upcoming, past } = await listPublishedEvents();
    const events = [...upcoming, ...past];
    expect(events.map((event) => event.slug)).toEqual(
      expect.arrayContaining([forumSlug, ...deepDives.map((dive) => dive.slug), ...oddEvents.map((odd) => odd.slug), "berlin-spring", "no-agenda-yet"]),
    );
    for (const event of events) {
      expect({ slug: event.slug, errors: schemaErrors(await scheduleJson(event)) }).toEqual({ slug: event.slug, errors: [] });
      const xml = await scheduleXml(event);
      for (const [name, xsd] of Object.entries(xsds)) expect({ slug: event.slug, xsd: name, ...xmllint(xml, xsd) }).toEqual({ slug: event.slug, xsd: name, valid: true, output: "" });
    }
  });

  it("derives the acronym and session slugs from the slug alone, in the shapes the C3VOC patterns allow", async () => {
    for (const odd of oddEvents) {
      const event = await published(odd.slug);
      const json = await scheduleJson(event);
      expect(json.schedule.conference.acronym).toBe(odd.acronym);
      const items = json.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
      expect(items.map((item) => item.slug)).toEqual(items.map((item) => `${odd.acronym}-${item.id}`));
      const xml = parseXml(await scheduleXml(event));
      expect(xml.schedule.conference.acronym).toBe(odd.acronym);
      expect(xml.schedule.day[0].room[0].event[0].slug).toBe(items[0].slug);
      // Same input, same file: nothing in these names is random or time-dependent.
      expect(await scheduleXml(event)).toBe(await scheduleXml(event));
    }
    expect((await scheduleJson(await published(forumSlug))).schedule.conference.acronym).toBe("2025_agent_innovation_forum");
  });

  it("names the time zone where the C3VOC pattern admits it and leaves it out otherwise", async () => {
    expect((await scheduleJson(await published("2026-ai-summit-3"))).schedule.conference).toMatchObject({ time_zone_name: "America/Argentina/Buenos_Aires" });
    const gmt = await scheduleJson(await published("zhi-neng-ti-feng-hui"));
    expect(gmt.schedule.conference).not.toHaveProperty("time_zone_name");
    expect(gmt.schedule.conference.days[0].day_start).toBe("2026-06-01T10:00:00+08:00");
  });

  it("refuses broken documents (the validation is real)", () => {
    for (const xsd of Object.values(xsds)) expect(xmllint('<?xml version="1.0"?><schedule><conference><title>x</title></conference></schedule>', xsd).valid).toBe(false);
    expect(
      schemaErrors({ schedule: { version: "1", conference: { acronym: "ai-x", title: "x", start: "2026-01-01", end: "2026-01-01", daysCount: 1, timeslot_duration: "00:05", days: [] } } }),
    ).not.toEqual([]);
  });
});

describe("frab schedule.xml", () => {
  it("has the sessions by day from index 1, in local time with the offset of each day", async () => {
    const parsed = parseXml(await scheduleXml(await published("berlin-exports")));
    const days = parsed.schedule.day;
    expect(days.map((day: Record<string, string>) => [day["@_index"], day["@_date"]])).toEqual([
      ["1", "2025-10-25"],
      ["2", "2025-10-26"],
    ]);
    const opening = days[0].room[0].event[0];
    expect(opening.title).toBe("Opening, remarks; \\ & <b>");
    expect(opening.start).toBe("09:00");
    expect(opening.duration).toBe("00:30");
    expect(opening.date).toBe("2025-10-25T09:00:00+02:00");
    expect(opening.persons.person[0]["#text"]).toBe("Zoë Müller");
    const sunday = days[1].room.flatMap((room: { event: { title: string; date: string; duration: string }[] }) => room.event);
    expect(sunday.find((item: { title: string }) => item.title === "After the clocks change")).toMatchObject({ date: "2025-10-26T09:00:00+01:00", duration: "01:15" });
    expect(days[1].room.map((room: { "@_name": string }) => room["@_name"])).toContain("全体会议");
  });

  it("lists every day of an event whose agenda is not out yet, each spanning the event's hours that day", async () => {
    const days = parseXml(await scheduleXml(await published("no-agenda-yet"))).schedule.day;
    expect(days.map((day: Record<string, string>) => [day["@_index"], day["@_date"], day["@_start"], day["@_end"]])).toEqual([
      ["1", "2026-09-01", "2026-09-01T09:00:00+08:00", "2026-09-02T00:00:00+08:00"],
      ["2", "2026-09-02", "2026-09-02T00:00:00+08:00", "2026-09-02T18:00:00+08:00"],
    ]);
  });
});

describe("frab schedule.json", () => {
  it("has the conference, days numbered from 1 like the XML, rooms and events with persons", async () => {
    const forum = await published(forumSlug);
    const json = await scheduleJson(forum);
    expect(json.schedule.conference).toMatchObject({ start: "2025-07-23", end: "2025-07-23", daysCount: 1, time_zone_name: "Asia/Shanghai" });
    const day = json.schedule.conference.days[0];
    expect(day).toMatchObject({ index: 1, date: "2025-07-23" });
    const events = Object.values(day.rooms).flat();
    expect(events).toHaveLength(12);
    const ceremony = events.find((item) => item.title.includes("启动仪式"))!;
    expect(ceremony).toMatchObject({ start: "09:25", duration: "00:20", end: "2025-07-23T09:45:00+08:00", type: "ceremony", room: "主会场" });
    expect(ceremony.persons.filter((person) => person.role === "ceremony_guest")).toHaveLength(13);
    expect(new Set(events.map((item) => item.id)).size).toBe(events.length);
    const berlin = await scheduleJson(await published("berlin-exports"));
    expect(berlin.schedule.conference.days.map((entry) => entry.index)).toEqual([1, 2]);
  });
});

// ───────────────────────────── iCalendar ─────────────────────────────

const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((item) => new ICAL.Event(item));

function expectFoldedAt75Octets(text: string) {
  for (const line of text.split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(line, "utf8"))).not.toContain("\uFFFD");
  }
}

describe("iCalendar export", () => {
  it("is read back by ical.js with the right UTC instants, titles and speakers", async () => {
    const text = await agendaIcs(await published(forumSlug));
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const events = vevents(text);
    expect(events.length).toBe(12);
    const opening = events.find((item) => item.description?.includes("陈家春"))!;
    expect(opening.summary).toBe("致辞");
    expect(opening.startDate.toJSDate().toISOString()).toBe("2025-07-23T01:05:00.000Z");
    expect(opening.endDate.toJSDate().toISOString()).toBe("2025-07-23T01:15:00.000Z");
    expect(opening.description).toContain("致辞：陈家春（中国互联网协会）");
    expect(new Set(events.map((item) => item.uid)).size).toBe(events.length);
  });

  it("escapes text and limits the file to chosen sessions", async () => {
    const event = await published("berlin-exports");
    const all = vevents(await agendaIcs(event));
    const opening = all.find((item) => item.summary.startsWith("Opening"))!;
    expect(opening.summary).toBe("Opening, remarks; \\ & <b>");
    expect(opening.location).toContain("Haus; der, Konferenz");
    // 09:00 Berlin on the Sunday after the change is 08:00Z (UTC+1), the Saturday 07:00Z (UTC+2).
    expect(opening.startDate.toJSDate().toISOString()).toBe("2025-10-25T07:00:00.000Z");
    expect(
      all
        .find((item) => item.summary === "After the clocks change")!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe("2025-10-26T08:00:00.000Z");
    const sessionId = opening.uid.split("@")[0];
    expect(vevents(await agendaIcs(event, new Set([sessionId])))).toHaveLength(1);
  });

  it("refuses session ids that are not in the published agenda instead of answering an empty calendar", async () => {
    const event = await published("berlin-exports");
    const known = vevents(await agendaIcs(event))[0].uid.split("@")[0];
    await expect(agendaIcs(event, new Set(["bogus"]))).rejects.toMatchObject({ status: 404, code: "not_found", params: { ids: "bogus" } });
    await expect(agendaIcs(event, new Set([known, "bogus"]))).rejects.toMatchObject({ status: 404 });
  });

  it("folds at 75 octets without cutting a character and escapes the calendar name", async () => {
    const odd = oddEvents[3];
    const text = await agendaIcs(await published(odd.slug));
    expectFoldedAt75Octets(text);
    expect(text.replace(/\r\n /g, "")).toContain("X-WR-CALNAME:智能体峰会\\, 深圳\\; 第\\\\1站\r\n");
    expect(text.replace(/\r\n /g, "")).toContain(`SUMMARY:${longCjkTitle}\r\n`);
    expect(vevents(text)[0].summary).toBe(longCjkTitle);
  });

  it("shows an event whose agenda is not out yet as one entry of its own", async () => {
    const event = await published("no-agenda-yet");
    const [entry] = vevents(await agendaIcs(event));
    expect(entry).toMatchObject({ summary: "议程待定", uid: `${event.id}@agent-programme-events` });
    expect(entry.startDate.toJSDate().toISOString()).toBe("2026-09-01T01:00:00.000Z");
    expect(entry.endDate.toJSDate().toISOString()).toBe("2026-09-02T10:00:00.000Z");
  });

  it("keeps its UIDs when APP_URL changes (a calendar that subscribed before a move does not show everything twice)", async () => {
    const uidsAndUrls = (text: string) => vevents(text).map((item) => [item.uid, item.component.getFirstPropertyValue("url")]);
    const before = uidsAndUrls(await agendaIcs(await published(forumSlug)));
    const previous = process.env.APP_URL;
    vi.resetModules();
    process.env.APP_URL = "https://events.example.org";
    try {
      const moved = await import("~/models/agenda-export.server");
      const events = await import("~/models/event.server");
      const after = uidsAndUrls(await moved.agendaIcs((await events.getPublishedEventBySlug(forumSlug))!));
      expect(after.map(([uid]) => uid)).toEqual(before.map(([uid]) => uid));
      expect(after[0][1]).toMatch(/^https:\/\/events\.example\.org\/events\//);
      expect(before[0][1]).not.toMatch(/example\.org/);
    } finally {
      process.env.APP_URL = previous;
      vi.resetModules();
    }
  });
});

describe("series calendar", () => {
  it("holds every published event of the series under the series' name: their sessions, or the event itself before its agenda", async () => {
    const series = (await getSeriesBySlug(deepDiveSeriesSlug))!;
    const upcoming = await addEventWithSessions(
      { slug: "deep-dive-next", title: "智能体深度行·下一站", timeZone: "Asia/Shanghai", startDate: "2026-11-20", endDate: "2026-11-20", kind: "DEEP_DIVE", seriesId: series.id },
      [],
    );
    await createEvent({
      slug: "deep-dive-draft",
      kind: "DEEP_DIVE",
      seriesId: series.id,
      title: "草稿站",
      timeZone: "Asia/Shanghai",
      startDate: "2026-12-01",
      startTime: "09:00",
      endDate: "2026-12-01",
      endTime: "17:00",
    });

    const response = await fetch(`${server.baseUrl}/api/v1/series/${deepDiveSeriesSlug}/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    expectFoldedAt75Octets(text);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(text).toContain(`X-WR-CALNAME:${series.title}\r\n`);
    const entries = calendar.getAllSubcomponents("vevent").map((item) => new ICAL.Event(item));
    let sessions = 0;
    for (const dive of deepDives) {
      const event = (await getEventBySlug(dive.slug))!;
      sessions += (await getPublishedAgenda(event.id, event.publishedVersion))?.snapshot.sessions.length ?? 0;
    }
    expect(sessions).toBeGreaterThan(0);
    expect(entries).toHaveLength(sessions + 1);
    expect(new Set(entries.map((entry) => entry.uid)).size).toBe(entries.length);
    expect(entries.find((entry) => entry.uid === `${upcoming.id}@agent-programme-events`)?.summary).toBe("智能体深度行·下一站");
    expect(entries.some((entry) => entry.summary === "草稿站")).toBe(false);
  });

  it("answers an unknown series with a JSON 404", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/series/no-such-series/agenda.ics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "找不到该系列活动。" } });
  });
});

describe("over HTTP", () => {
  it("answers unknown ?sessions= ids and unknown events with the API's JSON 404", async () => {
    const bogus = await fetch(`${server.baseUrl}/api/v1/events/berlin-exports/agenda.ics?sessions=bogus`, { headers: { "Accept-Language": "en" } });
    expect(bogus.status).toBe(404);
    expect(bogus.headers.get("content-type")).toContain("application/json");
    expect(await bogus.json()).toEqual({ error: { code: "not_found", message: "The published agenda has no such sessions: bogus" } });
    for (const path of ["agenda.ics", "schedule.xml", "schedule.json"]) {
      const response = await fetch(`${server.baseUrl}/api/v1/events/no-such-event/${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "找不到该活动。" } });
    }
  });

  it("serves valid schedule files", async () => {
    const xml = await (await fetch(`${server.baseUrl}/api/v1/events/ai-x/schedule.xml`)).text();
    for (const xsd of Object.values(xsds)) expect(xmllint(xml, xsd)).toEqual({ valid: true, output: "" });
    expect(schemaErrors(await (await fetch(`${server.baseUrl}/api/v1/events/ai-x/schedule.json`)).json())).toEqual([]);
  });

  it("shows a multi-day event's range and, across a daylight-saving change, the offset of each day", async () => {
    const zh = await (await fetch(`${server.baseUrl}/events/berlin-spring`, { headers: { "Accept-Language": "zh-CN" } })).text();
    expect(zh).toContain("2026年3月28日—29日");
    expect(zh).toContain("时区：Europe/Berlin（3月28日 UTC+1，3月29日 UTC+2）");
    const en = await (await fetch(`${server.baseUrl}/events/berlin-spring`, { headers: { "Accept-Language": "en" } })).text();
    expect(en).toContain("March 28–29, 2026");
    expect(en).toContain("Time zone: Europe/Berlin (March 28: UTC+1; March 29: UTC+2)");
    const forum = await (await fetch(`${server.baseUrl}/events/${forumSlug}`, { headers: { "Accept-Language": "zh-CN" } })).text();
    expect(forum).toContain("2025年7月23日");
    expect(forum).toContain("时区：Asia/Shanghai (UTC+8)");
  });
});
