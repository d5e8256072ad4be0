import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import type { Env } from "~/utils/env.server";
import { bufferedRequest } from "~/utils/http.server";
import type { JsonEndpoint } from "~/utils/route.server";
import { apiErrorAnswer } from "./api-answers";
import { answerPartnerCors, badOriginBody, discardUnreadBody, originAllowed, retryAfterWhenBusy, setClientAddress, setSecurityHeaders } from "./http-guards";

/**
 * The hot JSON endpoints (door scanners, registration storms) served straight from node:http, before
 * express and Remix: the route's own JSON endpoint (see `jsonEndpoint`) gets the request and its plain answer
 * is written to the socket. Same code, same checks, same answers as through Remix. The endpoint reads the
 * body itself, after it has authenticated the request and with its own limit (`readJson`), so an
 * unauthenticated or oversized upload is answered without keeping any of it.
 *
 * Why not through express: express's per-request objects (it re-prototypes req and res, and body-parser's
 * raw-body holds the request through its callbacks) survive young-generation collections. Measured at a
 * steady 1,000 scans/s: ~6 KB per request promoted to the old generation, a major collection every ~6 s,
 * and each one stalled the scans around it for 100–300 ms (the check-in p99). A bare node:http handler
 * promotes nothing.
 */
const hotRoutes: [RegExp, string][] = [
  [/^\/api\/v1\/checkin$/, "routes/api.v1.checkin"],
  [/^\/api\/v1\/checkin\/batch$/, "routes/api.v1.checkin_.batch"],
  [/^\/api\/v1\/events\/(?<slug>[^/]+)\/registrations$/, "routes/api.v1.events.$slug_.registrations"],
];

/** Returns a handler that serves a hot endpoint and answers true, or answers false for anything else. */
export function hotEndpoints(build: ServerBuild, env: Env): (req: IncomingMessage, res: ServerResponse) => boolean {
  const routes = hotRoutes.map(([pattern, routeId]) => ({ pattern, endpoint: endpointOf(build, routeId) }));
  return (req, res) => {
    if (req.method !== "POST") return false;
    const path = (req.url ?? "").split("?")[0];
    for (const { pattern, endpoint } of routes) {
      const params = paramsOf(pattern.exec(path));
      if (params) {
        void serve(req, res, endpoint, params, env);
        return true;
      }
    }
    return false;
  };
}

// A renamed route or a lost `jsonEndpoint` would otherwise hand the hot traffic to express without a word,
// bringing back the collections the hot path exists to avoid; so the server refuses to start instead.
function endpointOf(build: ServerBuild, routeId: string): JsonEndpoint {
  const route = build.routes[routeId];
  if (!route) throw new Error(`Hot endpoint ${routeId}: no such route in the server build`);
  const endpoint = (route.module.action as { endpoint?: JsonEndpoint } | undefined)?.endpoint;
  if (!endpoint) throw new Error(`Hot endpoint ${routeId}: its action is not a JSON endpoint (jsonEndpoint)`);
  return endpoint;
}

function paramsOf(match: RegExpExecArray | null): Record<string, string> | null {
  if (!match) return null;
  try {
    return Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    return null; // a malformed escape: let express and Remix answer it
  }
}

async function serve(req: IncomingMessage, res: ServerResponse, endpoint: JsonEndpoint, params: Record<string, string>, env: Env) {
  setSecurityHeaders(res, env);
  retryAfterWhenBusy(res);
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  answerPartnerCors(req, res, env);
  if (!originAllowed(req, env)) return writeJson(res, 403, badOriginBody(req));
  setClientAddress(req, env);
  const request = bufferedRequest("POST", `http://${req.headers.host ?? "localhost"}${req.url}`, req);
  try {
    const reply = await endpoint({ request, params });
    writeJson(res, reply.status, reply.body, reply.headers);
  } catch (error) {
    if (error instanceof globalThis.Response) return sendResponse(res, error);
    if (req.destroyed) return; // the client went away while sending
    const reply = apiErrorAnswer(error, request);
    writeJson(res, reply.status, reply.body);
  }
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  discardUnreadBody(res.req, res);
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function sendResponse(res: ServerResponse, response: Response) {
  discardUnreadBody(res.req, res);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}
