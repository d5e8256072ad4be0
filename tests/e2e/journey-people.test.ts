import { describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { browserAndServer } from "../support/e2e";
import { axeViolations, pageLinks } from "../support/journey";
import { checkPages, onePerPage, walkRole, type Role } from "../support/journey-crawl";
import { demo } from "../support/staff";

/**
 * Issue 14 "Done means", people outside the back office: the firm contact and check-in staff sign in and
 * open every page their header and landing page link to; an attendee opens the public pages, registers for
 * an event and opens the manage page. Each page at 375 px and 1280 px in Chromium, checked as in
 * journey-staff.test.ts (status, raw codes, overflow, axe-core; screenshots in test-results/screenshots/).
 */

vi.setConfig({ testTimeout: 240_000 });

const e2e = browserAndServer({ before: useDemoDatabase });

const roles: Role[] = [
  { role: "firm", credentials: demo.firm, home: "/firm" },
  { role: "checkin", credentials: demo.checkin, home: "/checkin" },
];

describe("journeys outside the back office in Chromium at 375 px and 1280 px", () => {
  for (const role of roles) {
    it(`${role.role}: every page linked from the header and the landing page opens, reads as words, fits and passes axe`, async () => {
      const started = Date.now();
      const pages = await walkRole(e2e.browser, e2e.baseUrl, role);
      console.info(`[${role.role}] ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${pages.join(" ")}`);
    });
  }

  it("attendee: the public pages, then registering for an event and opening the manage page", async () => {
    const started = Date.now();
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: "zh-CN", baseURL: e2e.baseUrl });
    const page = await context.newPage();
    await page.goto("/");
    const shown = ["/", "/events", ...(await pageLinks(page, "header nav")), ...(await pageLinks(page, "main"))];
    const publicPages = onePerPage(shown.filter((href) => !href.startsWith("/login")));
    await checkPages(page, "attendee", publicPages);

    // An unknown address answers a titled error page that passes axe too.
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    expect(await page.title()).toContain("页面不存在");
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/events/deep-dive-finance-shanghai/register", { waitUntil: "networkidle" });
    await page.getByLabel("姓名").fill("林雨桐");
    await page.getByLabel("电子邮箱").fill("lin.yutong@example.org");
    await page.getByLabel("单位").fill("示例大学信息学院");
    await page.getByLabel("公众").check();
    await page.getByLabel("我已阅读并同意", { exact: false }).check();
    await page.getByRole("button", { name: "提交报名" }).click();
    const manage = page.getByRole("link", { name: "管理我的报名" });
    await manage.waitFor();
    const confirmation = new URL(page.url()).pathname;
    const manageHref = (await manage.getAttribute("href"))!;
    await checkPages(page, "attendee", [...(confirmation.endsWith("/register") ? [] : [confirmation]), manageHref]);
    await context.close();
    console.info(`[attendee] ${publicPages.length + 1} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${publicPages.join(" ")} ${manageHref}`);
  });
});
