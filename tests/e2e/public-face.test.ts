import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { foundingFirms } from "../../prisma/seed/programme";
import { prisma } from "~/models/store/connection.server";
import { browserAndServer } from "../support/e2e";

vi.setConfig({ testTimeout: 180_000 });

const e2e = browserAndServer({ before: useDemoDatabase });
const screenshots = resolve(process.cwd(), "test-results/screenshots");

describe("the public face on a phone and a desktop", () => {
  for (const width of [375, 1280]) {
    it(`home, /events, an event card list, /programme and a firm page fit ${width} px`, async () => {
      mkdirSync(screenshots, { recursive: true });
      const firm = await (await prisma()).firm.findFirstOrThrow({ where: { name: foundingFirms[0].name } });
      const context = await e2e.browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      const pages = [
        { name: "home", path: "/" },
        { name: "events", path: "/events" },
        { name: "programme", path: "/programme" },
        { name: "firm", path: `/programme/firms/${firm.id}` },
      ];
      for (const { name, path } of pages) {
        await page.goto(e2e.baseUrl + path);
        await page.waitForLoadState("networkidle");
        await page.locator("h1").first().waitFor();
        await page.screenshot({ path: resolve(screenshots, `${name}-${width}.png`), fullPage: true });
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll, `${path} at ${width} px`).toBeLessThanOrEqual(widths.client);
      }
      await page.goto(e2e.baseUrl + "/events");
      await page.waitForLoadState("networkidle");
      const list = page.locator("main ul").first();
      await list.screenshot({ path: resolve(screenshots, `event-cards-${width}.png`) });
      expect(await list.locator("article").count()).toBeGreaterThan(0);
      await context.close();
    });
  }
});
