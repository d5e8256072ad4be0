import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { catalog, locales, type MessageKey } from "~/i18n";
import { audit, auditActions } from "~/models/audit.server";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";
import { withoutScripts } from "../support/html";

/**
 * Issue 14 §4 and §12 over real HTTP: the audit log reads as sentences with working filters, the main
 * back-office pages in English print no raw codes, and page titles are in one language.
 */

vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: CookieJar;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  admin = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
});
afterAll(() => server?.close());

function inLocale(jar: CookieJar, locale: string) {
  jar.store(new Response(null, { headers: { "Set-Cookie": `lang=${locale}; Path=/` } }));
  return jar;
}

/** What a person reads: the page without scripts (route data carries raw codes by design), styles and tags. */
function visibleText(html: string): string {
  return (
    withoutScripts(html)
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      // Codes an organizer chose (category and invite codes) are data, shown as code on purpose.
      .replace(/<code[\s\S]*?<\/code>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
  );
}

async function page(jar: CookieJar, path: string) {
  const response = await jar.fetch(`${server.baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe("the audit log", () => {
  it("has a label and a sentence for every action, in both languages", () => {
    for (const locale of locales) {
      for (const action of auditActions) {
        expect(catalog(locale)[`audit.action.${action}` as MessageKey], `${locale} label of ${action}`).toBeTruthy();
        expect(catalog(locale)[`audit.sentence.${action}` as MessageKey], `${locale} sentence of ${action}`).toBeTruthy();
      }
    }
  });

  it("shows every action as a sentence, never as its code, with local times and the zone", async () => {
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.admin.email } });
    for (const action of auditActions) await audit({ action, actorUserId: user.id, targetType: "user", targetId: user.id });
    const jar = inLocale(admin, "en");
    const text = visibleText(await page(jar, "/admin/audit"));
    for (const action of auditActions) expect(text, action).not.toContain(action);
    expect(text).toContain("signed in");
    expect(text).toMatch(/Asia\/Shanghai/);
    const zh = visibleText(await page(inLocale(admin, "zh-CN"), "/admin/audit"));
    expect(zh).toContain("登录了");
  });

  it("filters by action, actor and date range", async () => {
    const db = await prisma();
    const [adminUser, organizer] = await Promise.all([db.user.findUniqueOrThrow({ where: { email: demo.admin.email } }), db.user.findUniqueOrThrow({ where: { email: demo.organizer.email } })]);
    const firm = await db.firm.findFirstOrThrow();
    await audit({ action: "firm.export", actorUserId: organizer.id });
    await audit({ action: "firm.status_changed", actorUserId: adminUser.id, targetType: "firm", targetId: firm.id });
    const old = await db.auditLog.create({ data: { action: "firm.logo_updated", actorUserId: organizer.id, targetType: "firm", targetId: firm.id, at: new Date("2024-03-02T04:00:00Z") } });
    const jar = inLocale(admin, "en");
    const entries = (html: string) => html.match(/data-testid="audit-entries"[\s\S]*?<\/ol>/)?.[0] ?? "";

    const byAction = visibleText(entries(await page(jar, "/admin/audit?action=firm.export")));
    expect(byAction).toContain("exported the firm directory");
    expect(byAction).not.toContain("changed");

    const byActor = entries(await page(jar, `/admin/audit?actor=${organizer.id}&action=firm.status_changed`));
    expect(byActor).toBe("");

    const byDay = visibleText(entries(await page(jar, "/admin/audit?from=2024-03-02&to=2024-03-02")));
    expect(byDay).toContain(firm.nameEn || firm.name);
    expect(byDay).toContain("2024");
    const outside = entries(await page(jar, "/admin/audit?from=2024-03-03&to=2024-03-05"));
    expect(outside).toBe("");
    expect(old.id).toBeTruthy();

    const linked = await page(jar, "/admin/audit?action=firm.status_changed");
    expect(linked).toContain(`href="/admin/firms/${firm.id}"`);
  });
});

// Acronyms people read as words; everything else in capitals with two or more letters is a leaked code.
const acronyms = new Set([
  "API",
  "ICS",
  "QR",
  "CSV",
  "XLSX",
  "URL",
  "PDF",
  "ID",
  "IP",
  "CEO",
  "AI",
  "UTC",
  "GMT",
  "HTTP",
  "HTTPS",
  "JSON",
  "XML",
  "SMTP",
  "SMTP_URL",
  "OK",
  "HMAC",
  "SHA",
  "MIIT",
  "AM",
  "PM",
  "PNG",
  "JPEG",
  "KB",
  "MB",
]);

function rawCodes(text: string): string[] {
  return [...new Set([...text.matchAll(/\b[A-Z]{2,}_?[A-Z]*\b/g)].map((match) => match[0]).filter((word) => !acronyms.has(word)))];
}

describe("the back office in English", () => {
  it("prints no raw codes on its main pages", async () => {
    const db = await prisma();
    const event = await db.event.findFirstOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    const firm = await db.firm.findFirstOrThrow();
    const application = await db.firmApplication.findFirst();
    const jar = inLocale(admin, "en");
    const paths = [
      "/admin",
      "/admin/events",
      `/admin/events/${event.id}`,
      `/admin/events/${event.id}/registrations`,
      `/admin/events/${event.id}/registration-settings`,
      `/admin/events/${event.id}/agenda`,
      `/admin/events/${event.id}/emails`,
      `/admin/events/${event.id}/access`,
      `/admin/events/${event.id}/checkin`,
      "/admin/firms",
      `/admin/firms/${firm.id}`,
      "/admin/applications",
      ...(application ? [`/admin/applications/${application.id}`] : []),
      "/admin/onboarding",
      "/admin/speakers",
      "/admin/series",
      "/admin/emails",
      "/admin/access",
      "/admin/audit",
      "/admin/webhooks",
    ];
    const found: string[] = [];
    for (const path of paths) {
      const codes = rawCodes(visibleText(await page(jar, path)));
      if (codes.length) found.push(`${path}: ${codes.join(", ")}`);
    }
    expect(found).toEqual([]);
  });
});

describe("page titles", () => {
  const cjk = /[\u3400-\u9fff]/;
  it("are in one language per page", async () => {
    const db = await prisma();
    const event = await db.event.findFirstOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    const paths = ["/login", "/programme", "/admin", "/admin/audit", "/admin/firms", `/events/${event.slug}`];
    for (const locale of ["en", "zh-CN"]) {
      for (const path of paths) {
        const jar = inLocale(path.startsWith("/admin") ? admin : new CookieJar(), locale);
        const title = (await page(jar, path)).match(/<title>([^<]*)<\/title>/)?.[1] ?? "";
        expect(title, `${locale} ${path}`).not.toBe("");
        if (locale === "en") expect(title, `${locale} ${path}`).not.toMatch(cjk);
        else expect(title, `${locale} ${path}`).toMatch(cjk);
      }
    }
  });
});
