import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { describeEventZone, formatDayRange, offsetsByDay } from "~/utils/date-range";
import { zonedToUtc } from "~/utils/time";

const zh = translator("zh-CN");
const en = translator("en");
const at = (date: string, time: string, zone: string) => zonedToUtc(date, time, zone)!;

describe("the days an event spans", () => {
  const range = (start: [string, string], end: [string, string], zone = "Asia/Shanghai") => [
    formatDayRange(at(...start, zone), at(...end, zone), zone, "zh-CN", zh),
    formatDayRange(at(...start, zone), at(...end, zone), zone, "en", en),
  ];

  it("is one date for a one-day event", () => {
    expect(range(["2025-07-23", "09:00"], ["2025-07-23", "17:30"])).toEqual(["2025年7月23日", "July 23, 2025"]);
  });

  it("names the month once within a month", () => {
    expect(range(["2026-03-28", "09:00"], ["2026-03-29", "18:00"], "Europe/Berlin")).toEqual(["2026年3月28日—29日", "March 28–29, 2026"]);
  });

  it("names both months across a month and both years across a year", () => {
    expect(range(["2026-03-31", "09:00"], ["2026-04-01", "12:00"])).toEqual(["2026年3月31日—4月1日", "March 31 – April 1, 2026"]);
    expect(range(["2026-12-31", "20:00"], ["2027-01-01", "02:00"])).toEqual(["2026年12月31日—2027年1月1日", "December 31, 2026 – January 1, 2027"]);
  });

  it("counts days in the event's zone, not in UTC", () => {
    // 07:00–23:00 in Shanghai is one local day but two UTC days (23:00Z on the 27th to 15:00Z on the 28th).
    expect(range(["2026-03-28", "07:00"], ["2026-03-28", "23:00"])).toEqual(["2026年3月28日", "March 28, 2026"]);
  });
});

describe("the UTC offset of each day", () => {
  it("gives each day its own offset when daylight-saving time starts during the event", () => {
    const starts = at("2026-03-28", "09:00", "Europe/Berlin");
    const ends = at("2026-03-29", "18:00", "Europe/Berlin");
    expect(offsetsByDay(starts, ends, "Europe/Berlin").map(({ day, offset }) => [day.toISODate(), offset])).toEqual([
      ["2026-03-28", "UTC+1"],
      ["2026-03-29", "UTC+2"],
    ]);
    expect(describeEventZone(starts, ends, "Europe/Berlin", "zh-CN", zh)).toBe("时区：Europe/Berlin（3月28日 UTC+1，3月29日 UTC+2）");
    expect(describeEventZone(starts, ends, "Europe/Berlin", "en", en)).toBe("Time zone: Europe/Berlin (March 28: UTC+1; March 29: UTC+2)");
  });

  it("keeps the single offset when no change falls inside the event", () => {
    const starts = at("2026-03-27", "09:00", "Europe/Berlin");
    const ends = at("2026-03-28", "18:00", "Europe/Berlin");
    expect(describeEventZone(starts, ends, "Europe/Berlin", "en", en)).toBe("Time zone: Europe/Berlin (UTC+1)");
    expect(describeEventZone(at("2025-07-23", "09:00", "Asia/Shanghai"), at("2025-07-23", "17:30", "Asia/Shanghai"), "Asia/Shanghai", "zh-CN", zh)).toBe("时区：Asia/Shanghai (UTC+8)");
  });

  it("takes the last day's offset while the event is still on", () => {
    // Ends at 01:30 on the Sunday, before the clocks go forward at 02:00: both days are UTC+1.
    const starts = at("2026-03-28", "20:00", "Europe/Berlin");
    const ends = at("2026-03-29", "01:30", "Europe/Berlin");
    expect(offsetsByDay(starts, ends, "Europe/Berlin").map(({ offset }) => offset)).toEqual(["UTC+1", "UTC+1"]);
  });

  it("shows the autumn change too", () => {
    const starts = at("2025-10-25", "09:00", "Europe/Berlin");
    const ends = at("2025-10-26", "18:00", "Europe/Berlin");
    expect(offsetsByDay(starts, ends, "Europe/Berlin").map(({ offset }) => offset)).toEqual(["UTC+2", "UTC+1"]);
  });
});
