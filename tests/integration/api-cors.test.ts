import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/models/store/connection.server";
import { createEventFixture, staffUser } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { signIn } from "../support/staff";

/**
 * Partner CORS (ALLOWED_ORIGINS) on both HTTP paths, and the API's one error shape for what no route
 * answers: unknown paths, unsupported methods, refused origins (issue 16 §1, §3).
 */
const partner = "http://partner.example";
const stranger = "http://stranger.example";
process.env.ALLOWED_ORIGINS = `${partner}, http://other-partner.example`;

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let server: Awaited<ReturnType<typeof startTestServer>>;
let slug: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ slug } = await createRegistrationEvent({ capacity: 20 }));
});
afterAll(() => server?.close());

const url = (path: string) => `${server.baseUrl}${path}`;

function preflight(path: string, origin: string, method = "POST") {
  return fetch(url(path), { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "content-type, idempotency-key" } });
}

function register(origin: string | null, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url(`/api/v1/events/${slug}/registrations`), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(origin ? { Origin: origin } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

function expectErrorShape(body: unknown, code: string) {
  const { error } = body as ErrorBody;
  expect(Object.keys(body as object)).toEqual(["error"]);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
}

describe("preflight", () => {
  it("answers a listed origin's preflight for the registration POST: 204, that origin, POST, its headers, a max-age, never credentials", async () => {
    const response = await preflight(`/api/v1/events/${slug}/registrations`, partner);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(partner);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    expect(allowed).toContain("content-type");
    expect(allowed).toContain("idempotency-key");
    expect(allowed).not.toContain("authorization");
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("answers a listed origin's preflight for the public reads with GET and HEAD", async () => {
    for (const path of ["/api/v1/events", `/api/v1/events/${slug}`, `/api/v1/events/${slug}/agenda.ics`, "/api/v1/programme"]) {
      const response = await preflight(path, "http://other-partner.example", "GET");
      expect(response.status, path).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("http://other-partner.example");
      expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    }
  });

  it("refuses the preflight of an unlisted origin, and a listed origin's on staff endpoints: 405 JSON with Allow, no CORS header", async () => {
    for (const [path, origin] of [
      [`/api/v1/events/${slug}/registrations`, stranger],
      ["/api/v1/events", stranger],
      ["/api/v1/checkin", partner],
      [`/api/v1/events/${slug}/checkin/stats`, partner],
      ["/api/v1/programme/applications", partner],
    ]) {
      const response = await preflight(path, origin);
      expect(response.status, path).toBe(405);
      expect(response.headers.get("allow"), path).toMatch(/^(GET, HEAD|POST|GET, HEAD, POST)$/);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expectErrorShape(await response.json(), "method_not_allowed");
    }
  });
});

describe("requests from partner origins", () => {
  it("lets a listed origin read the public event API, and only that origin; Vary: Origin for every caller", async () => {
    const fromPartner = await fetch(url(`/api/v1/events/${slug}`), { headers: { Origin: partner } });
    expect(fromPartner.status).toBe(200);
    expect(fromPartner.headers.get("access-control-allow-origin")).toBe(partner);
    expect(fromPartner.headers.get("access-control-allow-credentials")).toBeNull();
    expect(fromPartner.headers.get("vary")).toContain("Origin");
    const fromStranger = await fetch(url(`/api/v1/events/${slug}`), { headers: { Origin: stranger } });
    expect(fromStranger.headers.get("access-control-allow-origin")).toBeNull();
    const direct = await fetch(url("/api/v1/events"));
    expect(direct.headers.get("access-control-allow-origin")).toBeNull();
    expect(direct.headers.get("vary")).toContain("Origin");
  });

  it("takes a registration from a listed origin on the hot path, readable by it; an unlisted origin gets 403 bad_origin in its language", async () => {
    const accepted = await register(partner, person(1), { "Idempotency-Key": "partner-1" });
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get("access-control-allow-origin")).toBe(partner);
    expect(accepted.headers.get("access-control-allow-credentials")).toBeNull();
    // The hot path's own policy: this answer came from app/server/hot-endpoints.ts, not express.
    expect(accepted.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(((await accepted.json()) as { registration: { status: string } }).registration.status).toBe("confirmed");

    const refused = await register(stranger, person(2), { "Accept-Language": "en" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const body = (await refused.json()) as ErrorBody;
    expectErrorShape(body, "bad_origin");
    expect(body.error.message).toMatch(/did not come from this site/);
    const db = await prisma();
    expect(await db.registration.count({ where: { email: person(2).email } })).toBe(0);
  });

  it("answers a partner's refused registration in the one shape, readable by the partner", async () => {
    const response = await register(partner, { name: "" });
    expect(response.status).toBe(422);
    expect(response.headers.get("access-control-allow-origin")).toBe(partner);
    expectErrorShape(await response.json(), "invalid_input");
  });

  it("keeps every other POST same-site: a listed origin cannot apply to the programme or scan tickets", async () => {
    for (const path of ["/api/v1/programme/applications", "/api/v1/checkin"]) {
      const response = await fetch(url(path), { method: "POST", headers: { "Content-Type": "application/json", Origin: partner }, body: "{}" });
      expect(response.status, path).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("never authenticates a partner-origin request with the session cookie", async () => {
    const { event } = await createEventFixture();
    const staff = await staffUser(event.slug);
    const jar = await signIn(server.baseUrl, staff.email, staff.password);
    const stats = `/api/v1/events/${event.slug}/checkin/stats`;
    expect((await jar.fetch(url(stats))).status).toBe(200);
    const fromPartner = await jar.fetch(url(stats), { headers: { Origin: partner } });
    expect(fromPartner.status).toBe(401);
    expect(fromPartner.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the API's one error shape for what no route answers", () => {
  it("answers unknown paths under /api/ with a JSON 404 in the reader's language, whatever the method", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/nothing-here"],
      ["GET", `/api/v1/events/${slug}/no-such-export`],
      ["POST", "/api/v2/events"],
      ["DELETE", "/api"],
    ]) {
      const response = await fetch(url(path), { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as ErrorBody;
      expectErrorShape(body, "not_found");
      expect(body.error.message).toContain("没有这个接口");
    }
    const english = (await (await fetch(url("/api/v1/nothing-here"), { headers: { "Accept-Language": "en-GB,en;q=0.9" } })).json()) as ErrorBody;
    expect(english.error.message).toBe("There is no API endpoint at /api/v1/nothing-here. See /api/docs for the API reference.");
  });

  it("answers a method a route does not serve with a JSON 405 and Allow", async () => {
    for (const [method, path, allow] of [
      ["PUT", "/api/v1/events", "GET, HEAD"],
      ["POST", `/api/v1/events/${slug}`, "GET, HEAD"],
      ["DELETE", "/api/v1/programme", "GET, HEAD"],
      ["PATCH", `/api/v1/events/${slug}/schedule.json`, "GET, HEAD"],
      ["OPTIONS", "/api/v1/events", "GET, HEAD"],
      // POST-only endpoints: a GET is told so in the same shape, with Allow: POST.
      ["GET", "/api/v1/checkin", "POST"],
      ["GET", "/api/v1/checkin/batch", "POST"],
      ["GET", `/api/v1/events/${slug}/registrations`, "POST"],
      ["GET", "/api/v1/programme/applications", "POST"],
    ]) {
      const response = await fetch(url(path), { method, headers: { "Accept-Language": "en" } });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow"), `${method} ${path}`).toBe(allow);
      const body = (await response.json()) as ErrorBody;
      expectErrorShape(body, "method_not_allowed");
      expect(body.error.message).toBe(`This endpoint does not accept ${method} requests (allowed: ${allow}).`);
    }
  });

  it("leaves pages outside /api/ to Remix's HTML 404", async () => {
    const response = await fetch(url("/no-such-page"));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("the embeddable registration page", () => {
  it("may be framed by this site and the listed origins only; every other page stays unframeable", async () => {
    const embed = await fetch(url(`/events/${slug}/embed`));
    expect(embed.status).toBe(200);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.headers.get("content-security-policy")).toContain(`frame-ancestors 'self' ${partner} http://other-partner.example;`);
    const html = await embed.text();
    expect(html).toContain("测试活动");
    expect(html).toContain('name="consent"');
    for (const path of [`/events/${slug}/register`, `/events/${slug}`, "/"]) {
      const page = await fetch(url(path));
      await page.arrayBuffer();
      expect(page.headers.get("x-frame-options"), path).toBe("DENY");
      expect(page.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("registers from the framed form without JavaScript and shows the outcome in the page", async () => {
    const response = await fetch(url(`/events/${slug}/embed`), {
      method: "POST",
      headers: { Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "嵌入页", email: "embed-form@example.org", organization: "示例单位", consent: "on" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(await response.text()).toContain("报名成功");
    const db = await prisma();
    expect(await db.registration.count({ where: { email: "embed-form@example.org" } })).toBe(1);
  });
});
