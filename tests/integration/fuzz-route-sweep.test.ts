import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

/**
 * Issue 12 point 7, the sweep: every route module with an `action` (read from app/routes now, so a new route
 * is covered without touching this file) gets a POST in every body encoding a client can send, carrying
 * hostile strings, signed in as an admin and anonymously. A user can cause none of these to be a 500, and
 * every one is answered within 5 s.
 *
 * Requests go 4 at a time over kept-alive connections, as a browser reuses them: an answer given before its
 * body was read once left the rest of the body in the connection, and the next request on it was never
 * answered (security-route-errors.test.ts has the focused case).
 */
process.env.RATE_LIMIT = "off";
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: CookieJar;
let params: Record<string, string>;

beforeAll(async () => {
  await useDemoDatabase();
  const db = await prisma();
  const event = await db.event.findFirstOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
  const first = async <T extends { id: string }>(find: () => Promise<T | null>) => (await find())?.id ?? "junk-id";
  params = {
    eventId: event.id,
    slug: event.slug,
    token: "junk-token-0123456789",
    sessionId: await first(() => db.session.findFirst({ where: { eventId: event.id } })),
    speakerId: await first(() => db.speaker.findFirst()),
    firmId: await first(() => db.firm.findFirst()),
    seriesId: await first(() => db.series.findFirst()),
    applicationId: await first(() => db.firmApplication.findFirst()),
    messageId: await first(() => db.emailMessage.findFirst()),
    registrationId: await first(() => db.registration.findFirst({ where: { eventId: event.id } })),
  };
  server = await startTestServer();
  admin = await signIn(server.baseUrl, demo.admin.email, demo.admin.password);
});
afterAll(() => server?.close());

/** URL of a flat-routes module name: "admin.events.$eventId.registrations_.import" → /admin/events/<id>/registrations/import. */
function pathOf(routeName: string): string {
  const segments = routeName
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    // eslint-disable-next-line no-control-regex -- NUL is the placeholder for an escaped dot set above
    .map((segment) => segment.replace(/_$/, "").replace(/\u0000/g, "."))
    .map((segment) => (segment.startsWith("$") ? encodeURIComponent(params[segment.slice(1)] ?? "junk") : segment));
  return `/${segments.join("/")}`;
}

function routesWithAction(): string[] {
  const dir = resolve("app/routes");
  return readdirSync(dir)
    .filter((file) => /^export (async )?(function|const) action\b/m.test(readFileSync(resolve(dir, file), "utf8")))
    .map((file) => pathOf(file.replace(/\.tsx?$/, "")))
    .sort((a, b) => Number(a === "/logout") - Number(b === "/logout")); // signing out ends the admin pass's session: last
}

const hostile: [string, string][] = [
  ["plain", "测试 test"],
  ["lone surrogate", "\ud800"],
  ["NUL", "a\u0000b"],
  ["path traversal", "../../../etc/passwd"],
  ["ideographic full stop", "/%E3%80%82evil"],
  ["emoji", "😀👩‍👩‍👧"],
  ["RTL override", "\u202Egnp.exe"],
  ["ideographic full stop, decoded", "/\u3002evil"],
];
const fieldNames = ["intent", "name", "email", "password", "organization", "title", "code", "nonce", "event", "list", "redirectTo", "locale", "inviteCode", "q", "note", "csv"];

/**
 * Two bodies per encoding: every field with a different hostile string (rotated, so each field name meets
 * several of them across the routes' fields), and one with a 1 MB value. A value per request would be
 * 7 × 5 × 2 × ~35 requests, minutes on two cores; the mix keeps the sweep under a minute.
 */
function bodies(): [string, () => RequestInit][] {
  const variants: [string, Record<string, string>][] = [
    ["mixed", Object.fromEntries(fieldNames.map((name, i) => [name, hostile[i % hostile.length][1]]))],
    ["1 MB", Object.fromEntries(fieldNames.map((name, i) => [name, i === 1 ? "x".repeat(1_000_000) : hostile[(i + 3) % hostile.length][1]]))],
  ];
  return variants.flatMap(([label, fields]) => {
    const json = JSON.stringify({ ...fields, consent: true, scans: [{ code: fields.code, nonce: fields.nonce }] });
    const encodings: [string, () => RequestInit][] = [
      ["JSON", () => ({ headers: { "Content-Type": "application/json" }, body: json })],
      ["text/plain", () => ({ headers: { "Content-Type": "text/plain;charset=UTF-8" }, body: json })],
      ["no content type", () => ({ body: new Uint8Array(Buffer.from(json)) })],
      [
        "multipart",
        () => {
          const form = new FormData();
          for (const [name, item] of Object.entries(fields)) form.append(name, item);
          form.append("file", new Blob([fields.email], { type: "text/csv" }), "../../evil.csv");
          return { body: form };
        },
      ],
      ["form", () => ({ body: new URLSearchParams(fields) })],
    ];
    return encodings.map(([type, init]): [string, () => RequestInit] => [`${type} ${label}`, init]);
  });
}

async function sweep(jar: CookieJar | null): Promise<string[]> {
  const cases = routesWithAction().flatMap((path) => bodies().map(([what, init]) => ({ path, what, init })));
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let item = cases[next++]; item; item = cases[next++]) {
      const init: RequestInit = { ...item.init(), method: "POST", redirect: "manual", signal: AbortSignal.timeout(5000) };
      const started = performance.now();
      const elapsed = () => `${Math.round(performance.now() - started)} ms`;
      try {
        const response = jar ? await jar.fetch(`${server.baseUrl}${item.path}`, init) : await fetch(`${server.baseUrl}${item.path}`, init);
        await response.arrayBuffer();
        if (response.status >= 500) problems.push(`${item.path} ${item.what}: ${response.status} after ${elapsed()}`);
      } catch (error) {
        problems.push(`${item.path} ${item.what}: no answer after ${elapsed()} (${(error as Error).name})`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return problems;
}

describe("every route with an action, every body encoding, hostile strings", () => {
  it("covers the routes the issue names", () => {
    const paths = routesWithAction();
    expect(paths.length).toBeGreaterThan(20);
    for (const path of ["/login", "/language", `/events/${params.slug}/register`, "/programme/apply", "/api/v1/checkin", "/api/v1/checkin/batch"]) expect(paths).toContain(path);
  });

  it("never answers 5xx and always answers, signed in as an admin", async () => {
    expect(await sweep(admin)).toEqual([]);
  }, 120_000);

  it("never answers 5xx and always answers, anonymously", async () => {
    expect(await sweep(null)).toEqual([]);
  }, 120_000);
});
