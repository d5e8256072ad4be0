import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createRoom, createSession, createTrack } from "~/models/agenda.server";
import { agendaIcs, scheduleJson, scheduleXml } from "~/models/agenda-export.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { createEvent, getPublishedEventBySlug, publishEvent } from "~/models/event.server";
import { attachSpeaker } from "~/models/session-speaker.server";
import { createSpeaker } from "~/models/speaker.server";
import { seedDemo } from "../../prisma/seed";
import { forumSlug } from "../../prisma/seed/events";

const xsd = resolve("tests/fixtures/frab-schedule.xsd");

function xmllint(xml: string) {
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

beforeAll(async () => {
  await seedDemo();
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
});

describe("iCalendar export", () => {
  it("is read back by ical.js with the right UTC instants, titles and speakers", async () => {
    const forum = (await getPublishedEventBySlug(forumSlug))!;
    const text = await agendaIcs(forum);
    expect(text.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(text).toContain("\r\n");
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((item) => new ICAL.Event(item));
    expect(events.length).toBe(12);
    const opening = events.find((item) => item.description?.includes("陈家春"))!;
    expect(opening.summary).toBe("致辞");
    expect(opening.startDate.toJSDate().toISOString()).toBe("2025-07-23T01:05:00.000Z");
    expect(opening.endDate.toJSDate().toISOString()).toBe("2025-07-23T01:15:00.000Z");
    expect(opening.description).toContain("致辞：陈家春（中国互联网协会）");
    expect(new Set(events.map((item) => item.uid)).size).toBe(events.length);
  });

  it("escapes text and limits the file to chosen sessions", async () => {
    const event = (await getPublishedEventBySlug("berlin-exports"))!;
    const all = new ICAL.Component(ICAL.parse(await agendaIcs(event))).getAllSubcomponents("vevent").map((item) => new ICAL.Event(item));
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
    const uidOf = (item: InstanceType<typeof ICAL.Event>) => item.uid.split("@")[0];
    const only = await agendaIcs(event, new Set([uidOf(opening)]));
    const chosen = new ICAL.Component(ICAL.parse(only)).getAllSubcomponents("vevent");
    expect(chosen).toHaveLength(1);
    const none = new ICAL.Component(ICAL.parse(await agendaIcs(event, new Set(["unknown"]))));
    expect(none.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});

describe("frab schedule.xml", () => {
  it("validates against the frab XSD with xmllint and parses back", async () => {
    for (const slug of [forumSlug, "berlin-exports", "deep-dive-finance-shanghai"]) {
      const event = (await getPublishedEventBySlug(slug))!;
      const xml = await scheduleXml(event);
      const result = xmllint(xml);
      expect(result.output).toBe("");
      expect(result.valid).toBe(true);
    }
    const event = (await getPublishedEventBySlug("berlin-exports"))!;
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["day", "room", "event", "person"].includes(name) }).parse(await scheduleXml(event));
    const days = parsed.schedule.day;
    expect(days.map((day: { "@_date": string }) => day["@_date"])).toEqual(["2025-10-25", "2025-10-26"]);
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

  it("refuses a broken document (the validation is real)", () => {
    expect(xmllint('<?xml version="1.0"?><schedule><conference><title>x</title></conference></schedule>').valid).toBe(false);
  });
});

describe("frab schedule.json", () => {
  it("has the conference, days, rooms and events with persons", async () => {
    const forum = (await getPublishedEventBySlug(forumSlug))!;
    const json = await scheduleJson(forum);
    expect(json.schedule.conference).toMatchObject({ acronym: forumSlug, start: "2025-07-23", end: "2025-07-23", daysCount: 1, time_zone_name: "Asia/Shanghai" });
    const day = json.schedule.conference.days[0];
    expect(day.date).toBe("2025-07-23");
    const events = Object.values(day.rooms).flat();
    expect(events).toHaveLength(12);
    const ceremony = events.find((item) => item.title.includes("启动仪式"))!;
    expect(ceremony).toMatchObject({ start: "09:25", duration: "00:20", type: "ceremony", room: "主会场" });
    expect(ceremony.persons.filter((person) => person.role === "ceremony_guest")).toHaveLength(13);
    expect(new Set(events.map((item) => item.id)).size).toBe(events.length);
  });
});
