import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/models/user.server";
import { prisma } from "~/models/store/connection.server";
import { freePort } from "../bench/harness";
import { addRegistration, createEventFixture, staffUser } from "../support/checkin-fixtures";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { signIn } from "../support/staff";

/**
 * Issue 7 §5: security headers (CSP with a per-request nonce instead of 'unsafe-inline' scripts,
 * frame-ancestors, referrer policy, HSTS and Secure cookies in production over https), the Origin check on
 * the JSON APIs, the check-in rate limit, and the audit entry of an organizer's personal-data export.
 * (Sign-in/registration rate limits, sign-in/role/approval/undo audits and the form Origin check are tested
 * by auth-*, registration-*, permissions-* and checkin-* tests.)
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function scriptDirective(csp: string) {
  return (
    csp
      .split(";")
      .map((part) => part.trim())
      .find((part) => part.startsWith("script-src")) ?? ""
  );
}

describe("security headers", () => {
  it("sends a CSP whose scripts need this response's nonce, and every inline script carries it", async () => {
    const first = await fetch(`${server.baseUrl}/`);
    const html = await first.text();
    const csp = first.headers.get("Content-Security-Policy") ?? "";
    const scripts = scriptDirective(csp);
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const second = await fetch(`${server.baseUrl}/`);
    expect(/'nonce-([^']+)'/.exec(second.headers.get("Content-Security-Policy") ?? "")?.[1]).not.toBe(nonce);
    expect(first.headers.get("X-Frame-Options")).toBe("DENY");
    expect(first.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(first.headers.get("X-Powered-By")).toBeNull();
    // Plain http in tests: no HSTS (a browser would pin it to a host without TLS).
    expect(first.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("sends HSTS and marks the session cookie Secure, HttpOnly, SameSite=Lax in production over https", async () => {
    const email = `secure-${randomBytes(3).toString("hex")}@example.org`;
    await createUser({ email, name: "安全测试", password: "secure-password-2025" });
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
      env: { ...process.env, NODE_ENV: "production", SEED_DEMO: "false", PORT: String(port), APP_URL: "https://events.example.org" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(output);
        try {
          if ((await fetch(`${base}/healthz`)).ok) break;
        } catch {
          // Not listening yet: ask again below.
        }
        if (Date.now() > deadline) throw new Error(`not healthy:\n${output}`);
        await sleep(200);
      }
      const page = await fetch(`${base}/login`);
      expect(page.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{7,}/);
      const login = await fetch(`${base}/login`, { method: "POST", body: new URLSearchParams({ email, password: "secure-password-2025" }), redirect: "manual" });
      expect(login.status).toBe(302);
      const cookie = login.headers.getSetCookie().find((header) => header.startsWith("sid=")) ?? "";
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      child.kill("SIGKILL");
    }
  }, 120_000);
});

describe("Origin check on the JSON APIs", () => {
  it("refuses a cross-site POST to the registration and check-in APIs with 403 and stores nothing", async () => {
    const { slug, event } = await createRegistrationEvent({ capacity: 10 });
    const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body: JSON.stringify({ name: "跨站", email: "csrf@example.org", organization: "示例单位", consent: true }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_origin");
    const scan = await fetch(`${server.baseUrl}/api/v1/checkin`, { method: "POST", headers: { "Content-Type": "application/json", Origin: "null" }, body: "{}" });
    expect(scan.status).toBe(403);
    // The hot endpoints are served ahead of express (app/server/hot-endpoints.ts) with the same headers.
    expect(scan.headers.get("x-content-type-options")).toBe("nosniff");
    expect(scan.headers.get("x-frame-options")).toBe("DENY");
    expect(scan.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await (await prisma()).registration.count({ where: { eventId: event.id } })).toBe(0);
    // The same request from this site passes.
    const same = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.baseUrl },
      body: JSON.stringify({ name: "本站", email: "same-site@example.org", organization: "示例单位", consent: true }),
    });
    expect(same.status).toBe(201);
  });
});

describe("check-in rate limit (RATE_LIMIT=on)", () => {
  it("answers 429 with Retry-After once one address exceeds 1,200 check-in requests a minute", async () => {
    let last: Response | undefined;
    let allowed = 0;
    const send = () =>
      fetch(`${server.baseUrl}/api/v1/checkin`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer evt_guessing-a-token" },
        body: JSON.stringify({ code: "x", nonce: "n" }),
      });
    for (let round = 0; round < 121; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, send));
      allowed += answers.filter((answer) => answer.status === 401).length;
      last = answers.find((answer) => answer.status === 429) ?? last;
      await Promise.all(answers.map((answer) => answer.arrayBuffer()));
    }
    expect(allowed).toBe(1200);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("Retry-After"))).toBeGreaterThan(0);
  }, 90_000);
});

describe("audit", () => {
  it("records an organizer's export of attendees' personal data with actor, event and row count", async () => {
    const fx = await createEventFixture();
    await addRegistration(fx.event.id);
    await addRegistration(fx.event.id);
    const staff = await staffUser(fx.event.slug, "ORGANIZER");
    const jar = await signIn(server.baseUrl, staff.email, staff.password);
    const response = await jar.fetch(`${server.baseUrl}/admin/events/${fx.event.id}/registrations/export`);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(3);
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: staff.email } });
    const entry = await db.auditLog.findFirst({ where: { action: "registration.export", eventId: fx.event.id } });
    expect(entry?.actorUserId).toBe(user.id);
    expect(JSON.parse(entry!.details).rows).toBe(2);
  });
});
