import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hotEndpoints } from "~/server/hot-endpoints";
import { env } from "~/utils/env.server";
import { loadServerBuild } from "../../app/cli/build";
import { startTestServer } from "../support/server";

let build: ServerBuild;

beforeAll(async () => {
  build = await loadServerBuild();
});

function withRoute(routeId: string, route: ServerBuild["routes"][string] | undefined): ServerBuild {
  const routes = { ...build.routes };
  if (route) routes[routeId] = route;
  else delete routes[routeId];
  return { ...build, routes };
}

describe("the hot-endpoint table at start-up", () => {
  it("accepts the real build", () => {
    expect(() => hotEndpoints(build, env())).not.toThrow();
  });

  it("refuses to start when a route it names is missing from the build", () => {
    expect(() => hotEndpoints(withRoute("routes/api.v1.checkin_.batch", undefined), env())).toThrow(/routes\/api\.v1\.checkin_\.batch/);
  });

  it("refuses to start when a route it names has no JSON endpoint", () => {
    const routeId = "routes/api.v1.events.$slug_.registrations";
    const route = build.routes[routeId];
    const withoutEndpoint = withRoute(routeId, { ...route, module: { ...route.module, action: async () => new Response(null) } });
    expect(() => hotEndpoints(withoutEndpoint, env())).toThrow(/routes\/api\.v1\.events\.\$slug_\.registrations/);
  });
});

// The hot path answers with its own Content-Security-Policy; express sets one with a per-request nonce.
describe("the hot endpoints on the real server", () => {
  const hotOnly = "default-src 'none'; frame-ancestors 'none'";
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const post = (path: string) => fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });

  it.each(["/api/v1/checkin", "/api/v1/checkin/batch", "/api/v1/events/any-event/registrations"])("serves %s from the hot path", async (path) => {
    const response = await post(path);
    await response.arrayBuffer();
    expect(response.headers.get("content-security-policy")).toBe(hotOnly);
  });

  it("leaves every other URL to express", async () => {
    const response = await post("/api/v1/events/any-event/registrations/extra");
    await response.arrayBuffer();
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });
});
