import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";

/**
 * What a person sees on one page, checked in a real browser at one width: the answer's status, raw
 * UPPER_CASE codes in the visible text, horizontal overflow of the page, and axe-core's serious and critical
 * findings. Each page also leaves a screenshot in test-results/screenshots/.
 */

export const widths = [375, 1280] as const;
export const screenshotDir = resolve("test-results/screenshots");

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Acronyms people read as words; anything else in capitals with 3+ letters, or with an underscore, is a code.
const acronyms = new Set([
  "API",
  "ICS",
  "QR",
  "CSV",
  "XLSX",
  "URL",
  "PDF",
  "ID",
  "SMTP",
  "OK",
  "HTTP",
  "HTTPS",
  "JSON",
  "XML",
  "PNG",
  "JPEG",
  "AVIF",
  "WEBP",
  "SVG",
  "CEO",
  "CTO",
  "CFO",
  "AI",
  "IT",
  "UTC",
  "GMT",
  "CST",
  "FAQ",
  "PIN",
  "SMS",
  "VIP",
  "DIY",
  "AGI",
  "LLM",
  "GPU",
  "CPU",
  "RAG",
  "SDK",
  "SSO",
  "KPI",
  "ROI",
  "HR",
  "PR",
  "WAIC",
  "OpenAPI",
  "ISO",
  "UTF",
  "GB",
  "GBK",
  "BOM",
  "GIF",
  "MIIT",
]);
// Text meant to be copied or typed exactly (ticket codes, invite codes, tokens) is not prose.
const literalText = "code, kbd, samp, pre, [data-testid=ticket-code], [data-testid=new-token], .font-mono";

export type PageFindings = { status: number | null; codes: string[]; overflow: number; axe: string[]; overflowing?: string[] };

export async function rawCodes(page: Page): Promise<string[]> {
  const text = await page.evaluate((literal) => {
    let visible = document.body.innerText;
    for (const element of document.querySelectorAll<HTMLElement>(literal)) if (element.innerText) visible = visible.split(element.innerText).join(" ");
    return visible;
  }, literalText);
  const found = text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{3,}\b/g) ?? [];
  return [...new Set(found.filter((word) => !acronyms.has(word)))];
}

/** How many pixels the page is wider than the viewport (0 when nothing overflows). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** The innermost elements reaching past the right edge of the screen ("input#import-file"), to say what overflows. */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const past = (element: Element) => element.getBoundingClientRect().right > window.innerWidth + 0.5;
    return [...document.body.querySelectorAll("*")]
      .filter((element) => past(element) && ![...element.children].some(past))
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.classList.length > 0 ? `.${[...element.classList].slice(0, 3).join(".")}` : ""}`);
  });
}

/** axe-core's serious and critical violations, one line each: rule, impact, the first few elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Injected as source: the pages' CSP forbids loading scripts from elsewhere.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    // WCAG 2.1 A and AA: what "accessible" is held to; axe's best-practice rules are advice beyond it.
    const result = await axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}) ×${violation.targets.length}: ${violation.targets.slice(0, 3).join(" ")}`);
}

/** A file name for a page: its path and query, lower-case, without ids that change from run to run. */
export function pageName(href: string): string {
  const url = new URL(href, "http://page.invalid");
  const name = `${url.pathname}${url.search}`
    .replace(/\/c[a-z0-9]{20,}/g, "/item")
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return name === "" ? "home" : name.slice(0, 80);
}

/** Writes the screenshot of the current page: test-results/screenshots/<role>-<page>-<width>.png. */
export async function screenshot(page: Page, role: string, name: string, width: number) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${role}-${name}-${width}.png`), fullPage: true });
}

/** Links of one part of the page (a navigation, the main content) that lead to another page of this site. */
export async function pageLinks(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.flatMap((element) =>
        [...(element.matches("a[href]") ? [element] : element.querySelectorAll("a[href]"))]
          .filter((link) => !link.hasAttribute("download") && link.getAttribute("target") !== "_blank")
          .map((link) => (link as HTMLAnchorElement).href),
      ),
    );
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !/\/(export|template)$|\.(ics|json|xml|csv|xlsx|png)$|^\/api\//.test(url.pathname))
    .map((url) => `${url.pathname}${url.search}`);
}

/**
 * Opens a page once and checks it at each width: loaded at the phone width, then widened to the desktop
 * width (CSS lays the same document out again, so the server is asked once per page, not once per width).
 * axe-core, the slowest check, runs at the widths in `axeAt`.
 */
export async function visitAtBothWidths(page: Page, href: string, { role, axeAt }: { role: string; axeAt: readonly number[] }): Promise<Record<number, PageFindings>> {
  await page.setViewportSize({ width: widths[0], height: 812 });
  const response = await page.goto(href, { waitUntil: "load" });
  const findings: Record<number, PageFindings> = {};
  const name = pageName(href);
  for (const width of widths) {
    if (width !== widths[0]) await page.setViewportSize({ width, height: 900 });
    const wider = await overflow(page);
    findings[width] = {
      status: response?.status() ?? null,
      codes: await rawCodes(page),
      overflow: wider,
      overflowing: wider > 0 ? await overflowing(page) : [],
      axe: axeAt.includes(width) ? await axeViolations(page) : [],
    };
    await screenshot(page, role, name, width);
  }
  return findings;
}

/** Signs in through the real form in a fresh context and returns the page on the role's landing. */
export async function signInAs(context: BrowserContext, baseUrl: string, credentials: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`, { waitUntil: "networkidle" });
  await page.fill("#field-email", credentials.email);
  await page.fill("#field-password", credentials.password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.click("button[type=submit]")]);
  await page.waitForLoadState("load");
  return page;
}
