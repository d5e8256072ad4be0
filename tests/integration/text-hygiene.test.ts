import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoom, createSession } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { createEvent, publishEvent } from "~/models/event.server";
import { attachSpeaker } from "~/models/session-speaker.server";
import { createSpeaker } from "~/models/speaker.server";
import { prisma } from "~/models/store/connection.server";
import { useDemoDatabase } from "../support/demo-database";
import { staffUser } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

/**
 * Issue 12 §8: typed text is normalised by one rule (NFC, trimmed; controls, bidi overrides, noncharacters
 * refused; invisible-only text is empty) in every shared schema, and every output format drops what it
 * cannot carry, even for rows stored before that rule existed.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

const hostile = {
  nul: "张\u0000三",
  zeroWidthOnly: "\u200B\u200C\u200D\uFEFF",
  bidiOverride: "\u202Egnp.exe",
  nonCharacter: "示例\uFFFE单位",
};

let people = 0;
function register(slug: string, fields: Record<string, unknown>, locale = "zh-CN") {
  people += 1;
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": locale },
    body: JSON.stringify(person(people, fields)),
  });
}

describe("the registration API", () => {
  it("refuses NUL, zero-width-only text, U+202E and U+FFFE in required fields with a message at the field", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    for (const field of ["name", "organization"]) {
      const answers = {
        nul: await register(slug, { [field]: hostile.nul }),
        zeroWidthOnly: await register(slug, { [field]: hostile.zeroWidthOnly }),
        bidiOverride: await register(slug, { [field]: hostile.bidiOverride }),
        nonCharacter: await register(slug, { [field]: hostile.nonCharacter }),
      };
      const fields = Object.fromEntries(await Promise.all(Object.entries(answers).map(async ([kind, response]) => [kind, { status: response.status, fields: (await response.json()).error?.fields }])));
      expect(fields.zeroWidthOnly).toEqual({ status: 422, fields: { [field]: "请填写此项。" } });
      for (const kind of ["nul", "bidiOverride", "nonCharacter"]) expect(fields[kind]).toEqual({ status: 422, fields: { [field]: expect.stringContaining("不可见") } });
    }
    const english = await register(slug, { name: hostile.bidiOverride }, "en");
    expect((await english.json()).error.fields.name).toMatch(/hidden/i);
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("stores accepted text in NFC, trimmed of spaces and zero-width leftovers", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    const response = await register(slug, { name: "  Zoe\u0301  ", organization: "\u3000示例单位\u200B " });
    expect(response.status).toBe(201);
    const row = await (await prisma()).registration.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row.name).toBe("Zoé");
    expect(row.organization).toBe("示例单位");
  });
});

describe("a back-office form", () => {
  it("refuses hidden characters and invisible-only names at the field, and keeps line breaks in long text", async () => {
    const jar = await signIn(server.baseUrl, demo.organizer.email, demo.organizer.password);
    const post = (values: Record<string, string>) =>
      jar.fetch(`${server.baseUrl}/admin/speakers`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(values) });
    const fieldError = (html: string, name: string) => new RegExp(`id="field-${name}-error"[^>]*>([^<]*)<`).exec(html)?.[1];

    const blank = await post({ name: hostile.zeroWidthOnly });
    expect(blank.status).toBe(422);
    expect(fieldError(await blank.text(), "name")).toBe("请填写此项。");
    for (const name of [hostile.nul, hostile.bidiOverride, hostile.nonCharacter]) {
      const refused = await post({ name });
      expect(refused.status).toBe(422);
      expect(fieldError(await refused.text(), "name")).toContain("不可见");
    }
    const tabbed = await post({ name: "Tab\tName" });
    expect(tabbed.status).toBe(422);

    const created = await post({ name: "Hygiene Speaker", bio: "第一行\r\n\t第二行" });
    expect(created.status).toBe(302);
    const speaker = await (await prisma()).speaker.findFirstOrThrow({ where: { name: "Hygiene Speaker" } });
    expect(speaker.bio).toBe("第一行\n\t第二行");
  });

  it("answers an invisible-only check-in list name with the translated required message at the field", async () => {
    const { event, slug } = await createRegistrationEvent();
    const staff = await staffUser(slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, staff.email, staff.password);
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${event.id}/checkin/lists`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "create", name: hostile.zeroWidthOnly }),
    });
    expect(response.status).toBe(422);
    expect(/id="[\w-]*name-error"[^>]*>([^<]*)</.exec(await response.text())?.[1]).toBe("请填写此项。");
  });
});

describe("exports of rows stored before the rule", () => {
  it("keeps schedule.xml well-formed and the iCalendar readable when a title in the database holds U+FFFE and controls", async () => {
    const event = await createEvent({
      slug: "hygiene-xml",
      kind: "FORUM",
      title: "Hygiene",
      timeZone: "Asia/Shanghai",
      startDate: "2026-05-10",
      startTime: "09:00",
      endDate: "2026-05-10",
      endTime: "18:00",
    });
    const room = await createRoom(event.id, { name: "Hall" });
    const session = await createSession(event.id, { title: "placeholder", type: "TALK", date: "2026-05-10", startTime: "09:00", endTime: "10:00", roomId: room.id });
    const speaker = await createSpeaker({ name: "placeholder" });
    await attachSpeaker(event.id, session.id, { speakerId: speaker.id, role: "SPEAKER" });
    const db = await prisma();
    await db.session.update({ where: { id: session.id }, data: { title: "Agents\uFFFE and\u0001 tools\u202E", description: "bad\u0000text\uFFFF" } });
    await db.speaker.update({ where: { id: speaker.id }, data: { name: "Ada\u000BLovelace" } });
    await db.room.update({ where: { id: room.id }, data: { name: "Hall\u0008 A" } });
    await publishEvent(event.id);
    await publishAgenda(event.id);

    const response = await fetch(`${server.baseUrl}/api/v1/events/hygiene-xml/schedule.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const dir = mkdtempSync(join(tmpdir(), "hygiene-"));
    writeFileSync(join(dir, "schedule.xml"), xml);
    expect(() => execFileSync("xmllint", ["--noout", join(dir, "schedule.xml")], { stdio: "pipe" })).not.toThrow();
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const talk = parsed.schedule.day.room.event;
    expect(talk.title).toBe("Agents and tools");
    expect(talk.persons.person["#text"]).toBe("AdaLovelace");

    const ics = await (await fetch(`${server.baseUrl}/api/v1/events/hygiene-xml/agenda.ics`)).text();
    // eslint-disable-next-line no-control-regex -- the assertion is that no control character reaches the file
    expect(ics).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202E]/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("summary")).toContain("Agents and tools");
  });
});
