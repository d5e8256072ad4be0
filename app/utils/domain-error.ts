import type { MessageKey } from "~/i18n";
import { HttpError } from "./http.server";

/**
 * What a model refuses, in the domain's words: the input is invalid, the thing is not there, the request
 * conflicts with the state it found, … Models throw these and never name an HTTP status; the mapping below is
 * the HTTP layer's (it extends `HttpError`, so `page`, `jsonEndpoint` and `handleSubmission` answer it like any
 * other, and a loader that lets one through still gives its status and the error boundary, never a 500).
 */
export type Refusal = keyof typeof statusOf;

const statusOf = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported: 415,
  invalid: 422,
  locked: 423,
  rate_limited: 429,
  busy: 503,
} as const;

export class DomainError extends HttpError {
  constructor(
    readonly refusal: Refusal,
    code: string,
    messageKey: MessageKey,
    params?: Record<string, string | number>,
    fields?: Record<string, string>,
  ) {
    super(statusOf[refusal], code, messageKey, params, fields);
  }
}
