import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { pageLinks, signInAs, visitAtBothWidths, type PageFindings } from "./journey";

export type Role = {
  role: string;
  credentials: { email: string; password: string };
  home: string;
  /** Also open the tabs of the first event the landing page links to (and the check-in tab's own pages). */
  eventTabs?: boolean;
};

const sideNavigation = 'nav[aria-label="后台导航"]';
const header = 'header nav[aria-label="菜单"]';
const eventTabs = 'nav[aria-label="活动管理"]';

/** One finding per line, "page @width: what", for the pages the check applies to. */
export function describeFindings(href: string, findings: Record<number, PageFindings>): string[] {
  return Object.entries(findings).flatMap(([width, found]) => [
    ...(found.status !== 200 ? [`${href} @${width}: answered ${found.status}`] : []),
    ...(found.codes.length > 0 ? [`${href} @${width}: raw codes ${found.codes.join(", ")}`] : []),
    ...(found.overflow > 0 ? [`${href} @${width}: page ${found.overflow} px wider than the screen`] : []),
    ...found.axe.map((violation) => `${href} @${width}: axe ${violation}`),
  ]);
}

/** Every finding fails the role's test: the page, the width and what was found, one per line. */
export function expectNoFindings(role: string, found: { href: string; lines: string[] }[]) {
  expect(found.flatMap(({ lines }) => lines.map((line) => `[${role}] ${line}`))).toEqual([]);
}

// Public pages look the same signed in; the attendee's journey opens them (tests/e2e/journey-people.test.ts).
const publicPage = /^\/($|programme|events\/)/;

/**
 * A signed-in role's journey: sign in through the form, land at home, then open every link of the header,
 * of the side navigation and of the landing page's main content at 375 px and 1280 px. Links to the same
 * page of another object (a second event's registrations) are opened once: the HTTP sweep of
 * tests/integration/auth-landing.test.ts already asks each of them for its status.
 */
export async function walkRole(browser: Browser, baseUrl: string, { role, credentials, home, eventTabs: withEventTabs = false }: Role): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "zh-CN", baseURL: baseUrl });
  const page: Page = await signInAs(context, baseUrl, credentials);
  expect(new URL(page.url()).pathname).toBe(home);
  // The URL changes a moment before the signed-in page is drawn; its header's account link marks the end.
  await page.locator('header a[href="/account"]').waitFor();
  const shown = [home, ...(await pageLinks(page, header)), ...(await pageLinks(page, sideNavigation)), ...(await pageLinks(page, "main"))];
  const firstEvent = shown.find((href) => /^\/admin\/events\/[^/?]+$/.test(href));
  if (withEventTabs && firstEvent) {
    await page.goto(firstEvent);
    shown.push(...(await pageLinks(page, eventTabs)));
    await page.goto(`${firstEvent}/checkin`);
    shown.push(...(await pageLinks(page, "main")));
  }
  const links = onePerPage(shown.filter((href) => !publicPage.test(new URL(href, baseUrl).pathname)));
  await checkPages(page, role, links);
  await context.close();
  return links;
}

/** A page: its route with the query, ids and slugs set aside ("/admin/events/:id/emails?status=FAILED"). */
function routeOf(href: string): string {
  const url = new URL(href, "http://page.invalid");
  return `${url.pathname.replace(/\/(events|firms)\/[^/]+/g, "/$1/:x").replace(/\/c[a-z0-9]{20,}/g, "/:id")}${url.search}`;
}

/** The first link to each page. */
export function onePerPage(hrefs: string[]): string[] {
  const byPage = new Map<string, string>();
  for (const href of hrefs) if (!byPage.has(routeOf(href))) byPage.set(routeOf(href), href);
  return [...byPage.values()];
}

// axe-core is the slowest check; the same page seen by another role is built from the same markup, so each
// page is audited once per test file.
const audited = new Set<string>();

/** Opens each page at both widths and fails with every finding outside the pages reworked elsewhere. */
export async function checkPages(page: Page, role: string, hrefs: string[]): Promise<void> {
  const found: { href: string; lines: string[] }[] = [];
  for (const href of hrefs) {
    const axe = !audited.has(routeOf(href));
    audited.add(routeOf(href));
    found.push({ href, lines: describeFindings(href, await visitAtBothWidths(page, href, { role, axe })) });
  }
  expectNoFindings(role, found);
}
