import { describe, it, vi } from "vitest";
import { createWebhookEndpoint } from "~/models/webhook.server";
import { useDemoDatabase } from "../support/demo-database";
import { browserAndServer } from "../support/e2e";
import { walkRole, type Role } from "../support/journey-crawl";
import { demo } from "../support/staff";

/**
 * Issue 14 "Done means", back-office side: each organizer and the admin sign in, land on the dashboard and
 * open every page their header, side navigation and dashboard link to (and the tabs of one event), then one
 * page of each detail kind linked from those (a firm, an application, a speaker, a webhook endpoint, a
 * series, a registration, the new-event form), at 375 px and 1280 px, in Chromium: no error answer, no raw
 * codes in the visible text, no page wider than the screen, no serious or critical axe-core finding, and
 * each page template once more in English at 1280 px (raw codes, axe-core); screenshots in
 * test-results/screenshots/. A page an earlier role drew is only asked for its status by the next. Firm contact, check-in staff and attendee:
 * journey-people.test.ts (two files, so the two test workers share the load).
 */

// Each role opens a dozen or more pages at two widths with axe-core on each; sign-ins run scrypt.
vi.setConfig({ testTimeout: 420_000 });

// The demo has no webhook endpoint; one for the Shanghai event gives the endpoint page something to show.
async function seedDemoWithWebhook() {
  await useDemoDatabase();
  await createWebhookEndpoint({ url: "https://hooks.example.org/registrations", eventTypes: ["registration.created"], eventSlug: "deep-dive-finance-shanghai" }, () => true);
}

const e2e = browserAndServer({ before: seedDemoWithWebhook });

const roles: Role[] = [
  // The organizer of one event also opens each tab of that event (the others see the same pages).
  { role: "shanghai-organizer", credentials: demo.shanghaiOrganizer, home: "/admin", eventTabs: true },
  { role: "organizer", credentials: demo.organizer, home: "/admin" },
  { role: "admin", credentials: demo.admin, home: "/admin" },
];

describe("back-office journeys in Chromium at 375 px and 1280 px", () => {
  for (const role of roles) {
    it(`${role.role}: every page linked from the header, the side navigation and the dashboard opens, reads as words, fits and passes axe`, async () => {
      const started = Date.now();
      const pages = await walkRole(e2e.browser, e2e.baseUrl, role);
      console.info(`[${role.role}] ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${pages.join(" ")}`);
    });
  }
});
