import type { IncomingMessage } from "node:http";
import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import type { MessageKey, Translate } from "~/i18n";

/** The error body of the JSON API (DESIGN.md §5). */
export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function apiError(status: number, code: string, message: string, options: { fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
  return replyResponse(apiErrorReply(status, code, message, options));
}

/**
 * A JSON API answer as plain data. The hot endpoints (check-in scans, registrations) build only this: the
 * server writes it straight to the socket (app/server/hot-endpoints.ts), and `jsonAction` makes it a Response for
 * any other caller. A Fetch Response costs more than building it: its body stream is tracked through a
 * FinalizationRegistry, which keeps every answer alive through the young-generation collections, so at
 * 1,000 scans/s each of them ends up in the old generation and the collector pauses grow with them.
 */
export type JsonReply = { status: number; body: unknown; headers?: Record<string, string> };

export function jsonReply(body: unknown, status = 200, headers?: Record<string, string>): JsonReply {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function apiErrorReply(status: number, code: string, message: string, options: { fields?: Record<string, string>; headers?: Record<string, string> } = {}): JsonReply {
  const body: ApiErrorBody = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  return jsonReply(body, status, options.headers);
}

export function replyResponse(reply: JsonReply): Response {
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}

/**
 * Thrown from models and guards; API routes turn it into a JSON error with `toResponse`.
 * Deliberately not an Error subclass: it has the shape of Remix's ErrorResponse (status, statusText,
 * internal, data), so a guard that throws it from a page loader or action gives the real status (403, 404)
 * and the route's error boundary, on the server render and on client navigations alike, instead of a 500.
 */
export class HttpError {
  readonly statusText = "";
  readonly internal = false;
  readonly data: { error: { code: string; messageKey: MessageKey; params?: Record<string, string | number>; fields?: Record<string, string> } };
  readonly message: string;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params?: Record<string, string | number>,
    readonly fields?: Record<string, string>,
  ) {
    this.message = `${status} ${code}`;
    this.data = { error: { code, messageKey, ...(params ? { params } : {}), ...(fields ? { fields } : {}) } };
  }

  toResponse(t: Translate, headers?: Record<string, string>) {
    return apiError(this.status, this.code, t(this.messageKey, this.params), { fields: this.fields, headers });
  }
}

/**
 * An `HttpError`, also one thrown by the Remix build's own copy of this module (the server loads another):
 * recognised by its shape, not its class.
 */
export function isHttpError(value: unknown): value is HttpError {
  if (value instanceof HttpError) return true;
  const candidate = value as Partial<HttpError> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.status === "number" && typeof candidate.code === "string" && typeof candidate.messageKey === "string";
}

export const maxJsonBytes = 64 * 1024;

/** Reads a JSON body with a size limit; bad JSON and oversized bodies become 4xx, never a 500. */
export async function readJson(request: Request, limit = maxJsonBytes): Promise<unknown> {
  const buffer = await readBody(request, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new HttpError(400, "invalid_json", "error.invalidJson");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "error.invalidJson");
  }
  if (surrogateEscape.test(text) && !wellFormed(value)) throw new HttpError(400, "invalid_text", "error.loneSurrogate");
  return value;
}

// A lone UTF-16 surrogate ("\ud800") is valid JSON but no text: the database layer cannot carry it, and a
// request holding one was never answered. Only an escape can produce one (the bytes were strict UTF-8), so
// the walk runs only when the text has such an escape.
const surrogateEscape = /\\u[dD][89a-fA-F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(value: unknown): boolean {
  if (typeof value === "string") return !loneSurrogate.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value && typeof value === "object") return Object.entries(value).every(([key, item]) => wellFormed(key) && wellFormed(item));
  return true;
}

// A refused body is still read (and thrown away) up to this size, so the client gets the 413 instead of a
// connection reset while it is still sending.
const drainLimit = 8 * 1024 * 1024;

// Symbol.for: the server (app/server/hot-endpoints.ts) and the Remix build each load their own copy of this module.
const incomingBody = Symbol.for("app.incomingBody");

/**
 * What the hot path hands a JSON endpoint instead of a Fetch Request: method, URL, the headers as Node
 * parsed them behind `get`/`has`, and the incoming message itself, whose body is read only when the endpoint
 * asks for it (`readJson`, with that endpoint's limit): after its authentication, so a request that is
 * refused costs no more than its headers. JSON endpoints read nothing else of a request (headers through the
 * auth and locale helpers, the body through `readJson`). A Fetch Request, a Headers copy or a WeakMap entry
 * per scan each kept the request alive through young-generation collections at 1,000 scans/s (see
 * `JsonReply`); a plain object does not.
 */
export function bufferedRequest(method: string, url: string, incoming: IncomingMessage): Request {
  const headers = incoming.headers;
  const get = (name: string) => {
    const value = headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  const has = (name: string) => headers[name.toLowerCase()] !== undefined;
  return { method, url, headers: { get, has }, body: null, bodyUsed: false, [incomingBody]: incoming } as unknown as Request;
}

const tooLarge = () => new HttpError(413, "payload_too_large", "error.payloadTooLarge");

/** The body as bytes, at most `limit` of them (declared or streamed), else 413. */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const incoming = (request as { [incomingBody]?: IncomingMessage })[incomingBody];
  if (incoming) return readIncoming(incoming, limit);
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let refused = declared > limit;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) refused = true;
    if (refused) {
      if (size > drainLimit) {
        await reader.cancel();
        break;
      }
      continue;
    }
    chunks.push(value);
  }
  if (refused) throw tooLarge();
  return Buffer.concat(chunks);
}

/**
 * The hot path's body: refused on its declared length before a byte is read, and a body without one (chunked)
 * is cut off as soon as it passes the limit. The server throws away the rest of a body it answered early
 * (`discardUnreadBody` in app/server/http-guards.ts).
 */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (Number(incoming.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      reject(tooLarge());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    incoming.on("data", onData).once("end", onEnd).once("error", onError);
  });
}

/** Field errors of a Zod result, first message per field, for the `fields` of an API error. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "_";
    fields[name] ??= issue.message;
  }
  return fields;
}

/** Shortcut for a page-level 404 that the route's error boundary renders. */
export function notFound(): never {
  throw data(null, { status: 404 });
}

export function clientAddress(request: Request): string {
  return request.headers.get("X-Client-Address") ?? "";
}
