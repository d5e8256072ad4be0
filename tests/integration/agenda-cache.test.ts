import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoom } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { getEventBySlug } from "~/models/event.server";
import { prisma } from "~/models/store/connection.server";
import { useDemoDatabase } from "../support/demo-database";
import { CookieJar, startTestServer } from "../support/server";

const slug = "deep-dive-finance-shanghai";
let server: Awaited<ReturnType<typeof startTestServer>>;

const form = (values: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(values),
});

async function signIn() {
  const jar = new CookieJar();
  const response = await jar.fetch(`${server.baseUrl}/login`, form({ email: "shanghai.organizer@demo.example.org", password: "demo-organizer-2025", redirectTo: "/admin" }));
  expect(response.status).toBe(302);
  return jar;
}

/** The public page as a browser's document request gets it (the agenda HTML comes from the server's cache). */
async function publicPage(query = "", language = "zh-CN") {
  const response = await fetch(`${server.baseUrl}/events/${slug}${query}`, { headers: { Accept: "text/html", "Accept-Language": language } });
  expect(response.status).toBe(200);
  return response.text();
}

const sessionIds = (html: string) => [...html.matchAll(/data-session-id="([^"]+)"/g)].map((match) => match[1]);

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("the public agenda after publish, edit, publish again", () => {
  it("shows the new version on the page, in every language and filter, and the exports agree", async () => {
    const event = (await getEventBySlug(slug))!;
    const db = await prisma();
    const panel = await db.session.findFirstOrThrow({ where: { eventId: event.id, type: "PANEL" }, include: { track: true } });
    const trackQuery = panel.trackId ? `?track=${panel.trackId}` : "?type=PANEL";

    const before = await publicPage();
    expect(before).toContain("11:00–11:50");
    const beforeIds = sessionIds(before);
    expect(beforeIds.length).toBeGreaterThan(0);
    await publicPage(trackQuery);
    await publicPage("", "en");

    const jar = await signIn();
    const agenda = `${server.baseUrl}/admin/events/${event.id}/agenda?index`;
    expect((await jar.fetch(agenda, form({ intent: "shift", id: panel.id, minutes: "10" }))).status).toBe(200);
    expect((await jar.fetch(agenda, form({ intent: "publish", overrideConflicts: "on" }))).status).toBe(200); // the shifted panel now overlaps the next session

    const version = (await getEventBySlug(slug))!.publishedVersion;
    expect(version).toBe(event.publishedVersion + 1);
    for (const [query, language] of [
      ["", "zh-CN"],
      [trackQuery, "zh-CN"],
      ["", "en"],
    ]) {
      const html = await publicPage(query, language);
      expect(html, `${query} ${language}`).toContain("11:10–12:00");
      expect(sessionIds(html), `${query} ${language}`).toContain(panel.id);
    }
    expect(sessionIds(await publicPage()).sort()).toEqual([...beforeIds].sort());

    const shifted = await db.session.findUniqueOrThrow({ where: { id: panel.id } });
    const api = await (await fetch(`${server.baseUrl}/api/v1/events/${slug}`)).json();
    expect(api.agendaVersion).toBe(version);
    expect(api.sessions.find((session: { id: string }) => session.id === panel.id).startsAt).toBe(shifted.startsAt.toISOString());
    const schedule = await (await fetch(`${server.baseUrl}/api/v1/events/${slug}/schedule.json`)).json();
    expect(schedule.schedule.version).toBe(String(version));
    const ics = new ICAL.Component(ICAL.parse(await (await fetch(`${server.baseUrl}/api/v1/events/${slug}/agenda.ics`)).text()));
    const starts = ics.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent).startDate.toJSDate().getTime());
    expect(starts).toContain(shifted.startsAt.getTime());
    expect(starts).toHaveLength(api.sessions.length);
  });
});

describe("the public agenda under many readers and filters", () => {
  it("never renders an empty agenda while the cache makes room for new filters", async () => {
    const event = (await getEventBySlug(slug))!;
    const rooms: string[] = [];
    for (let index = 0; index < 260; index++) rooms.push((await createRoom(event.id, { name: `Cache room ${index}` })).id);
    await publishAgenda(event.id, { overrideConflicts: true }); // the generated agenda overlaps on purpose; conflicts are not what this tests

    // Plenary sessions are in every room, so each room filter in each language is a distinct, non-empty page.
    const pages = rooms.flatMap((room) => ["zh-CN", "en"].map((language) => [`?room=${room}`, language] as const));
    expect(sessionIds(await publicPage(pages[0][0])).length).toBeGreaterThan(0);
    const empty: string[] = [];
    for (let start = 0; start < pages.length; start += 12) {
      await Promise.all(
        pages.slice(start, start + 12).map(async ([query, language]) => {
          if (sessionIds(await publicPage(query, language)).length === 0) empty.push(`${query} ${language}`);
        }),
      );
    }
    expect(empty).toEqual([]);
  }, 240_000);
});
