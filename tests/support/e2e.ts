import { afterAll, beforeAll } from "vitest";
import type { Browser, LaunchOptions, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { startTestServer } from "./server";

type Setup = {
  /** Data the test needs before the server starts (the demo seed, a fixture event). */
  before?: () => Promise<void>;
  checkInWriter?: boolean;
  /** Extra Chromium options; may be computed in `before` (a fake camera's file). */
  launch?: () => LaunchOptions;
  after?: () => Promise<void> | void;
};

export type BrowserAndServer = { readonly baseUrl: string; readonly browser: Browser };

/**
 * The one set-up of the end-to-end files: a real server on a free port and Debian's Chromium, started once
 * for the file and closed after it (also when the set-up itself failed half-way).
 */
export function browserAndServer(setup: Setup = {}): BrowserAndServer {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await setup.before?.();
    server = await startTestServer({ checkInWriter: setup.checkInWriter ?? false });
    browser = await launchChromium(setup.launch?.() ?? {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await setup.after?.();
  });
  return {
    get baseUrl() {
      if (!server) throw new Error("The test server is not running (beforeAll failed?)");
      return server.baseUrl;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is not running (beforeAll failed?)");
      return browser;
    },
  };
}

/** Signs in through the real form and waits until the page behind it (`redirectTo`) has loaded. */
export async function signIn(page: Page, baseUrl: string, credentials: { email: string; password: string }, redirectTo = "/admin") {
  await page.goto(`${baseUrl}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.fill("#field-email", credentials.email);
  await page.fill("#field-password", credentials.password);
  await Promise.all([page.waitForURL((url) => url.pathname === redirectTo.split("?")[0]), page.click("button[type=submit]")]);
}
