import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let document: { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };

beforeAll(async () => {
  server = await startTestServer();
  const response = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  document = await response.json();
});
afterAll(() => server?.close());

const routesDir = resolve(import.meta.dirname, "../../app/routes");

/**
 * The URL path of a Remix flat-route file name: `.` separates segments, `[.]` is a literal dot, `$name` a
 * parameter, a trailing `_` only leaves the parent layout (the segment stays), a leading `_` is a pathless
 * layout and `_index` an index route (both add no segment).
 */
function pathOfRouteFile(file: string): string {
  const dot = "\u0000";
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, dot)
    .split(".")
    .map((segment) => segment.replace(/_$/, ""))
    .filter((segment) => segment && !segment.startsWith("_"))
    .map((segment) => (segment.startsWith("$") ? `{${segment.slice(1)}}` : segment));
  return `/${segments.join("/")}`.replaceAll(dot, ".");
}

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it("maps route file names to paths as Remix does", () => {
    expect(pathOfRouteFile("api.v1.events.$slug_.registrations.ts")).toBe("/api/v1/events/{slug}/registrations");
    expect(pathOfRouteFile("api.v1.events.$slug.schedule[.]json.ts")).toBe("/api/v1/events/{slug}/schedule.json");
    expect(pathOfRouteFile("api.v1.events.$slug_.checkin.index.ts")).toBe("/api/v1/events/{slug}/checkin/index");
    expect(pathOfRouteFile("api.v1.series.$slug.agenda[.]ics.ts")).toBe("/api/v1/series/{slug}/agenda.ics");
    expect(pathOfRouteFile("events.$slug._index.tsx")).toBe("/events/{slug}");
  });

  it("describes every /api/v1 route file, with the method it answers", () => {
    const files = readdirSync(routesDir).filter((file) => file.startsWith("api.v1."));
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of files) {
      const path = pathOfRouteFile(file);
      const method = /export (const|async function) action\b/.test(readFileSync(resolve(routesDir, file), "utf8")) ? "post" : "get";
      if (!document.paths[path]?.[method]) missing.push(`${method.toUpperCase()} ${path} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it("describes errors with the one Error component, and check-in with the bearer token", () => {
    expect(document.components.schemas.Error).toBeDefined();
    expect(document.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    const registration = document.paths["/api/v1/events/{slug}/registrations"].post as { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
    for (const status of ["404", "409", "422", "429"]) expect(registration.responses[status].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    expect((document.paths["/api/v1/checkin"].post as { security: unknown }).security).toEqual([{ bearerAuth: [] }]);
  });

  it("describes the new registration fields of an event and of a submit", () => {
    const detail = JSON.stringify(document.components.schemas.EventDetail);
    for (const field of ["categories", "remaining", "inviteOnly", "default", "questions", "privacyNotice", "textEn"]) expect(detail).toContain(`"${field}"`);
    expect(JSON.stringify(document.components.schemas.RegistrationInput)).toContain('"privacyNoticeVersion"');
  });
});

describe("the reference at /api/docs", () => {
  it("is served from this server with its own assets, under a same-origin-only policy", async () => {
    const page = await fetch(`${server.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    // The server's own policy is sent too; a browser enforces every policy it gets, so this one narrows it.
    const policy = page.headers.get("Content-Security-Policy") ?? "";
    expect(policy).toContain("default-src 'self'; script-src 'self'; style-src 'self';");
    expect(policy).not.toMatch(/https?:|\*/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((asset) => !asset.startsWith("data:"));
    expect(assets.every((asset) => asset.startsWith("/api/docs/"))).toBe(true);
    for (const asset of assets) expect((await fetch(`${server.baseUrl}${asset}`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/docs/package.json`)).status).toBe(404);
  });
});
