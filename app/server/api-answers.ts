import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import { translateFields } from "~/i18n";
import { apiErrorReply, isHttpError, replyResponse, type JsonReply } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { describeError } from "~/utils/route.server";

/**
 * Every error under /api/ has the API's one shape (DESIGN.md §5), whoever answers it. Remix answers an
 * unknown path with the HTML 404 page, a method the route has no handler for with its own JSON
 * (`{ message }`), and an error a route throws with a plain-text 500; none of them reaches a route, so the
 * server answers them once, here: unknown paths and methods before Remix (`apiRefusal`), thrown errors
 * inside each API route's loader and action (`withApiErrorAnswers`).
 */

type RouteModule = ServerBuild["routes"][string]["module"];
type Route = { id: string; module: RouteModule };
type RouteObject = Parameters<typeof matchRoutes>[0][number];

/** What serves a path under /api/: the route Remix would pick, or null when none does. */
export function apiRouteFinder(build: ServerBuild): (path: string) => Route | null {
  const tree = routeTree(build);
  return (path) => {
    const leaf = matchRoutes(tree, path)?.at(-1);
    return leaf?.route.id ? { id: leaf.route.id, module: build.routes[leaf.route.id].module } : null;
  };
}

// The API routes and their parents as the nested tree Remix matches against, so ranking and params are
// Remix's own; only those, because matching ranks every route of the tree again at each call.
function routeTree(build: ServerBuild): RouteObject[] {
  const wanted = new Set<string>();
  for (const id of Object.keys(build.routes).filter((id) => isApiPath(fullPath(build, id)))) {
    for (let ancestor: string | undefined = id; ancestor; ancestor = build.routes[ancestor].parentId) wanted.add(ancestor);
  }
  const routes = Object.entries(build.routes).filter(([id]) => wanted.has(id));
  const nodes = new Map(routes.map(([id, route]) => [id, { id, path: route.path, index: route.index, caseSensitive: route.caseSensitive, children: [] as RouteObject[] }]));
  const roots: RouteObject[] = [];
  for (const [id, route] of routes) {
    const node = nodes.get(id) as RouteObject;
    const parent = route.parentId ? nodes.get(route.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The methods a resource route answers: its loader serves GET and HEAD, its action POST (and PUT where it says so). */
export function allowedMethods(module: RouteModule): string[] {
  const extra = (module as { actionMethods?: string[] }).actionMethods ?? [];
  return [...(module.loader ? ["GET", "HEAD"] : []), ...(module.action ? ["POST", ...extra] : [])];
}

/**
 * The 404 of a path under /api/ that no route serves, or the 405 (with `Allow`) of a method its route does
 * not answer. Null: the route answers. A page under /api/ (the rendered reference) is Remix's to answer.
 */
export function apiRefusal(route: Route | null, request: Request): JsonReply | null {
  const { t } = requestTranslator(request);
  const { pathname } = new URL(request.url, "http://localhost");
  if (!route) return apiErrorReply(404, "not_found", t("api.error.notFound", { path: pathname }));
  if (route.module.default) return null;
  const allow = allowedMethods(route.module);
  if (allow.includes(request.method)) return null;
  return apiErrorReply(405, "method_not_allowed", t("api.error.methodNotAllowed", { method: request.method, allow: allow.join(", ") }), { headers: { Allow: allow.join(", ") } });
}

/** What a route's thrown error becomes: an `HttpError` its translated status and body, anything else a logged 500. */
export function apiErrorAnswer(error: unknown, request: Request): JsonReply {
  const { t } = requestTranslator(request);
  if (isHttpError(error)) return apiErrorReply(error.status, error.code, describeError(error, t), error.fields ? { fields: translateFields(error.fields, t) } : {});
  if (!request.signal?.aborted) console.error(error);
  return apiErrorReply(500, "internal_error", t("error.server.body"));
}

/**
 * The build with every API resource route (path under api/, no page component) answering in the API's
 * shape whatever it throws. A thrown Response (a redirect, a finished answer) is left to Remix. Properties
 * of the handlers are kept: the hot path finds its JSON endpoint on the action (hot-endpoints.ts).
 */
export function withApiErrorAnswers(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      if (!isApiPath(fullPath(build, id)) || route.module.default) return [id, route];
      const { loader, action } = route.module;
      return [id, { ...route, module: { ...route.module, ...(loader ? { loader: answeringErrors(loader) } : {}), ...(action ? { action: answeringErrors(action) } : {}) } }];
    }),
  );
  return { ...build, routes };
}

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function fullPath(build: ServerBuild, id: string): string {
  const route = build.routes[id];
  const parent = route.parentId ? fullPath(build, route.parentId) : "";
  return route.path ? `${parent.replace(/\/$/, "")}/${route.path}` : parent || "/";
}

type Handler = NonNullable<RouteModule["loader"]>;

function answeringErrors<H extends Handler>(handler: H): H {
  const answering = async (args: Parameters<H>[0]) => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof Response) throw error;
      return replyResponse(apiErrorAnswer(error, args.request));
    }
  };
  return Object.assign(answering, handler) as unknown as H;
}
