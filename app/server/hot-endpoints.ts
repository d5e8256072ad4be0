import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import type { Env } from "~/utils/env.server";
import { bufferedRequest, type JsonEndpoint } from "~/utils/http.server";
import { badOriginBody, originAllowed, retryAfterWhenBusy, setClientAddress, setSecurityHeaders, tooLargeBody } from "./http-guards";

/**
 * The hot JSON endpoints (door scanners, registration storms) served straight from node:http, before
 * express and Remix: the route's own JSON endpoint (see `jsonAction`) gets the body read here and its plain
 * answer is written to the socket. Same code, same checks, same answers as through Remix.
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

// The endpoints' own limits are lower (a scan: 8 KB); past this the body is not even kept.
const maxHotBody = 8 * 1024 * 1024;

/** Returns a handler that serves a hot endpoint and answers true, or answers false for anything else. */
export function hotEndpoints(build: ServerBuild, env: Env): (req: IncomingMessage, res: ServerResponse) => boolean {
  const routes = hotRoutes.flatMap(([pattern, routeId]) => {
    const endpoint = (build.routes[routeId]?.module.action as { endpoint?: JsonEndpoint } | undefined)?.endpoint;
    return endpoint ? [{ pattern, endpoint }] : [];
  });
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
  if (!originAllowed(req, env)) return writeJson(res, 403, badOriginBody);
  setClientAddress(req, env);
  try {
    const body = await readHotBody(req);
    // Closing the connection after the answer stops the rest of an oversized upload.
    if (!body) return writeJson(res, 413, tooLargeBody, { Connection: "close" });
    const request = bufferedRequest("POST", `http://${req.headers.host ?? "localhost"}${req.url}`, req.headers, body);
    const reply = await endpoint({ request, params });
    writeJson(res, reply.status, reply.body, reply.headers);
  } catch (error) {
    if (error instanceof globalThis.Response) return sendResponse(res, error);
    if (req.destroyed) return; // the client went away while sending
    console.error(error);
    writeJson(res, 500, { error: { code: "internal_error", message: "服务器内部错误。Internal server error." } });
  }
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function sendResponse(res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The body, or null past `maxHotBody`. */
function readHotBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? 0) > maxHotBody) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxHotBody) return void chunks.push(chunk);
      req.off("data", onData).resume();
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}
