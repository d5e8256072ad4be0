import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { dataVersion } from "~/models/store/connection.server";
import { localeCookieName, localeFromAcceptLanguage } from "~/utils/i18n.server";
import { acceptedEncoding, compressed } from "./compression";

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
 *   check-in included, retires every copy), so a replay is never staler than a render would be;
 * - concurrent first visits wait for the one render in flight instead of rendering the page each;
 * - only 200 answers that set no cookie are kept;
 * - a replay is the same bytes for everyone, compressed once per encoding: rewriting and re-compressing the
 *   page for each visitor (to give it a fresh CSP nonce) cost more than the render saved. Its Content-Security-
 *   Policy therefore allows the recorded page's inline scripts by their SHA-256 hashes instead of a nonce, so
 *   exactly those scripts run and no nonce is ever sent twice (the recorded one is in no replay's policy).
 */
const publicPages = [/^\/$/, /^\/events\/?$/, /^\/events\/[^/]+\/?$/, /^\/programme\/?$/, /^\/programme\/firms\/[^/]+\/?$/];

// Set per answer, never replayed: the security headers of app/server/http.ts and this answer's length/encoding.
const perAnswerHeaders = new Set(["content-length", "content-encoding", "content-security-policy", "set-cookie", "x-frame-options"]);

/** A recorded answer: `encoded.identity` is the page as sent; the compressed forms are added on first demand. */
type Page = { version: number; headers: Array<[string, number | string | string[]]>; scriptHashes: string; encoded: { identity: Buffer; br?: Buffer; gzip?: Buffer } };
type Waiter = { req: Request; res: Response; next: NextFunction };
type Render = { version: number; waiters: Waiter[] };

export function publicPageCache({ maxEntries = 200 } = {}) {
  const pages = new Map<string, Page>();
  const rendering = new Map<string, Render>();

  const serve = async (req: Request, res: Response, next: NextFunction) => {
    const key = `${localeOf(req)} ${req.originalUrl}`;
    const version = await dataVersion();
    const page = pages.get(key);
    if (page?.version === version) return replay(page, req, res);
    const inFlight = rendering.get(key);
    if (inFlight?.version === version) return void inFlight.waiters.push({ req, res, next });
    const render: Render = { version, waiters: [] };
    rendering.set(key, render);
    res.setHeader("X-Page-Cache", "miss");
    record(res, version, (recorded) => {
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

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" || !publicPages.some((path) => path.test(req.path)) || !anonymous(req.headers.cookie)) return next();
    serve(req, res, next).catch(next);
  };
}

function replay(page: Page, req: Request, res: Response) {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  const policy = String(res.getHeader("Content-Security-Policy") ?? "");
  res.setHeader("Content-Security-Policy", policy.replace(`'nonce-${res.locals.cspNonce as string}'`, page.scriptHashes));
  const encoding = acceptedEncoding(req.headers["accept-encoding"]);
  const body = encoding ? (page.encoded[encoding] ??= compressed(page.encoded.identity, encoding, "page")) : page.encoded.identity;
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", String(body.length));
  res.setHeader("X-Page-Cache", "hit");
  res.status(200).end(body);
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
function record(res: Response, version: number, done: (page: Page | null) => void) {
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
    const headers = Object.entries(res.getHeaders()).filter((header): header is [string, number | string | string[]] => header[1] !== undefined && !perAnswerHeaders.has(header[0]));
    const body = Buffer.concat(chunks);
    done({ version, headers, scriptHashes: inlineScriptHashes(body.toString("utf8")), encoded: { identity: body } });
  });
}

function anonymous(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return true;
  return cookieHeader.split(";").every((pair) => {
    const name = pair.split("=")[0]!.trim();
    return name === "" || name === localeCookieName;
  });
}

function localeOf(req: Request): string {
  const chosen = new RegExp(`(?:^|;\\s*)${localeCookieName}=([^;]+)`).exec(req.headers.cookie ?? "")?.[1];
  return chosen ?? localeFromAcceptLanguage(req.headers["accept-language"] ?? null);
}
