import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { prisma } from "~/models/store/connection.server";
import { browserAndServer } from "../support/e2e";

const e2e = browserAndServer({ before: seedDemo });
const shots = "test-results/screenshots";

/**
 * Issue 15 §2 / issue 14 §9 on a phone: the event page (no horizontal overflow, the sticky register button in
 * view), registering through the form, and the confirmation page; screenshots at 375 and 1280 px.
 */
describe("the event page and registering, in Chromium", () => {
  it("registers on a 375 px phone through the confirmation page, with nothing wider than the screen", async () => {
    mkdirSync(shots, { recursive: true });
    const slug = "deep-dive-finance-shanghai";
    const phone = await e2e.browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
    const page = await phone.newPage();
    await page.goto(`${e2e.baseUrl}/events/${slug}`);
    await page.getByTestId("event-cover").waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    const sticky = page.getByTestId("sticky-register");
    expect(await sticky.isVisible()).toBe(true);
    await page.mouse.wheel(0, 2000);
    expect(await sticky.isVisible()).toBe(true);
    await page.screenshot({ path: `${shots}/event-page-375.png`, fullPage: true });

    await sticky.getByRole("link").click();
    await page.waitForURL(`**/events/${slug}/register`);
    await page.getByLabel("姓名").fill("周明远");
    await page.getByLabel("电子邮箱").fill("zhou.mingyuan@example.org");
    await page.getByLabel("单位").fill("示例银行");
    await page.getByLabel("我已阅读并同意上述隐私说明", { exact: false }).check();
    expect(await overflow()).toBe(0);
    await page.getByTestId("register-submit").click();
    await page.waitForURL(`**/events/${slug}/registered`);
    await page.getByTestId("registration-outcome").waitFor();
    expect(page.url()).not.toContain("zhou");
    expect(await page.getByTestId("registration-outcome").textContent()).toContain("zh***@example.org");
    expect(await page.getByTestId("manage-link").getAttribute("href")).toMatch(/^\/r\//);
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: `${shots}/registration-confirmation-375.png`, fullPage: true });
    // A refresh shows the page again and registers nobody twice.
    await page.reload();
    await page.getByTestId("registration-outcome").waitFor();
    const event = await (await prisma()).event.findUniqueOrThrow({ where: { slug } });
    expect(await (await prisma()).registration.count({ where: { eventId: event.id, email: "zhou.mingyuan@example.org" } })).toBe(1);

    const desktop = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", storageState: await phone.storageState() });
    const wide = await desktop.newPage();
    await wide.goto(`${e2e.baseUrl}/events/${slug}/registered`);
    await wide.getByTestId("registration-outcome").waitFor();
    await wide.screenshot({ path: `${shots}/registration-confirmation-1280.png`, fullPage: true });
    await wide.goto(`${e2e.baseUrl}/events/${slug}`);
    await wide.getByTestId("event-cover").waitFor();
    expect(await wide.getByTestId("sticky-register").isVisible()).toBe(false);
    expect(await wide.getByTestId("ticket-panel").getByTestId("register-button").isVisible()).toBe(true);
    await wide.screenshot({ path: `${shots}/event-page-1280.png`, fullPage: true });
    await desktop.close();
    await phone.close();
  });

  it("hydrates a page replayed from the public page cache: its inline scripts run by hash, none is refused", async () => {
    const context = await e2e.browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const url = `${e2e.baseUrl}/events/deep-dive-finance-shanghai`;
    await page.goto(url);
    const replayed = await page.goto(url);
    expect(replayed!.headers()["x-page-cache"]).toBe("hit");
    await page.waitForFunction(() => "__remixRouter" in window);
    expect(refused).toEqual([]);
    await context.close();
  });
});
