import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, pageLinks, rawCodes, signInAs, visitAtBothWidths, widths, type PageFindings } from "./journey";

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
export function describeFindings(href: string, findings: Record<string, PageFindings>): string[] {
  return Object.entries(findings).flatMap(([width, found]) => [
    ...(found.status !== 200 ? [`${href} @${width}: answered ${found.status}`] : []),
    ...(found.codes.length > 0 ? [`${href} @${width}: raw codes ${found.codes.join(", ")}`] : []),
    ...(found.overflow > 0 ? [`${href} @${width}: page ${found.overflow} px wider than the screen (${found.overflowing?.join(", ") || "?"})`] : []),
    ...found.axe.map((violation) => `${href} @${width}: axe ${violation}`),
  ]);
}

/** Every finding fails the role's test: the page, the width and what was found, one per line. */
export function expectNoFindings(role: string, found: { href: string; lines: string[] }[]) {
  expect(found.flatMap(({ lines }) => lines.map((line) => `[${role}] ${line}`))).toEqual([]);
}

// Public pages look the same signed in; the attendee's journey opens them (tests/e2e/journey-people.test.ts).
const publicPage = /^\/($|programme|events\/)/;

// Pages reached from a page the journey opens rather than from a navigation: one of each kind is opened
// (the first link in the main content), so the back office's detail and creation pages are checked too.
const detailPages = [/^\/admin\/(firms|applications|speakers|webhooks|series)\/[^/]+$/, /^\/admin\/events\/new$/, /^\/admin\/events\/[^/]+\/registrations\/[^/]+$/];
// With `eventTabs`: the tabs of the event and the check-in tab's own pages (lists, badges).
const eventPages = /^\/admin\/events\/[^/]+\/[a-z-]+(\/(lists|badges))?$/;

/**
 * A signed-in role's journey: sign in through the form, land at home, then open every link of the header,
 * of the side navigation and of the landing page's main content at 375 px and 1280 px, and from the pages
 * opened one link to each detail page (a firm, an application, a registration …). Links to the same page of
 * another object (a second event's registrations) are opened once: the HTTP sweep of
 * tests/integration/auth-landing.test.ts already asks each of them for its status.
 */
export async function walkRole(browser: Browser, baseUrl: string, { role, credentials, home, eventTabs: withEventTabs = false }: Role): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: widths[0], height: 812 }, locale: "zh-CN", baseURL: baseUrl });
  const page: Page = await signInAs(context, baseUrl, credentials);
  expect(new URL(page.url()).pathname).toBe(home);
  // The URL changes a moment before the signed-in page is drawn; its header's account link marks the end.
  await page.locator('header a[href="/account"]').waitFor();
  const shown = [home, ...(await pageLinks(page, header)), ...(await pageLinks(page, sideNavigation)), ...(await pageLinks(page, "main"))];
  // A list's filters lead to the same page with another query: only links without one are followed.
  const follow = (href: string) => !href.includes("?") && (detailPages.some((pattern) => pattern.test(href)) || (withEventTabs && eventPages.test(href)));
  const links = await checkPages(page, role, onePerPage(shown.filter((href) => !publicPage.test(new URL(href, baseUrl).pathname))), { follow, home });
  await context.close();
  return links;
}

/** A page: its route with the query, ids and slugs set aside ("/admin/events/:id/emails?status=FAILED"). */
function routeOf(href: string): string {
  const url = new URL(href, "http://page.invalid");
  const path = url.pathname.replace(/\/(events|firms)\/(?!new$)[^/]+/g, "/$1/:x").replace(/\/(c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f-]{27})(?=\/|$)/g, "/:id");
  return `${path}${url.search}`;
}

/** A page's template: its route without the query (the filters of a list draw the same markup). */
const templateOf = (href: string) => routeOf(href).split("?")[0];

/** The first link to each page. */
export function onePerPage(hrefs: string[]): string[] {
  const byPage = new Map<string, string>();
  for (const href of hrefs) if (!byPage.has(routeOf(href))) byPage.set(routeOf(href), href);
  return [...byPage.values()];
}

// What a test file has drawn already. A page another role has drawn is built from the same markup: a later
// role only asks for its status (the link must open for that role too). axe-core, the slowest check, runs
// once per page in Chinese at the phone width, and once per template (a list with other filters is the same
// markup) in English at the desktop width: each template is audited in both languages and at both widths.
const drawn = new Set<string>();
const auditedInEnglish = new Set<string>();

/**
 * Opens each page at both widths (in zh-CN) and fails with every finding. `follow` picks the links of each
 * page's main content (and event tabs) to open as well, one per page; the role's `home` is always drawn (it
 * differs by role). Returns the pages opened.
 */
export async function checkPages(page: Page, role: string, hrefs: string[], { follow = () => false, home }: { follow?: (href: string) => boolean; home?: string } = {}): Promise<string[]> {
  const queue = [...hrefs];
  const queued = new Set(queue.map(routeOf));
  const found: { href: string; lines: string[] }[] = [];
  for (let index = 0; index < queue.length; index++) {
    const href = queue[index];
    if (drawn.has(routeOf(href)) && href !== home) {
      found.push({ href, lines: describeFindings(href, { any: await statusOnly(page, href) }) });
      continue;
    }
    drawn.add(routeOf(href));
    const findings: Record<string, PageFindings> = { ...(await visitAtBothWidths(page, href, { role, axeAt: [widths[0]] })) };
    for (const next of await pageLinks(page, `main, ${eventTabs}`)) {
      if (follow(next) && !queued.has(routeOf(next))) {
        queued.add(routeOf(next));
        queue.push(next);
      }
    }
    if (!auditedInEnglish.has(templateOf(href))) {
      auditedInEnglish.add(templateOf(href));
      findings[`${widths[1]} en`] = await inEnglish(page);
    }
    found.push({ href, lines: describeFindings(href, findings) });
  }
  expectNoFindings(role, found);
  return queue;
}

/** The status of a page for this role, asked over HTTP with the role's session (no drawing). */
async function statusOnly(page: Page, href: string): Promise<PageFindings> {
  const response = await page.request.get(href);
  const signIn = new URL(response.url()).pathname === "/login";
  return { status: signIn ? 401 : response.status(), codes: [], overflow: 0, axe: [] };
}

/** The current page again in English at the desktop width: raw codes and axe-core (the layout is zh's). */
async function inEnglish(page: Page): Promise<PageFindings> {
  const url = page.url();
  await page.context().addCookies([{ name: "lang", value: "en", url }]);
  const response = await page.reload({ waitUntil: "load" });
  const findings = { status: response?.status() ?? null, codes: await rawCodes(page), overflow: 0, axe: await axeViolations(page) };
  await page.context().addCookies([{ name: "lang", value: "zh-CN", url }]);
  return findings;
}
