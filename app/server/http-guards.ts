import type { IncomingMessage, ServerResponse } from "node:http";
import type { MessageKey } from "~/i18n";
import type { Env } from "~/utils/env.server";
import { bufferedRequest, type ApiErrorBody } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { sessionUser } from "~/auth/session.server";

/**
 * What every answer gets, whichever path serves it (express with Remix, or the hot JSON endpoints in
 * hot-endpoints.ts): security headers, the Origin check, the client address routes may trust.
 */
export function setSecurityHeaders(res: ServerResponse, env: Env) {
  for (const [name, value] of securityHeaders(env)) res.setHeader(name, value);
}

const securityHeadersOf = new WeakMap<Env, Array<[string, string]>>();

/** The security headers as name/value pairs, worked out once per configuration. */
export function securityHeaders(env: Env): ReadonlyArray<[string, string]> {
  let headers = securityHeadersOf.get(env);
  if (!headers) {
    headers = [
      ["X-Content-Type-Options", "nosniff"],
      ["Referrer-Policy", "strict-origin-when-cross-origin"],
      ["X-Frame-Options", "DENY"],
      ["Permissions-Policy", "camera=(self), microphone=(), geolocation=()"],
    ];
    if (env.NODE_ENV === "production" && env.APP_URL.startsWith("https://")) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
    securityHeadersOf.set(env, headers);
  }
  return headers;
}

/**
 * The Content-Security-Policy of a page: scripts only from this origin or inline as `scriptSources` allows
 * (a nonce for a render, the scripts' hashes for a replayed copy), framed only by `framedBy`.
 */
export function contentSecurityPolicy(scriptSources: string, framedBy: string): string {
  return (
    `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' ${scriptSources}; ` +
    `connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; frame-ancestors ${framedBy}; base-uri 'self'; form-action 'self'`
  );
}

// The one page other sites may frame: the embeddable registration form, and only by the partner origins.
const embeddablePage = /^\/events\/[^/]+\/embed$/;

/** The CSP `frame-ancestors` of a page: nobody, except the embeddable page for this site and ALLOWED_ORIGINS. */
export function frameAncestors(path: string, env: Env): string {
  return embeddablePage.test(path) ? ["'self'", ...env.ALLOWED_ORIGINS].join(" ") : "'none'";
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
  const forwarded = env.TRUST_PROXY
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        .trim()
    : "";
  req.headers["x-client-address"] = forwarded || req.socket.remoteAddress || "";
}

/**
 * State changes only from this site (DESIGN.md §7), or a registration from a partner site (ALLOWED_ORIGINS).
 * Clients that send no Origin (scripts, scanners using a bearer token) are allowed; browsers always send one
 * on POST.
 */
export function originAllowed(req: IncomingMessage, env: Env): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return true;
  const origin = req.headers.origin;
  if (!origin) return true;
  const host = req.headers["x-forwarded-host"] && env.TRUST_PROXY ? String(req.headers["x-forwarded-host"]) : req.headers.host;
  if (origin === new URL(env.APP_URL).origin || origin === `http://${host}` || origin === `https://${host}`) return true;
  return req.method === "POST" && env.ALLOWED_ORIGINS.includes(origin) && partnerMethods(pathOf(req)) === "POST";
}

/** The 403 of the Origin check, in the request's language. */
export function badOriginBody(req: IncomingMessage): ApiErrorBody {
  const { t } = requestTranslator(bufferedRequest(req.method ?? "GET", req.url ?? "/", req));
  return { error: { code: "bad_origin", message: t("error.badOrigin") } };
}

/*
 * CORS for partner sites (ALLOWED_ORIGINS): what a partner's page may call from a browser. The public reads of events, their agenda exports, the member directory, the case library, a series' roll-up and the API
 * description, the public matchmaking summary, and the registration POST. Nothing that needs a signed-in user or a staff token: check-in,
 * applications and the back office stay same-site only.
 */
const partnerReads =
  /^\/api\/v1\/(?:events(?:\/[^/]+(?:\/(?:agenda\.ics|schedule\.json|schedule\.xml|matchmaking))?)?|programme|cases(?:\/[^/]+)?|case-calls|openapi\.json|series\/[^/]+\/(?:agenda\.ics|rollup))$/;
const partnerWrites = /^\/api\/v1\/events\/[^/]+\/registrations$/;

// The request headers a partner's script may send: its JSON body and the retry key of a registration.
// No Authorization: bearer tokens are staff credentials, never used from a partner's page.
const partnerRequestHeaders = "Content-Type, Idempotency-Key";
// How long a browser may reuse a preflight answer (Chromium caps it at two hours).
const preflightMaxAgeSeconds = "600";

function partnerMethods(path: string): "POST" | "GET, HEAD" | null {
  if (partnerWrites.test(path)) return "POST";
  if (partnerReads.test(path)) return "GET, HEAD";
  return null;
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * A request from a listed partner origin: the session cookie is dropped (a partner's page never acts as the
 * visitor signed in here, even with `credentials: "include"`), and on a partner path the answer may be read
 * by that origin (never with credentials). A preflight for a partner path is answered here, 204: true.
 * Costs one header lookup for everybody else.
 */
export function answerPartnerCors(req: IncomingMessage, res: ServerResponse, env: Env): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || !env.ALLOWED_ORIGINS.includes(origin)) return false;
  delete req.headers.cookie;
  const methods = partnerMethods(pathOf(req));
  if (!methods) return false;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Vary", "Origin");
  if (req.method !== "OPTIONS") {
    res.setHeader("Access-Control-Expose-Headers", "Retry-After");
    return false;
  }
  res.writeHead(204, {
    "Access-Control-Allow-Methods": methods,
    "Access-Control-Allow-Headers": partnerRequestHeaders,
    "Access-Control-Max-Age": preflightMaxAgeSeconds,
  });
  res.end();
  return true;
}

/**
 * Answers on a partner path differ by Origin whenever partners are configured (the public reads are cacheable),
 * so shared caches keep them apart.
 */
export function varyByOriginOnPartnerPaths(req: IncomingMessage, res: ServerResponse, env: Env) {
  if (env.ALLOWED_ORIGINS.length && !res.hasHeader("Vary") && partnerMethods(pathOf(req))) res.setHeader("Vary", "Origin");
}

// How long the rest of a refused upload is read and thrown away before the connection is closed. Closing
// at once, while the client is still sending, resets the connection, and the client may lose the answer.
const lingerMs = 2000;

/**
 * For an answer given before the request's body ended (refused unread, or cut off at its limit): the rest
 * of the body is thrown away as it arrives, never kept, and a client still sending it a moment after the
 * answer loses the connection.
 */
export function discardUnreadBody(req: IncomingMessage, res: ServerResponse) {
  if (req.complete) return;
  req.removeAllListeners("data");
  req.resume();
  const closeIfStillSending = () => {
    setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, lingerMs).unref();
  };
  if (res.writableFinished) closeIfStillSending();
  else res.once("finish", closeIfStillSending);
}

/**
 * Any answer may come before its body was read: a route that redirects an anonymous visitor to sign-in, a
 * 405, a thrown response. Node does not throw away a body someone started reading (Remix wraps every body
 * in a stream), so the unread rest stayed in the kept-alive connection and the client's next request on it
 * was never read: no answer at all. Once the answer is sent, what is left of the body is discarded.
 */
export function discardBodyLeftAfterAnswer(req: IncomingMessage, res: ServerResponse) {
  res.once("finish", () => discardUnreadBody(req, res));
}

const formType = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;
// Every form of the site without a file fits many times over; uploads (photos, logos, CSV) come from
// signed-in users only.
const anonymousFormBytes = 1024 * 1024;
const signedInFormBytes = 8 * 1024 * 1024;

/**
 * Page routes (everything outside /api/) are HTML forms: Remix reads their whole body into memory
 * (`request.formData()`), so the body is judged by its headers before any of it is read. Another media type
 * is 415 (the form parser would throw on it; an empty body counts as an empty form), a body without a declared
 * length 411 (browsers always declare it), and one past the limit 413; the larger limit only for a signed-in user. The message is in the
 * user's language. Null: let the request through. A 415 comes after the size checks, so its body (within the
 * limit) can be read and thrown away before the answer, and the connection stays usable.
 */
export async function pageBodyRefusal(req: IncomingMessage): Promise<{ status: number; body: ApiErrorBody } | null> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || req.url?.startsWith("/api/")) return null;
  const request = bufferedRequest(req.method ?? "POST", req.url ?? "/", req);
  const refuse = (status: number, code: string, messageKey: MessageKey) => ({
    status,
    body: { error: { code, message: requestTranslator(request).t(messageKey) } },
  });
  const declared = req.headers["content-length"];
  if (declared === undefined && req.headers["transfer-encoding"]) return refuse(411, "length_required", "error.lengthRequired");
  const length = Number(declared ?? 0);
  if (length > signedInFormBytes || (length > anonymousFormBytes && !(await sessionUser(request)))) return refuse(413, "payload_too_large", "error.payloadTooLarge");
  if (formType.test(req.headers["content-type"] ?? "")) return null;
  // No body at all (a sign-out button, a script's bare POST) is an empty form, not a wrong media type: the
  // route answers it as it answers missing fields.
  if (length === 0 && !req.headers["transfer-encoding"]) {
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    return null;
  }
  return refuse(415, "unsupported_media_type", "error.unsupportedMediaType");
}
