import { describe, expect, it } from "vitest";
import { browserAndServer } from "../support/e2e";

const e2e = browserAndServer();

describe("the API reference in Chromium", () => {
  it("renders every operation of the OpenAPI document from this server alone, without policy violations", async () => {
    const page = await e2e.browser.newPage();
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(e2e.baseUrl) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(`${e2e.baseUrl}/api/docs`);
    await page.locator(".opblock-summary-path", { hasText: "/api/v1/events/{slug}/registrations" }).first().waitFor();
    const document = await (await fetch(`${e2e.baseUrl}/api/v1/openapi.json`)).json();
    const operations = Object.values(document.paths as Record<string, object>).reduce<number>((count, methods) => count + Object.keys(methods).length, 0);
    expect(await page.locator(".opblock").count()).toBe(operations);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
