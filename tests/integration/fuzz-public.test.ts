import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { badEmail, containsRawMarkup, formBody, fuzzRuns, invalidUtf8, text, value, wrongType } from "./fuzz-inputs";

/**
 * Issue 7 §4: the public endpoints and forms get thousands of generated bad inputs. Every answer is a 4xx
 * with a message (never a 500), nothing is stored, and no submitted markup comes back unescaped.
 */
process.env.RATE_LIMIT = "off";
let server: Awaited<ReturnType<typeof startTestServer>>;
let slug: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ slug } = await createRegistrationEvent({ capacity: 5, waitlistEnabled: true, categories: [{ code: "general", name: "普通" }] }));
});
afterAll(() => server?.close());

async function counts() {
  const db = await prisma();
  const [registrations, emails, idempotency, applications, firms, sessions, users] = await Promise.all([
    db.registration.count(),
    db.emailMessage.count(),
    db.idempotencyRecord.count(),
    db.firmApplication.count(),
    db.firm.count(),
    db.authSession.count(),
    db.user.count(),
  ]);
  return { registrations, emails, idempotency, applications, firms, sessions, users };
}

async function expectJsonError(response: Response, label: string) {
  const body = await response.text();
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  const parsed = JSON.parse(body) as { error?: { message?: string } };
  expect(typeof parsed.error?.message).toBe("string");
  expect(parsed.error!.message!.length).toBeGreaterThan(0);
}

async function expectFormError(response: Response, label: string, allowed = [400, 401, 409, 413, 422, 423]) {
  const html = await response.text();
  expect(allowed, `${label}: ${response.status} ${html.slice(0, 300)}`).toContain(response.status);
  expect(containsRawMarkup(html), `${label}: markup came back unescaped`).toBe(false);
  return html;
}

const registrationBody = fc.record(
  {
    name: value,
    email: badEmail,
    organization: value,
    phone: value,
    jobTitle: value,
    category: value,
    inviteCode: value,
    answers: fc.oneof(value, fc.dictionary(text, value, { maxKeys: 4 })),
    locale: value,
    // Never `true`: every generated submit is invalid for some reason.
    consent: fc.oneof(fc.constant(false), fc.constant("true"), fc.constant(undefined), wrongType),
    website: fc.oneof(fc.constant(undefined), text),
  },
  { requiredKeys: [] },
);

describe("fuzz: registration", () => {
  it("API: bad JSON bodies get a 4xx with a message, nothing stored", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 6, arbitrary: registrationBody }, { weight: 1, arbitrary: wrongType }), fc.option(text, { nil: undefined }), async (body, key) => {
        const headers: Record<string, string> = { "Content-Type": "application/json" };
        if (key !== undefined && /^[\x20-\x7e]*$/.test(key)) headers["Idempotency-Key"] = key;
        const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, { method: "POST", headers, body: JSON.stringify(body) ?? "" });
        await expectJsonError(response, "registration API");
      }),
      { numRuns: fuzzRuns(400) },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("API: bodies that are not UTF-8 or not JSON get a 4xx with a message", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(invalidUtf8, fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"), async (bytes, type) => {
        const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, { method: "POST", headers: { "Content-Type": type }, body: bytes });
        await expectJsonError(response, "registration API bytes");
      }),
      { numRuns: fuzzRuns(150) },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("HTML form: bad submits re-render the form with errors (4xx), escaped, nothing stored", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(registrationBody, async (fields) => {
        const response = await fetch(`${server.baseUrl}/events/${slug}/register`, { method: "POST", body: formBody(fields) });
        await expectFormError(response, "registration form");
      }),
      { numRuns: fuzzRuns(200) },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);
});

const applicationBody = fc.record(
  {
    firmName: value,
    industry: value,
    city: value,
    website: value,
    size: fc.oneof(value, fc.constantFrom("1-49", "50-199")),
    offers: value,
    needs: value,
    contactName: value,
    contactEmail: badEmail,
    contactPhone: value,
    creditCode: fc.oneof(value, fc.constant("91510100MA61R4XX0A")),
    charterVersion: value,
    // Never accepted: every generated application is invalid.
    charterAccepted: fc.oneof(fc.constant(undefined), fc.constant(false), fc.constant("no"), wrongType),
  },
  { requiredKeys: [] },
);

describe("fuzz: programme application", () => {
  it("API: 4xx with a message, nothing stored", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 6, arbitrary: applicationBody }, { weight: 1, arbitrary: wrongType }), async (body) => {
        const response = await fetch(`${server.baseUrl}/api/v1/programme/applications`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) ?? "" });
        await expectJsonError(response, "application API");
      }),
      { numRuns: fuzzRuns(300) },
    );
    await fc.assert(
      fc.asyncProperty(invalidUtf8, async (bytes) => {
        const response = await fetch(`${server.baseUrl}/api/v1/programme/applications`, { method: "POST", headers: { "Content-Type": "application/json" }, body: bytes });
        await expectJsonError(response, "application API bytes");
      }),
      { numRuns: fuzzRuns(80) },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("HTML form /programme/apply: 4xx with errors, escaped, nothing stored", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(applicationBody, async (fields) => {
        const response = await fetch(`${server.baseUrl}/programme/apply`, { method: "POST", body: formBody(fields) });
        await expectFormError(response, "application form");
      }),
      { numRuns: fuzzRuns(250) },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);
});

describe("fuzz: sign-in", () => {
  it("refuses every generated credential with 400/401 and a message; no session, no user", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.record({ email: fc.oneof(value, fc.constant("admin@demo.example.org")), password: value, redirectTo: value }, { requiredKeys: [] }), async (fields) => {
        const response = await fetch(`${server.baseUrl}/login`, { method: "POST", body: formBody(fields), redirect: "manual" });
        const html = await expectFormError(response, "login", [400, 401, 413, 423]);
        expect(html).toMatch(/role="alert"/);
      }),
      { numRuns: fuzzRuns(60) },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);
});
