import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { db } from "~/utils/db.server";
import { bufferedRequest, type JsonEndpoint } from "~/utils/http.server";
import type { Env } from "~/utils/env.server";

/**
 * The HTTP server around the Remix build: client address, Origin check, security headers, static assets.
 * Route modules never see the raw socket; they read the client address from X-Client-Address, which is
 * set here and cannot be supplied by the client.
 */
export function createHttpApp({ build, env }: { build: ServerBuild; env: Env }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use((req: Request, res: Response, next: NextFunction) => {
    req.headers["x-client-address"] = (env.TRUST_PROXY ? req.ip : req.socket.remoteAddress) ?? "";
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
    // Scripts only from this origin or inline with this request's nonce (Remix's hydration scripts carry it).
    const nonce = cspNonce();
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'nonce-${nonce}'; ` +
        "connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    // A 503 (database busy) always tells the client when to try again.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
      if (statusCode === 503 && !this.hasHeader("Retry-After")) this.setHeader("Retry-After", "2");
      return (writeHead as (...args: unknown[]) => Response).call(this, statusCode, ...rest);
    } as typeof res.writeHead;
    if (env.NODE_ENV === "production" && env.APP_URL.startsWith("https://")) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  });

  // State changes only from this site (DESIGN.md §7). Clients that send no Origin (scripts, scanners using
  // a bearer token) are allowed; browsers always send one on POST.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const origin = req.headers.origin;
    if (!origin) return next();
    const host = req.headers["x-forwarded-host"] && env.TRUST_PROXY ? String(req.headers["x-forwarded-host"]) : req.headers.host;
    const allowed = new Set([new URL(env.APP_URL).origin, `http://${host}`, `https://${host}`]);
    if (allowed.has(origin)) return next();
    res.status(403).json({ error: { code: "bad_origin", message: "请求来源不被信任。The request did not come from this site." } });
  });

  // For load balancers and monitoring: 200 {status:"ok", db:"ok"} when the database answers a read, else 503.
  app.get("/healthz", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      const { sqlite } = await db();
      sqlite.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get();
      res.json({ status: "ok", db: "ok" });
    } catch (error) {
      res.status(503).json({ status: "error", db: String((error as Error)?.message ?? error).slice(0, 200) });
    }
  });

  // The hot JSON endpoints (door scanners, registration storms) skip Remix's routing and Fetch objects:
  // express calls the route's JSON endpoint (see `jsonAction`) with the buffered body and writes its plain answer
  // (see JsonReply in app/utils/http.server.ts). Same code, same checks, same answers; shorter plumbing.
  for (const [path, routeId] of hotEndpoints) {
    const endpoint = (build.routes[routeId]?.module.action as { endpoint?: JsonEndpoint } | undefined)?.endpoint;
    if (endpoint) app.post(path, callEndpoint(endpoint));
  }

  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }));
  return app;
}

// CSP nonces cut from a pooled block of random bytes: a randomBytes(16) call per request (a syscall each)
// cost ~25 µs, a twentieth of a check-in scan. Every nonce is still 128 fresh CSPRNG bits, used once.
const noncePool = { bytes: Buffer.alloc(0), offset: 0 };

function cspNonce(): string {
  if (noncePool.offset + 16 > noncePool.bytes.length) {
    noncePool.bytes = randomBytes(4096);
    noncePool.offset = 0;
  }
  noncePool.offset += 16;
  return noncePool.bytes.toString("base64", noncePool.offset - 16, noncePool.offset);
}

const hotEndpoints: [string, string][] = [
  ["/api/v1/checkin", "routes/api.v1.checkin"],
  ["/api/v1/checkin/batch", "routes/api.v1.checkin_.batch"],
  ["/api/v1/events/:slug/registrations", "routes/api.v1.events.$slug_.registrations"],
];

// The endpoints' own limits are lower (a scan: 8 KB); past this the body is not even kept.
const maxHotBody = 8 * 1024 * 1024;

function callEndpoint(endpoint: JsonEndpoint) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const body = await readHotBody(req);
      if (!body) {
        // Closing the connection after the answer stops the rest of the upload.
        res.status(413).setHeader("Connection", "close");
        res.json({ error: { code: "payload_too_large", message: "提交的内容过大。The submitted content is too large." } });
        return;
      }
      const request = bufferedRequest("POST", `http://${req.headers.host ?? "localhost"}${req.originalUrl}`, req.headers, body);
      const reply = await endpoint({ request, params: req.params });
      res.status(reply.status);
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(reply.body));
    } catch (error) {
      if (error instanceof globalThis.Response) return sendResponse(res, error);
      next(error);
    }
  };
}

/**
 * The body, read by hand rather than with express.raw: raw-body kept each request's objects reachable long
 * enough to be promoted to the old generation (measured: ~4 MB per young collection at 1,000 requests/s,
 * scavenges of ~15 ms instead of ~3 ms), and those pauses are the scans' tail. Null past `maxHotBody`.
 */
function readHotBody(req: Request): Promise<Buffer | null> {
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

async function sendResponse(res: Response, response: globalThis.Response) {
  res.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}
