import type { IncomingMessage, ServerResponse } from "node:http";
import type { Env } from "~/utils/env.server";

/**
 * What every answer gets, whichever path serves it (express with Remix, or the hot JSON endpoints in
 * hot-endpoints.ts): security headers, the Origin check, the client address routes may trust.
 */
export function setSecurityHeaders(res: ServerResponse, env: Env) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
  if (env.NODE_ENV === "production" && env.APP_URL.startsWith("https://")) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}

/** A 503 (database busy) always tells the client when to try again. */
export function retryAfterWhenBusy(res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 503 && !this.hasHeader("Retry-After")) this.setHeader("Retry-After", "2");
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
}

/**
 * The address routes see as X-Client-Address (set here, so a client cannot supply it). Behind a trusted
 * proxy (TRUST_PROXY) it is the first X-Forwarded-For entry, as express's `req.ip` with trust "all".
 */
export function setClientAddress(req: IncomingMessage, env: Env) {
  const forwarded = env.TRUST_PROXY ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0].trim() : "";
  req.headers["x-client-address"] = forwarded || req.socket.remoteAddress || "";
}

/**
 * State changes only from this site (DESIGN.md §7). Clients that send no Origin (scripts, scanners using a
 * bearer token) are allowed; browsers always send one on POST.
 */
export function originAllowed(req: IncomingMessage, env: Env): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return true;
  const origin = req.headers.origin;
  if (!origin) return true;
  const host = req.headers["x-forwarded-host"] && env.TRUST_PROXY ? String(req.headers["x-forwarded-host"]) : req.headers.host;
  return origin === new URL(env.APP_URL).origin || origin === `http://${host}` || origin === `https://${host}`;
}

export const badOriginBody = { error: { code: "bad_origin", message: "请求来源不被信任。The request did not come from this site." } };
export const tooLargeBody = { error: { code: "payload_too_large", message: "提交的内容过大。The submitted content is too large." } };
