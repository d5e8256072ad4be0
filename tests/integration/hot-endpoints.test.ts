import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { hotEndpoints } from "~/server/hot-endpoints";
import { env } from "~/utils/env.server";
import { loadServerBuild } from "../../app/cli/build";

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
