import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icalendar, utcDateTime } from "~/utils/icalendar";

// RFC 5545 gives X- properties the TEXT type; ical.js leaves them raw unless told so.
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };

const octets = (text: string) => Buffer.byteLength(text, "utf8");
const unfold = (text: string) => text.replace(/\r\n /g, "");

/** Every physical line at most 75 octets, and each one valid UTF-8 on its own (no character cut in two). */
function expectFolded(folded: string) {
  for (const line of folded.split("\r\n")) {
    expect(octets(line)).toBeLessThanOrEqual(75);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(line, "utf8"))).not.toThrow();
    expect(line).not.toContain("\uFFFD");
  }
}

describe("folding at 75 octets", () => {
  it("leaves a line of exactly 75 octets alone and folds one of 76", () => {
    const exact = `SUMMARY:${"a".repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const over = `${exact}b`;
    expect(foldLine(over)).toBe(`${exact}\r\n b`);
  });

  it("folds 75 CJK characters (225 octets) between characters, never inside one", () => {
    const title = "智".repeat(75);
    const line = `SUMMARY:${title}`;
    expect(octets(line)).toBe(233);
    const folded = foldLine(line);
    expectFolded(folded);
    // 8 ASCII octets + 22 characters of 3 octets = 74: the 23rd would make 77.
    expect(folded.split("\r\n")[0]).toBe(`SUMMARY:${"智".repeat(22)}`);
    expect(unfold(folded)).toBe(line);
  });

  it("fills a line to exactly 75 octets when the characters allow it", () => {
    // 9 ASCII octets + 22 × 3 = 75.
    const line = `SUMMARY:x${"智".repeat(30)}`;
    const [first, second] = foldLine(line).split("\r\n");
    expect(octets(first)).toBe(75);
    expect(second).toBe(` ${"智".repeat(8)}`);
  });

  it("keeps four-octet emoji and surrogate pairs whole", () => {
    const line = `DESCRIPTION:${"🎉".repeat(40)}👩‍💻`;
    const folded = foldLine(line);
    expectFolded(folded);
    expect(unfold(folded)).toBe(line);
    // 12 ASCII octets + 15 emoji × 4 = 72: a 16th would make 76.
    expect(folded.split("\r\n")[0]).toBe(`DESCRIPTION:${"🎉".repeat(15)}`);
  });

  it("counts the leading space of a continuation line", () => {
    const folded = foldLine("X".repeat(300));
    const lines = folded.split("\r\n");
    expect(lines.map(octets)).toEqual([75, 75, 75, 75, 4]);
    expect(lines.slice(1).every((line) => line.startsWith(" "))).toBe(true);
  });
});

describe("TEXT escaping", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\ntwo\r\nthree\rfour\u2028five")).toBe("one\\ntwo\\nthree\\nfour\\nfive");
  });

  it("drops what no calendar can carry", () => {
    expect(escapeText("Agents\uFFFE and\u0001 tools\u202E")).toBe("Agents and tools");
  });
});

describe("a whole calendar", () => {
  const revisedAt = new Date("2025-07-15T02:00:00Z");
  const name = "论坛, 深度行; A\\B";
  const text = icalendar({
    productId: "-//example//agenda//ZH",
    name,
    timeZone: "Asia/Shanghai",
    events: [
      {
        uid: "s1@example",
        revisedAt,
        start: new Date("2025-07-23T01:05:00Z"),
        end: new Date("2025-07-23T01:15:00Z"),
        summary: "致辞，开幕; remarks, too",
        description: "第一行\n第二行",
        location: "主会场, 北京",
        url: "https://events.example.org/events/x#session-s1",
        categories: ["OPENING_REMARKS", "Main, more"],
        sequence: 3,
      },
    ],
  });

  it("escapes the calendar name too and ends every line with CRLF", () => {
    expect(text).toContain("X-WR-CALNAME:论坛\\, 深度行\\; A\\\\B\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("is read back by ical.js with the same values", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(name);
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe("s1@example");
    expect(event.summary).toBe("致辞，开幕; remarks, too");
    expect(event.description).toBe("第一行\n第二行");
    expect(event.location).toBe("主会场, 北京");
    expect(event.startDate.toJSDate().toISOString()).toBe("2025-07-23T01:05:00.000Z");
    expect(vevent.getFirstProperty("categories")!.getValues()).toEqual(["OPENING_REMARKS", "Main, more"]);
    expect(vevent.getFirstPropertyValue("dtstamp")!.toString()).toBe("2025-07-15T02:00:00Z");
  });

  it("writes UTC date-times in the basic format", () => {
    expect(utcDateTime(new Date("2025-07-23T01:05:09.123Z"))).toBe("20250723T010509Z");
  });
});
