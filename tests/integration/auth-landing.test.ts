import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { demo } from "../support/staff";

/**
 * Issue 14 §1: each demo role signs in through the real form and lands at its home; every link of the
 * header and of the back office's side navigation on that page opens for that role (no 403, no 404), and so
 * does every figure of the back-office dashboard.
 */

// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

async function signInTo(credentials: { email: string; password: string }, redirectTo?: string) {
  const jar = new CookieJar();
  const response = await jar.fetch(`${server.baseUrl}/login`, { method: "POST", body: new URLSearchParams({ ...credentials, ...(redirectTo === undefined ? {} : { redirectTo }) }) });
  expect(response.status).toBe(302);
  return { jar, location: response.headers.get("Location") };
}

function hrefsIn(html: string, block: RegExp): string[] {
  const found = html.match(block)?.[0] ?? "";
  return [...found.matchAll(/href="([^"#][^"]*)"/g)].map((match) => match[1].replaceAll("&amp;", "&"));
}

const roles = [
  { who: "admin", credentials: demo.admin, home: "/admin" },
  { who: "organizer of all events", credentials: demo.organizer, home: "/admin" },
  { who: "organizer of one event", credentials: demo.shanghaiOrganizer, home: "/admin" },
  { who: "check-in staff", credentials: demo.checkin, home: "/checkin" },
  { who: "firm contact", credentials: demo.firm, home: "/firm" },
] as const;

describe("each role lands at home, and every link it is shown opens", () => {
  for (const { who, credentials, home } of roles) {
    it(`${who} lands at ${home}; header, side navigation and dashboard figures all open`, async () => {
      const { jar, location } = await signInTo(credentials);
      expect(location).toBe(home);
      const landing = await jar.fetch(`${server.baseUrl}${home}`);
      expect(landing.status).toBe(200);
      const html = await landing.text();
      const header = hrefsIn(html, /<header[\s\S]*?<\/header>/);
      const side = hrefsIn(html, /<nav aria-label="后台导航"[\s\S]*?<\/nav>/);
      const figures = home === "/admin" ? hrefsIn(html, /<main[\s\S]*?<\/main>/).filter((href) => href.startsWith("/admin")) : [];
      expect(header).toContain("/account");
      if (home === "/admin") expect(side.length).toBeGreaterThan(2);
      const links = [...new Set([...header, ...side, ...figures])];
      const answers = await Promise.all(links.map(async (href) => [href, (await jar.fetch(`${server.baseUrl}${href}`)).status] as const));
      expect(answers.filter(([, status]) => status !== 200)).toEqual([]);
    });
  }

  it("shows each role only the sections it may open", async () => {
    const sideOf = async (credentials: { email: string; password: string }) => {
      const { jar } = await signInTo(credentials);
      return hrefsIn(await (await jar.fetch(`${server.baseUrl}/admin`)).text(), /<nav aria-label="后台导航"[\s\S]*?<\/nav>/);
    };
    expect(await sideOf(demo.admin)).toEqual(expect.arrayContaining(["/admin/emails", "/admin/audit", "/admin/access", "/admin/applications"]));
    const organizerOfOne = await sideOf(demo.shanghaiOrganizer);
    expect(organizerOfOne).toEqual(["/admin", "/admin/events", "/admin/speakers", "/admin/emails", "/admin/webhooks"]);
  });

  it("an organizer of one event sees only that event's figures on the dashboard, and no programme queues", async () => {
    const { jar } = await signInTo(demo.shanghaiOrganizer);
    const html = await (await jar.fetch(`${server.baseUrl}/admin`)).text();
    const shanghai = await (await prisma()).event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    const eventIds = new Set([...html.matchAll(/href="\/admin\/events\/([^/"?]+)/g)].map((match) => match[1]));
    expect([...eventIds]).toEqual([shanghai.id]);
    expect(html).toContain(`/admin/events/${shanghai.id}/registrations?status=PENDING_APPROVAL`);
    expect(html).not.toContain("/admin/applications");
    expect(html).not.toContain("/admin/emails?status=FAILED");
  });

  it("follows a redirectTo the role may open, and sends it home from one it may not", async () => {
    expect((await signInTo(demo.shanghaiOrganizer, "/admin/speakers")).location).toBe("/admin/speakers");
    expect((await signInTo(demo.firm, "/admin")).location).toBe("/firm");
    expect((await signInTo(demo.checkin, "/admin")).location).toBe("/checkin");
    expect((await signInTo(demo.shanghaiOrganizer, "/admin/audit")).location).toBe("/admin");
    expect((await signInTo(demo.firm, "//evil.example/")).location).toBe("/firm");
  });

  it("sends check-in staff who open the back office to the scanner", async () => {
    const { jar } = await signInTo(demo.checkin);
    const backOffice = await jar.fetch(`${server.baseUrl}/admin`);
    expect(backOffice.status).toBe(302);
    expect(backOffice.headers.get("Location")).toBe("/checkin");
  });
});
