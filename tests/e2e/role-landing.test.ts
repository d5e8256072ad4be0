import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { tmpRoot } from "../support/paths";
import { browserAndServer } from "../support/e2e";
import { demo } from "../support/staff";

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 180_000 });

const e2e = browserAndServer({ before: useDemoDatabase });

// Kept after the run (tests/.tmp is ignored by git) so the pages can be looked at.
const screenshots = resolve(tmpRoot, "screenshots");

const roles = [
  { who: "admin", credentials: demo.admin, home: "/admin" },
  { who: "organizer", credentials: demo.organizer, home: "/admin" },
  { who: "shanghai-organizer", credentials: demo.shanghaiOrganizer, home: "/admin" },
  { who: "checkin", credentials: demo.checkin, home: "/checkin" },
  { who: "firm", credentials: demo.firm, home: "/firm" },
] as const;

describe("each role's landing in Chromium, on a phone and a desktop", () => {
  for (const { who, credentials, home } of roles) {
    for (const width of [375, 1280]) {
      it(`${who} signs in at ${width} px and lands on ${home}, which fits the screen`, async () => {
        mkdirSync(screenshots, { recursive: true });
        const context = await e2e.browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
        const page = await context.newPage();
        await page.goto(`${e2e.baseUrl}/login`);
        await page.waitForLoadState("networkidle");
        await page.getByRole("heading", { name: "登录" }).waitFor();
        await page.fill("#field-email", credentials.email);
        await page.fill("#field-password", credentials.password);
        await page.getByRole("button", { name: "登录" }).click();
        await page.waitForURL(`${e2e.baseUrl}${home}`);
        await page.waitForLoadState("networkidle");
        if (home === "/checkin") {
          // The event of the staff member's grant is offered without choosing.
          await page.locator("#setup-event").waitFor();
          expect(await page.locator("#setup-event option:checked").textContent()).toContain("上海站");
        }
        await page.screenshot({ path: resolve(screenshots, `landing-${who}-${width}.png`), fullPage: true });
        await page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name: "我的账号" }).waitFor({ state: "visible" });
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);

        await page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name: "我的账号" }).click();
        await page.waitForURL(`${e2e.baseUrl}/account`);
        await page.getByRole("heading", { name: "登录设备" }).waitFor();
        await page.screenshot({ path: resolve(screenshots, `account-${who}-${width}.png`), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      });
    }
  }

  it("the forgot-password page is reached from the sign-in page and fits a phone", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(`${e2e.baseUrl}/forgot-password`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill("nobody@example.org");
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByText("If nobody@example.org belongs to an account").waitFor();
    await page.screenshot({ path: resolve(screenshots, "forgot-password-375.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });
});
