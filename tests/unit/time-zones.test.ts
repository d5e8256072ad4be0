import { describe, expect, it } from "vitest";
import { formatTime, moveToLocalDay, parseZonedDateTime, possibleInstants, utcToZonedParts, zonedToUtc } from "~/utils/time";

describe("agenda times in the event's zone", () => {
  it("stores 09:00 entered in Asia/Shanghai as 01:00Z and shows it as 09:00 again", () => {
    const stored = zonedToUtc("2025-07-23", "09:00", "Asia/Shanghai");
    expect(stored?.toISOString()).toBe("2025-07-23T01:00:00.000Z");
    expect(formatTime(stored!, "Asia/Shanghai")).toBe("09:00");
    expect(utcToZonedParts(stored!, "Asia/Shanghai")).toEqual({ date: "2025-07-23", time: "09:00" });
  });

  it("does not depend on the server's own zone", () => {
    const previous = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(zonedToUtc("2025-07-23", "09:00", "Asia/Shanghai")?.toISOString()).toBe("2025-07-23T01:00:00.000Z");
    } finally {
      process.env.TZ = previous;
    }
  });

  it("refuses a time skipped by the Europe/Berlin spring-forward gap", () => {
    expect(zonedToUtc("2025-03-30", "02:30", "Europe/Berlin")).toBeNull();
    expect(parseZonedDateTime("2025-03-30", "02:30", "Europe/Berlin")).toEqual({ ok: false, reason: "nonexistent" });
    expect(zonedToUtc("2025-03-30", "03:00", "Europe/Berlin")?.toISOString()).toBe("2025-03-30T01:00:00.000Z");
  });

  it("resolves the autumn fold in Europe/Berlin to the first occurrence unless asked for the second", () => {
    expect(possibleInstants("2025-10-26", "02:30", "Europe/Berlin").map((d) => d.toISOString())).toEqual(["2025-10-26T00:30:00.000Z", "2025-10-26T01:30:00.000Z"]);
    const first = parseZonedDateTime("2025-10-26", "02:30", "Europe/Berlin");
    expect(first).toMatchObject({ ok: true, ambiguous: true });
    expect(first.ok && first.instant.toISOString()).toBe("2025-10-26T00:30:00.000Z");
    const second = parseZonedDateTime("2025-10-26", "02:30", "Europe/Berlin", { fold: "later" });
    expect(second.ok && second.instant.toISOString()).toBe("2025-10-26T01:30:00.000Z");
    expect(formatTime(first.ok ? first.instant : new Date(), "Europe/Berlin")).toBe("02:30");
    expect(parseZonedDateTime("2025-07-01", "09:00", "Europe/Berlin")).toMatchObject({ ok: true, ambiguous: false });
  });

  it("keeps the wall-clock time when a session moves across a DST change", () => {
    const before = zonedToUtc("2025-10-25", "09:00", "Europe/Berlin")!;
    const after = moveToLocalDay(before, "2025-10-27", "Europe/Berlin")!;
    expect(before.toISOString()).toBe("2025-10-25T07:00:00.000Z");
    expect(after.toISOString()).toBe("2025-10-27T08:00:00.000Z");
    expect(formatTime(after, "Europe/Berlin")).toBe("09:00");
  });

  it("refuses unknown zones and malformed input", () => {
    expect(parseZonedDateTime("2025-07-23", "09:00", "Mars/Olympus")).toEqual({ ok: false, reason: "invalid_zone" });
    expect(parseZonedDateTime("2025-02-30", "09:00", "Asia/Shanghai")).toEqual({ ok: false, reason: "invalid" });
    expect(parseZonedDateTime("2025-07-23", "25:00", "Asia/Shanghai")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("naming the zone", () => {
  it("names the zone with its offset at that moment", async () => {
    const { describeZone } = await import("~/utils/time");
    expect(describeZone("Asia/Shanghai", "2025-07-23T01:00:00Z")).toBe("Asia/Shanghai (UTC+8)");
    expect(describeZone("Europe/Berlin", "2025-07-01T10:00:00Z")).toBe("Europe/Berlin (UTC+2)");
    expect(describeZone("Europe/Berlin", "2025-12-01T10:00:00Z")).toBe("Europe/Berlin (UTC+1)");
    expect(describeZone("Asia/Kolkata", "2025-12-01T10:00:00Z")).toBe("Asia/Kolkata (UTC+5:30)");
  });
});
