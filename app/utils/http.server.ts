import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import type { MessageKey, Translate } from "~/i18n";

/** The error body of the JSON API (DESIGN.md §5). */
export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function apiError(
  status: number,
  code: string,
  message: string,
  options: { fields?: Record<string, string>; headers?: HeadersInit } = {},
) {
  const body: ApiErrorBody = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  return Response.json(body, { status, headers: options.headers });
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

  toResponse(t: Translate, headers?: HeadersInit) {
    return apiError(this.status, this.code, t(this.messageKey, this.params), { fields: this.fields, headers });
  }
}

export const maxJsonBytes = 64 * 1024;

/** Reads a JSON body with a size limit; bad JSON and oversized bodies become 4xx, never a 500. */
export async function readJson(request: Request, limit = maxJsonBytes): Promise<unknown> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw new HttpError(413, "payload_too_large", "error.payloadTooLarge");
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > limit) throw new HttpError(413, "payload_too_large", "error.payloadTooLarge");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new HttpError(400, "invalid_json", "error.invalidJson");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "error.invalidJson");
  }
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
