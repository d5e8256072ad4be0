import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { demo } from "../support/staff";

/**
 * Issue 12 point 7: requests an outside review answered with a 500, or not at all. Each must be a 4xx that
 * says what to fix in the user's language (or, for a redirect target, a safe redirect).
 */
// Sign-ins run scrypt (32 MiB each); on a busy 2-core machine these tests need more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

let server: Awaited<ReturnType<typeof startTestServer>>;
let slug: string;
beforeAll(async () => {
  await useDemoDatabase();
  slug = (await createRegistrationEvent({ capacity: 10 })).slug;
  server = await startTestServer();
});
afterAll(() => server?.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("a redirect target that is not ASCII", () => {
  it("changing the language redirects to the same path, encoded", async () => {
    const response = await fetch(`${server.baseUrl}/language`, { method: "POST", body: form({ locale: "en", redirectTo: "/\u3002evil" }), redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/%E3%80%82evil");
    expect(response.headers.get("Set-Cookie")).toContain("lang=en");
  });

  it("signing in redirects safely with the session cookie, and stores exactly the session the cookie names", async () => {
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.admin.email } });
    const before = await db.authSession.count({ where: { userId: user.id } });
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      body: form({ email: demo.admin.email, password: demo.admin.password, redirectTo: "/\u3002evil" }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/%E3%80%82evil");
    expect(response.headers.get("Set-Cookie")).toMatch(/^sid=/);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(before + 1);
  });
});

describe("a body that is not a form, on a form route", () => {
  const routes = () => ["/login", `/events/${slug}/register`, "/r/not-a-token", "/account/setup/not-a-token", "/programme/apply", "/programme/apply/not-a-token", "/language"];
  const bodies: [string, RequestInit][] = [
    ["JSON", { headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "a@example.org" }) }],
    ["text/plain", { headers: { "Content-Type": "text/plain" }, body: "email=a@example.org" }],
    ["no content type", { body: new Uint8Array(Buffer.from("email=a@example.org")) }],
  ];

  it("is refused with 415 and a message in the user's language", async () => {
    const answers: string[] = [];
    for (const path of routes()) {
      for (const [label, init] of bodies) {
        for (const [language, expected] of [
          ["en", "Submit this through the form on the page"],
          ["zh-CN", "请通过网页上的表单提交"],
        ]) {
          const headers = new Headers(init.headers);
          headers.set("Accept-Language", language);
          const response = await fetch(`${server.baseUrl}${path}`, { ...init, method: "POST", headers, redirect: "manual" });
          const text = await response.text();
          answers.push(`${path} ${label} ${language}: ${response.status} ${text.includes(expected) ? "explained" : text.slice(0, 80)}`);
        }
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(": 415 explained"))).toEqual([]);
  });
});

describe("a POST without a body", () => {
  it("is an empty form: sign-out works, and a form route names its missing fields instead of a 415 or a 500", async () => {
    const signOut = await fetch(`${server.baseUrl}/logout`, { method: "POST", redirect: "manual" });
    expect(signOut.status).toBe(302);
    for (const path of ["/login", `/events/${slug}/register`, "/programme/apply"]) {
      const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "Accept-Language": "en" }, redirect: "manual" });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.status, path).not.toBe(415);
    }
  });
});

describe("a lone UTF-16 surrogate in a JSON string", () => {
  it("gets a 4xx within 5 s on the registration API", async () => {
    const body = `{"name":"测试","email":"surrogate@example.org","organization":"示例","consent":true,"inviteCode":"\\ud800"}`;
    const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": "en" },
      body,
      signal: AbortSignal.timeout(5000),
    });
    expect([400, 422]).toContain(response.status);
    const answer = (await response.json()) as { error: { message: string } };
    expect(answer.error.message.length).toBeGreaterThan(0);
  });
});

describe("a page answered before its form body was read", () => {
  // One kept-alive connection, as a browser or fetch reuses it: an anonymous upload to a staff page is
  // redirected to sign-in without its body being read, and the next request on that connection must be answered.
  it("leaves the connection usable for the next request", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, init: { method: string; headers?: Record<string, string | number>; body?: Buffer }) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${server.baseUrl}${path}`, { ...init, agent, signal: AbortSignal.timeout(5000) }, (response) => {
          response.resume().on("end", () => resolve(response.statusCode ?? 0));
        });
        request.on("error", reject);
        request.end(init.body);
      });
    try {
      const body = Buffer.from(`--b\r\nContent-Disposition: form-data; name="name"\r\n\r\n${"x".repeat(1_000_000)}\r\n--b--\r\n`);
      const upload = await send("/account", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=b", "Content-Length": body.length }, body });
      expect(upload).toBe(302);
      await expect(send("/healthz", { method: "GET" })).resolves.toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
