import { describe, expect, it } from "vitest";
import { homeOf, landingAfterSignIn, mayOpenPath, navigationFor } from "~/auth/navigation.server";

type Grant = { role: "ADMIN" | "ORGANIZER" | "CHECKIN" | "FIRM_CONTACT"; eventId: string | null; seriesId: string | null; firmId: string | null };
const grant = (role: Grant["role"], scope: Partial<Grant> = {}): Grant => ({ role, eventId: null, seriesId: null, firmId: null, ...scope });

const admin = { roles: [grant("ADMIN")] };
const organizerOfAll = { roles: [grant("ORGANIZER")] };
const organizerOfOne = { roles: [grant("ORGANIZER", { eventId: "e1" })] };
const checkIn = { roles: [grant("CHECKIN", { eventId: "e1" })] };
const firmContact = { roles: [grant("FIRM_CONTACT", { firmId: "f1" })] };
const nobody = { roles: [] };

describe("navigation table", () => {
  it("lands each role at its home", () => {
    expect([admin, organizerOfAll, organizerOfOne, checkIn, firmContact, nobody].map(homeOf)).toEqual(["/admin", "/admin", "/admin", "/checkin", "/firm", "/account"]);
    expect(homeOf({ roles: [grant("CHECKIN", { eventId: "e1" }), grant("FIRM_CONTACT", { firmId: "f1" })] })).toBe("/checkin");
  });

  it("shows a link only to whom its page admits", () => {
    expect(navigationFor(organizerOfOne, "admin").map((link) => link.to)).toEqual(["/admin", "/admin/events", "/admin/speakers", "/admin/emails", "/admin/webhooks"]);
    expect(navigationFor(organizerOfAll, "admin").map((link) => link.to)).not.toContain("/admin/audit");
    expect(navigationFor(admin, "admin").map((link) => link.to)).toContain("/admin/emails");
    expect(navigationFor(checkIn, "admin")).toEqual([]);
    expect(navigationFor(null, "header").map((link) => link.to)).toEqual(["/", "/programme", "/cases"]);
    expect(navigationFor(firmContact, "header").map((link) => link.to)).toEqual(["/", "/programme", "/cases", "/firm", "/account"]);
    expect(navigationFor(checkIn, "header").map((link) => link.to)).toEqual(["/", "/programme", "/cases", "/checkin", "/account"]);
  });

  it("judges a path by its closest section, query and all", () => {
    expect(mayOpenPath(organizerOfOne, "/admin/events/e1/registrations?status=CONFIRMED")).toBe(true);
    expect(mayOpenPath(organizerOfOne, "/admin/audit")).toBe(false);
    expect(mayOpenPath(organizerOfOne, "/admin/auditing")).toBe(true);
    expect(mayOpenPath(firmContact, "/admin")).toBe(false);
    expect(mayOpenPath(firmContact, "/events/some-event")).toBe(true);
  });

  it("follows a requested page after sign-in only when the role may open it", () => {
    expect(landingAfterSignIn(organizerOfOne, "/admin/speakers")).toBe("/admin/speakers");
    expect(landingAfterSignIn(firmContact, "/admin")).toBe("/firm");
    expect(landingAfterSignIn(checkIn, null)).toBe("/checkin");
  });
});
