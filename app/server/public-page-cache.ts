import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { dataVersion, dataVersionNow } from "~/models/store/connection.server";
import type { Env } from "~/utils/env.server";
import { localeCookieName, localeFromAcceptLanguage } from "~/utils/i18n.server";
import { acceptedEncoding, compressed } from "./compression";
import { contentSecurityPolicy, securityHeaders } from "./http-guards";

/**
 * A share storm (an event link pasted into a large WeChat group) is hundreds of first visits to one public
 * page within seconds, none signed in. Rendering each costs milliseconds of the single JavaScript thread, so
 * 200 visitors at once would queue for a second or more. Pages that are the same for every anonymous visitor
 * are therefore rendered once per state of the database and replayed:
 *
 * - only public pages, only GET, and only for requests that carry no cookie but the language choice (a
 *   signed-in user, or anyone holding a session or flash cookie, always gets a fresh render);
 * - keyed by the locale the page is rendered in and the full URL (filters are in the query);
 * - valid while the database is unchanged (`dataVersion`: any commit by any connection, a registration or a
 *   check-in included, retires every copy), so a replay is never staler than a render would be, and for at most
 *   `maxAgeMs`: what a page shows also moves with the clock alone (registration closes at its deadline, an event
 *   moves from upcoming to past), and a quiet database would otherwise keep the old answer for days;
 * - concurrent first visits wait for the one render in flight instead of rendering the page each;
 * - only 200 answers that set no cookie are kept;
 * - a replay is the same bytes for everyone, compressed once per encoding: rewriting and re-compressing the
 *   page for each visitor (to give it a fresh CSP nonce) cost more than the render saved. Its Content-Security-
 *   Policy therefore allows the recorded page's inline scripts by their SHA-256 hashes instead of a nonce, so
 *   exactly those scripts run and no nonce is ever sent twice (the recorded one is in no replay's policy).
 */
const publicPages = [/^\/$/, /^\/events\/?$/, /^\/events\/[^/]+\/?$/, /^\/programme\/?$/, /^\/programme\/firms\/[^/]+\/?$/];

// Set per answer or by the replay itself, never taken from the recording: this answer's length and encoding,
// the security headers and the policy (http-guards.ts), the cookie and the cache mark.
const notRecorded = new Set(["content-length", "content-encoding", "content-security-policy", "set-cookie", "x-page-cache"]);

type Encoding = "identity" | "br" | "gzip";
/** What a replay writes: the status line's headers as a flat list, and the body. */
type Answer = { headers: string[]; body: Buffer };
/** A recorded page: `identity` is the page as sent; each encoding's answer is built on first demand. */
type Page = { version: number; expiresAt: number; headers: string[]; identity: Buffer; answers: Partial<Record<Encoding, Answer>> };
type Waiter = { req: Request; res: Response; next: NextFunction };
type Render = { version: number; waiters: Waiter[] };

/**
 * `middleware` (in express, after the static files) renders on a miss and records the answer; `replayAhead`
 * (on node:http, ahead of express, like the hot check-in endpoints) answers a visit whose copy is current and
 * says whether it did. A replay is then one map lookup, one `PRAGMA data_version` read and one write of
 * ready-made headers and bytes: no express request objects, no nonce, no header assembly per visitor.
 */
export function publicPageCache({ env, maxEntries = 200, maxAgeMs = 30_000 }: { env: Env; maxEntries?: number; maxAgeMs?: number }) {
  const pages = new Map<string, Page>();
  const current = (page: Page | undefined, version: number | undefined): page is Page => page !== undefined && page.version === version && Date.now() < page.expiresAt;
  const rendering = new Map<string, Render>();
  const fixedHeaders = [...securityHeaders(env)].flat();
  const skip = new Set([...notRecorded, ...securityHeaders(env).map(([name]) => name.toLowerCase())]);

  const answerOf = (page: Page, encoding: Encoding): Answer => {
    const body = encoding === "identity" ? page.identity : compressed(page.identity, encoding, "page");
    const headers = [...page.headers, ...fixedHeaders, "Content-Security-Policy", contentSecurityPolicy(inlineScriptHashes(page.identity.toString("utf8")), "'none'")];
    if (encoding !== "identity") headers.push("Content-Encoding", encoding);
    headers.push("Content-Length", String(body.length), "X-Page-Cache", "hit");
    return { headers, body };
  };

  // Headers set earlier on `res` (express's path) give way to the replay's own, which are complete.
  const replay = (page: Page, req: IncomingMessage, res: ServerResponse) => {
    const encoding = acceptedEncoding(req.headers["accept-encoding"]) ?? "identity";
    const answer = (page.answers[encoding] ??= answerOf(page, encoding));
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  };

  const serve = async (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req);
    const version = await dataVersion();
    const page = pages.get(key);
    if (current(page, version)) return replay(page, req, res);
    const inFlight = rendering.get(key);
    if (inFlight?.version === version) return void inFlight.waiters.push({ req, res, next });
    const render: Render = { version, waiters: [] };
    rendering.set(key, render);
    res.setHeader("X-Page-Cache", "miss");
    record(res, version, Date.now() + maxAgeMs, skip, (recorded) => {
      if (rendering.get(key) === render) rendering.delete(key);
      if (recorded) {
        pages.delete(key);
        pages.set(key, recorded);
        if (pages.size > maxEntries) pages.delete(pages.keys().next().value!);
      }
      for (const waiter of render.waiters) {
        if (recorded) replay(recorded, waiter.req, waiter.res);
        else waiter.next();
      }
    });
    next();
  };

  return {
    middleware(req: Request, res: Response, next: NextFunction) {
      if (!cacheable(req)) return next();
      serve(req, res, next).catch(next);
    },
    /** Answers from a current copy and returns true, or returns false and leaves the request to express. */
    replayAhead(req: IncomingMessage, res: ServerResponse): boolean {
      // A partner's Origin or a request body takes express's path, which knows what to do with them.
      if (req.headers.origin !== undefined || req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) return false;
      if (!cacheable(req)) return false;
      const page = pages.get(keyOf(req));
      if (!current(page, dataVersionNow())) return false;
      replay(page, req, res);
      return true;
    },
  };
}

function cacheable(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !anonymous(req.headers.cookie)) return false;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  return publicPages.some((page) => page.test(path));
}

/** The CSP sources that allow exactly the page's inline scripts: one 'sha256-…' per distinct script text. */
export function inlineScriptHashes(html: string): string {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(attributes!) || text === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`);
  }
  return [...hashes].join(" ");
}

/** Passes the answer through unchanged and hands over a copy once it has been sent whole (else null). */
function record(res: Response, version: number, expiresAt: number, skip: Set<string>, done: (page: Page | null) => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && typeof chunk !== "function") keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response["end"];
  res.once("close", () => {
    if (!res.writableFinished || res.statusCode !== 200 || res.hasHeader("set-cookie")) return done(null);
    const headers: string[] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || skip.has(name)) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
    }
    done({ version, expiresAt, headers, identity: Buffer.concat(chunks), answers: {} });
  });
}

function anonymous(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return true;
  return cookieHeader.split(";").every((pair) => {
    const name = pair.split("=")[0]!.trim();
    return name === "" || name === localeCookieName;
  });
}

/** The key of a copy: the locale it is rendered in and the whole URL (filters are in the query). */
function keyOf(req: IncomingMessage): string {
  return `${localeOf(req)} ${req.url}`;
}

function localeOf(req: IncomingMessage): string {
  const chosen = new RegExp(`(?:^|;\\s*)${localeCookieName}=([^;]+)`).exec(req.headers.cookie ?? "")?.[1];
  return chosen ?? localeFromAcceptLanguage(req.headers["accept-language"] ?? null);
}
