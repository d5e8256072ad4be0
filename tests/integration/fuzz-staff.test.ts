import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "~/models/registration-write.server";
import { prisma } from "~/models/store/connection.server";
import { addRegistration, createEventFixture, staffUser, tokenFor } from "../support/checkin-fixtures";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { CookieJar, startTestServer } from "../support/server";
import { signIn } from "../support/staff";
import { containsRawMarkup, fuzzRuns, invalidUtf8, text, value, wrongType, xssMarkers } from "./fuzz-inputs";

/**
 * Issue 7 §4 for the staff side: the check-in API (single and batch) and the CSV import, plus the pages that
 * show user-provided text, which must never carry it unescaped.
 */
process.env.RATE_LIMIT = "off";
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createEventFixture>>;
let token: string;
let organizer: CookieJar;

beforeAll(async () => {
  server = await startTestServer();
  fx = await createEventFixture();
  for (let i = 0; i < 5; i++) await addRegistration(fx.event.id);
  token = await tokenFor(fx.event.slug);
  const staff = await staffUser(fx.event.slug, "ORGANIZER");
  organizer = await signIn(server.baseUrl, staff.email, staff.password);
});
afterAll(() => server?.close());

async function admissions() {
  const db = await prisma();
  const [registrations, presence, decided] = await Promise.all([db.registration.count(), db.checkInPresence.count(), db.checkIn.count({ where: { result: { not: "INVALID" } } })]);
  return { registrations, presence, decided };
}

const scanBody = fc.record(
  {
    code: fc.oneof(value, fc.constant("https://evil.example/?code=<script>fuzzxss()</script>")),
    registrationId: value,
    nonce: fc.oneof(fc.uuid().map(String), value),
    deviceId: value,
    direction: fc.oneof(value, fc.constantFrom("entry", "exit")),
    scannedAt: fc.oneof(
      value,
      fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid" : date.toISOString())),
    ),
    list: value,
    event: value,
    offline: value,
  },
  { requiredKeys: [] },
);

async function expectDecisionOr4xx(response: Response, label: string) {
  const body = await response.text();
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  const parsed = JSON.parse(body) as { result?: string; results?: { result?: string; error?: unknown }[]; error?: { message?: string } };
  if (response.status >= 400) expect(parsed.error?.message?.length, label).toBeGreaterThan(0);
  else if (parsed.results) for (const item of parsed.results) expect(item.result === undefined || item.result === "invalid", label).toBe(true);
  else expect(parsed.result, `${label}: ${body.slice(0, 300)}`).toBe("invalid");
}

describe("fuzz: check-in API", () => {
  it("single scans: a defined answer (invalid or 4xx with a message), nobody admitted", async () => {
    const before = await admissions();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 8, arbitrary: scanBody }, { weight: 1, arbitrary: wrongType }), async (body) => {
        const response = await fetch(`${server.baseUrl}/api/v1/checkin`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify(body) ?? "",
        });
        await expectDecisionOr4xx(response, "scan");
      }),
      { numRuns: fuzzRuns(400) },
    );
    await fc.assert(
      fc.asyncProperty(invalidUtf8, async (bytes) => {
        const response = await fetch(`${server.baseUrl}/api/v1/checkin`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: bytes });
        await expectDecisionOr4xx(response, "scan bytes");
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: fuzzRuns(80) },
    );
    expect(await admissions()).toEqual(before);
  }, 120_000);

  it("batches (offline queues): a defined answer per scan or a 4xx, nobody admitted", async () => {
    const before = await admissions();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ deviceId: value, list: value, event: value, scans: fc.oneof(value, fc.array(fc.oneof(scanBody, wrongType), { maxLength: 20 })) }, { requiredKeys: [] }),
        async (body) => {
          const response = await fetch(`${server.baseUrl}/api/v1/checkin/batch`, {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
            body: JSON.stringify(body),
          });
          await expectDecisionOr4xx(response, "batch");
        },
      ),
      { numRuns: fuzzRuns(150) },
    );
    expect(await admissions()).toEqual(before);
  }, 120_000);
});

describe("fuzz: CSV import", () => {
  const cell = text.map((t) => (/[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t));
  const row = fc.array(cell, { minLength: 0, maxLength: 8 }).map((cells) => cells.join(","));
  // Every row's e-mail is broken, so no row is importable whatever the rest says.
  const csv = fc.oneof(
    fc.array(row, { minLength: 1, maxLength: 12 }).map((rows) => rows.join("\n")),
    fc
      .array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 12 })
      .map((rows) => ["name,email,organization,phone,jobTitle,category", ...rows.map(([name, email, org]) => `${name},"${email.replace(/"/g, "")} x@",${org}`)].join("\n")),
  );

  it("imports nothing from generated bad CSV (text field or uploaded bytes), never a 500, escaped", async () => {
    const before = await admissions();
    const url = `${server.baseUrl}/admin/events/${fx.event.id}/registrations/import`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csv.map((content) => ({ content })),
          invalidUtf8.map((bytes) => ({ bytes })),
        ),
        fc.constantFrom("import", "dry-run"),
        fc.boolean(),
        async (input, intent, asFile) => {
          const form = new FormData();
          form.set("intent", intent);
          if ("bytes" in input || asFile) form.set("file", new Blob(["bytes" in input ? input.bytes : input.content], { type: "text/csv" }), "guests.csv");
          else form.set("csv", input.content);
          const response = await organizer.fetch(url, { method: "POST", body: form });
          const html = await response.text();
          expect([200, 413, 422], `${response.status} ${html.slice(0, 300)}`).toContain(response.status);
          expect(containsRawMarkup(html)).toBe(false);
        },
      ),
      { numRuns: fuzzRuns(80) },
    );
    expect(await admissions()).toEqual(before);
  }, 120_000);
});

describe("stored user text is escaped wherever it is shown", () => {
  it("registration with markup in every field: manage page, back-office list, e-mail log, check-in search", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10 });
    const answer = await register({
      slug,
      input: { name: xssMarkers[0], email: "xss@example.org", organization: xssMarkers[1], jobTitle: xssMarkers[0], consent: true },
    });
    const manage = await fetch(answer.body.registration.manageUrl!.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    expect(manage.status).toBe(200);
    const manageHtml = await manage.text();
    expect(manageHtml).toContain("fuzzxss");
    expect(containsRawMarkup(manageHtml)).toBe(false);

    const staff = await staffUser(slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, staff.email, staff.password);
    for (const path of [`/admin/events/${event.id}/registrations`, `/admin/events/${event.id}/emails`, `/api/v1/events/${slug}/checkin/search?q=fuzzxss`]) {
      const response = await jar.fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      // The e-mail log lists address and subject only; the other two show the name.
      if (!path.endsWith("/emails")) expect(body, path).toContain("fuzzxss");
      // JSON is data, not markup: it may carry the text as is, but only ever as application/json (with nosniff).
      if (path.startsWith("/api/")) expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      else expect(containsRawMarkup(body), path).toBe(false);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
  });
});
