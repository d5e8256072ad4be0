import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { apiRefusal, apiRouteFinder, withApiErrorAnswers } from "~/server/api-answers";
import { HttpError } from "~/utils/http.server";

type Module = ServerBuild["routes"][string]["module"];

const fail = (error: unknown) => async () => {
  throw error;
};

function buildOf(modules: Record<string, { path?: string; module: Partial<Module> }>): ServerBuild {
  const routes = Object.fromEntries(Object.entries(modules).map(([id, { path, module }]) => [id, { id, path, parentId: id === "root" ? undefined : "root", module: module as Module }]));
  return { routes } as unknown as ServerBuild;
}

const build = buildOf({
  root: { path: "", module: { default: () => null } },
  "routes/api.v1.things": { path: "api/v1/things", module: { loader: fail(new Error("database on fire")) } },
  "routes/api.v1.things.$id": { path: "api/v1/things/:id", module: { loader: fail(new HttpError(404, "not_found", "event.notFound")), action: fail(new Error("x")) } },
  "routes/api.v1.redirect": { path: "api/v1/redirect", module: { loader: fail(new Response(null, { status: 302, headers: { Location: "/" } })) } },
  "routes/api.docs": { path: "api/docs", module: { default: () => null, loader: fail(new Error("page")) } },
});

const request = (method: string, path: string, language = "zh-CN") => new Request(`http://localhost${path}`, { method, headers: { "Accept-Language": language } });
const args = (req: Request) => ({ request: req, params: {}, context: {} });

describe("what an API route throws", () => {
  const wrapped = withApiErrorAnswers(build).routes;

  it("becomes a logged 500 in the one error shape, in the reader's language", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = (await wrapped["routes/api.v1.things"].module.loader!(args(request("GET", "/api/v1/things", "en")))) as Response;
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "internal_error", message: "Sorry, the server failed to handle the request. It has been logged; please try again later." } });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("keeps an HttpError's status and code, with its message translated", async () => {
    const response = (await wrapped["routes/api.v1.things.$id"].module.loader!(args(request("GET", "/api/v1/things/1")))) as Response;
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "找不到该活动。" } });
  });

  it("leaves thrown Responses (redirects) and pages under /api/ to Remix", async () => {
    await expect(wrapped["routes/api.v1.redirect"].module.loader!(args(request("GET", "/api/v1/redirect")))).rejects.toBeInstanceOf(Response);
    expect(wrapped["routes/api.docs"]).toBe(build.routes["routes/api.docs"]);
  });
});

describe("what no API route answers", () => {
  const find = apiRouteFinder(build);

  it("finds the route Remix would pick, or none", () => {
    expect(find("/api/v1/things")?.id).toBe("routes/api.v1.things");
    expect(find("/api/v1/things/7")?.id).toBe("routes/api.v1.things.$id");
    expect(find("/api/v1/things/7/parts")).toBeNull();
  });

  it("answers 404 for an unknown path, 405 with Allow for a method the route lacks, nothing otherwise", () => {
    expect(apiRefusal(find("/api/v2"), request("GET", "/api/v2"))).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(apiRefusal(find("/api/v1/things"), request("POST", "/api/v1/things"))).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD" } });
    expect(apiRefusal(find("/api/v1/things/1"), request("PUT", "/api/v1/things/1"))).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST" } });
    expect(apiRefusal(find("/api/v1/things/1"), request("HEAD", "/api/v1/things/1"))).toBeNull();
    expect(apiRefusal(find("/api/docs"), request("DELETE", "/api/docs"))).toBeNull();
  });
});
