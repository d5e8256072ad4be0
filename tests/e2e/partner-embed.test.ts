import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { browserAndServer } from "../support/e2e";

/**
 * A partner's site in Chromium (issue 16 §3): pages served by two other local HTTP servers, so from other
 * origins than the app. The listed one (ALLOWED_ORIGINS) registers through the API with CORS and frames the
 * embeddable registration page; the unlisted one is refused both.
 */
const partnerSites: { listed?: SiteServer; unlisted?: SiteServer } = {};
let slug = "";

type SiteServer = { origin: string; server: Server };

// A partner page: empty, or framing the URL given in `?frame=`.
function startSite(): Promise<SiteServer> {
  const server = createServer((req, res) => {
    const frame = new URL(req.url ?? "/", "http://site").searchParams.get("frame");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Partner</title></head><body><h1>Partner site</h1>${frame ? `<iframe id="embed" src="${frame}" width="600" height="900"></iframe>` : ""}</body></html>`);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

const e2e = browserAndServer({
  before: async () => {
    partnerSites.listed = await startSite();
    partnerSites.unlisted = await startSite();
    process.env.ALLOWED_ORIGINS = partnerSites.listed.origin;
    ({ slug } = await createRegistrationEvent({ capacity: 10 }));
  },
  after: async () => {
    for (const site of Object.values(partnerSites)) await new Promise((resolve) => site.server.close(resolve));
  },
});

// Runs in the partner's page: a registration POSTed to the app with fetch, as a partner's script would.
function registerFrom(page: Page, email: string) {
  return page.evaluate(
    async ({ api, email }) => {
      try {
        const response = await fetch(api, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": email },
          body: JSON.stringify({ name: "合作方访客", email, organization: "合作单位", consent: true }),
        });
        return { status: response.status, body: (await response.json()) as { registration?: { status: string } } };
      } catch (error) {
        return { failed: String(error) };
      }
    },
    { api: `${e2e.baseUrl}/api/v1/events/${slug}/registrations`, email },
  );
}

async function registrationsOf(email: string) {
  return (await prisma()).registration.count({ where: { email } });
}

describe("a partner's site in Chromium", () => {
  it("registers someone through the API from a listed origin and reads the answer; an unlisted origin is refused and stores nothing", async () => {
    const context = await e2e.browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${partnerSites.listed!.origin}/`);
    const accepted = await registerFrom(page, "partner-fetch@example.org");
    expect(accepted).toEqual({ status: 201, body: expect.objectContaining({ registration: expect.objectContaining({ status: "confirmed" }) }) });
    expect(await registrationsOf("partner-fetch@example.org")).toBe(1);

    await page.goto(`${partnerSites.unlisted!.origin}/`);
    const refused = await registerFrom(page, "stranger-fetch@example.org");
    expect(refused).toEqual({ failed: expect.stringContaining("Failed to fetch") });
    expect(await registrationsOf("stranger-fetch@example.org")).toBe(0);
    await context.close();
  });

  it("shows the embeddable page in a listed origin's frame, registers in it and shows the outcome there; an unlisted origin's frame stays empty", async () => {
    const context = await e2e.browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const embed = `${e2e.baseUrl}/events/${slug}/embed`;

    await page.goto(`${partnerSites.listed!.origin}/?frame=${encodeURIComponent(embed)}`);
    const frame = page.frameLocator("#embed");
    await frame.getByLabel("姓名").fill("框内报名");
    await frame.getByLabel("电子邮箱").fill("partner-frame@example.org");
    await frame.getByLabel("单位").fill("合作单位");
    await frame.getByLabel("我已阅读并同意上述隐私说明", { exact: false }).check();
    await frame.getByRole("button", { name: "提交报名" }).click();
    await frame.getByRole("heading", { name: "报名成功" }).waitFor();
    expect(page.url()).toContain(partnerSites.listed!.origin);
    expect(await registrationsOf("partner-frame@example.org")).toBe(1);

    const refusals: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) refusals.push(message.text());
    });
    await page.goto(`${partnerSites.unlisted!.origin}/?frame=${encodeURIComponent(embed)}`);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toContain(`"frame-ancestors 'self' ${partnerSites.listed!.origin}"`);
    expect(refusals[0]).toContain("has been blocked");
    const child = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(child).toBeDefined();
    expect(await child!.locator("input[name=email]").count()).toBe(0);
    await context.close();
  });
});
