import { describe, expect, it } from "vitest";
import { dateBadge, eventFacets, eventMonth, filterEvents, groupBySeriesAndCity, listingQuery, longDate, paginate, parseEventFilter, parsePage } from "~/utils/event-listing";
import { firmInitials } from "~/utils/firm-initials";

const dive = { slug: "dive", title: "深度行", titleEn: "Deep dives" };
const event = (slug: string, city: string, startsAt: string, series: typeof dive | null = dive) => ({ slug, city, startsAt, timeZone: "Asia/Shanghai", series });

describe("event listing", () => {
  it("reads filters from the query string and drops a malformed month", () => {
    expect(parseEventFilter(new URLSearchParams("series=dive&city=上海&month=2025-07"))).toEqual({ series: "dive", city: "上海", month: "2025-07" });
    expect(parseEventFilter(new URLSearchParams("month=2025-13")).month).toBe("");
    expect(parseEventFilter(new URLSearchParams("")).series).toBe("");
  });

  it("puts an event in the month of its own zone, not UTC's", () => {
    // 2025-07-31 17:00 UTC is 1 August, 01:00 in Shanghai.
    expect(eventMonth("2025-07-31T17:00:00.000Z", "Asia/Shanghai")).toBe("2025-08");
    expect(eventMonth("2025-07-31T17:00:00.000Z", "Europe/London")).toBe("2025-07");
  });

  it("filters by series, city and month together", () => {
    const events = [event("a", "上海", "2025-07-10T02:00:00Z"), event("b", "深圳", "2025-07-11T02:00:00Z"), event("c", "上海", "2025-08-10T02:00:00Z", null)];
    expect(filterEvents(events, { series: "dive", city: "", month: "" }).map((e) => e.slug)).toEqual(["a", "b"]);
    expect(filterEvents(events, { series: "", city: "上海", month: "2025-08" }).map((e) => e.slug)).toEqual(["c"]);
    expect(eventFacets(events)).toEqual({ series: [dive], cities: ["上海", "深圳"].sort((x, y) => x.localeCompare(y, "zh-CN")), months: ["2025-07", "2025-08"] });
  });

  it("groups by series then city, each group where its first event falls", () => {
    const groups = groupBySeriesAndCity([
      event("a", "上海", "2025-07-10T02:00:00Z"),
      event("x", "北京", "2025-07-12T02:00:00Z", null),
      event("b", "深圳", "2025-07-13T02:00:00Z"),
      event("c", "上海", "2025-07-14T02:00:00Z"),
    ]);
    expect(groups.map((group) => group.series?.slug ?? null)).toEqual(["dive", null]);
    expect(groups[0].cities.map((city) => [city.city, city.events.map((e) => e.slug)])).toEqual([
      ["上海", ["a", "c"]],
      ["深圳", ["b"]],
    ]);
  });

  it("pages, clamping a page past the end to the last one", () => {
    const items = Array.from({ length: 25 }, (_, index) => index);
    expect(paginate(items, 1, 12)).toMatchObject({ items: items.slice(0, 12), page: 1, pageCount: 3, total: 25 });
    expect(paginate(items, 9, 12)).toMatchObject({ items: [24], page: 3 });
    expect(paginate([], 1, 12)).toMatchObject({ items: [], page: 1, pageCount: 1 });
    expect(parsePage("2")).toBe(2);
    for (const bad of ["0", "-1", "1.5", "x", null]) expect(parsePage(bad)).toBe(1);
  });

  it("keeps query strings short: no empty values, no page 1", () => {
    expect(listingQuery({ series: "", city: "上海", page: 1 })).toBe(`?city=${encodeURIComponent("上海")}`);
    expect(listingQuery({ series: "dive", page: 1 }, { page: 2 })).toBe("?series=dive&page=2");
    expect(listingQuery({ series: "" })).toBe("");
  });

  it("formats card dates in the event's zone in either language", () => {
    expect(dateBadge("2025-07-23T01:00:00.000Z", "Asia/Shanghai", "zh-CN")).toEqual({ month: "7月", day: "23", weekday: "周三" });
    expect(dateBadge("2025-07-23T01:00:00.000Z", "Asia/Shanghai", "en")).toEqual({ month: "Jul", day: "23", weekday: "Wed" });
    expect(longDate("2025-07-22T17:00:00.000Z", "Asia/Shanghai", "zh-CN")).toBe("2025年7月23日");
    expect(longDate("2025-07-22T17:00:00.000Z", "Asia/Shanghai", "en")).toBe("July 23, 2025");
  });
});

describe("firm initials", () => {
  it("takes two Han characters, skipping a bracketed marker, or two Latin initials", () => {
    expect(firmInitials("星河智算科技（演示）")).toBe("星河");
    expect(firmInitials("(演示) 锦程金融")).toBe("锦程");
    expect(firmInitials("Galaxy Compute (demo)")).toBe("GC");
    expect(firmInitials("acme")).toBe("A");
  });
});
