import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { runDir } from "../support/paths";
import { browserAndServer, signIn } from "../support/e2e";
import { demo } from "../support/staff";

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

const e2e = browserAndServer({ before: useDemoDatabase });

describe("back office in Chromium", () => {
  it("an organizer signs in through the login form, sees the dashboard, switches to English, and it fits a 375 px phone", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/admin`);
    // Not signed in: the back office sends us to the sign-in page.
    await page.waitForURL(/\/login\?redirectTo=%2Fadmin$/);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "登录" }).isVisible()).resolves.toBe(true);

    await page.getByLabel("电子邮箱").fill(demo.organizer.email);
    await page.getByLabel("密码").fill(demo.organizer.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${e2e.baseUrl}/admin`);
    await page.getByRole("heading", { name: "您管理的活动" }).waitFor();
    expect(await page.getByText("当前登录：演示组织者（organizer@demo.example.org）").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "智能体深度行·金融（上海站）" }).isVisible()).toBe(true);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "sid")).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.waitForLoadState("networkidle");
    await page.getByLabel("语言").selectOption("en");
    await page.getByRole("heading", { name: "Events you manage" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByText("Signed in as 演示组织者 (organizer@demo.example.org)").isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Back-office navigation" }).getByRole("link", { name: "Users & tokens" }).isVisible()).toBe(true);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByRole("heading", { name: "Events you manage" }).waitFor();
    const file = resolve(runDir(), "backoffice-375.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(PNG.sync.read(readFileSync(file)).width).toBe(375);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(375);
    await context.close();
  });

  it("the event's staff & tokens page works at 375 px: create a token, see it once, no horizontal overflow", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill(demo.shanghaiOrganizer.email);
    await page.getByLabel("Password").fill(demo.shanghaiOrganizer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${e2e.baseUrl}/admin`);
    const event = await (await prisma()).event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    await page.goto(`${e2e.baseUrl}/admin/events/${event.id}/access`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("heading", { name: "API tokens" }).waitFor();
    await page.getByLabel("Name").fill("Entrance 1");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-token").textContent();
    expect(token).toMatch(/^evt_[\w-]{32}$/);
    // The list is revalidated after the action; wait for it rather than sampling once (flaky on a busy machine).
    await page.getByTestId("token").filter({ hasText: "Entrance 1" }).waitFor({ state: "visible", timeout: 10_000 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await context.close();
  });

  it("the registrations list and a person's page fit a 375 px phone and a 1280 px screen (issue 14 §7)", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, e2e.baseUrl, demo.shanghaiOrganizer);
    const event = await (await prisma()).event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    const shots = resolve("test-results/screenshots");
    mkdirSync(shots, { recursive: true });
    const fits = async (width: number) => {
      const { scroll } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth }));
      expect(scroll).toBeLessThanOrEqual(width);
    };
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.goto(`${e2e.baseUrl}/admin/events/${event.id}/registrations`);
      await page.waitForLoadState("networkidle");
      await page.getByRole("checkbox", { name: "选择本页全部" }).check();
      await page.getByTestId("selection-summary").waitFor();
      await page.getByRole("button", { name: "取消所选" }).click();
      await page.getByText(/^取消 \d+ 条报名？/).waitFor();
      await fits(width);
      await page.screenshot({ path: resolve(shots, `registrations-${width}.png`), fullPage: true });
      await page.getByRole("button", { name: "返回" }).click();

      const first = page.getByTestId("registration-table").getByRole("link").first();
      const name = (await first.textContent()) ?? "";
      await first.click();
      await page.getByRole("heading", { name }).waitFor();
      await page.getByTestId("history").waitFor();
      await fits(width);
      await page.screenshot({ path: resolve(shots, `registration-person-${width}.png`), fullPage: true });
    }
    await context.close();
  });
});
