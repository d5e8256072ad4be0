import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { translateFields, translateMessage, type MessageKey, type Translate } from "~/i18n";
import { apiErrorReply, HttpError, replyResponse, type JsonReply } from "./http.server";
import { requestTranslator } from "./i18n.server";

/**
 * The one way a route turns what went wrong into an answer (docs/decisions/0007-one-route-convention.md):
 * models and guards throw `HttpError`; `page` makes it the 4xx a page's error boundary renders, `jsonEndpoint`
 * the API error body of DESIGN.md §5, and `handleSubmission` per-field errors on the form that was sent.
 * Nothing else in a route catches errors.
 */

// States named in an error's parameters ("cannot move from APPROVED") are shown by name, never as codes.
const namedStates: Record<string, MessageKey> = {
  SUBMITTED: "programme.status.SUBMITTED",
  UNDER_REVIEW: "programme.status.UNDER_REVIEW",
  NEEDS_MORE_INFO: "programme.status.NEEDS_MORE_INFO",
  APPROVED: "programme.status.APPROVED",
  REJECTED: "programme.status.REJECTED",
};

/** An error's message in the reader's language. */
export function describeError(error: HttpError, t: Translate): string {
  const params = error.params
    ? Object.fromEntries(Object.entries(error.params).map(([name, value]) => [name, typeof value === "string" && value in namedStates ? t(namedStates[value]) : value]))
    : undefined;
  return t(error.messageKey, params);
}

/** The 4xx an HttpError becomes on a page: its boundary renders the translated message with the real status. */
export function errorResponse(error: HttpError, t: Translate) {
  return data({ error: { code: error.code, message: describeError(error, t), fields: translateFields(error.fields, t) } }, { status: error.status });
}

/** Every page loader and action (and file downloads): an HttpError becomes a translated 4xx, never a 500. */
export async function page<T>(request: Request, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw errorResponse(error, requestTranslator(request).t);
    throw error;
  }
}

type EndpointArgs = { request: Request; params: Record<string, string | undefined> };

/** A JSON endpoint: the route's whole logic, from a request to a plain answer (errors already answered). */
export type JsonEndpoint = (args: EndpointArgs) => Promise<JsonReply>;

/**
 * Every JSON route, as its Remix loader or action. The action carries the endpoint itself for the hot path
 * (app/server/hot-endpoints.ts), which writes the plain answer to the socket without a Fetch Response: a
 * property of the function, because Remix strips `action` and what only it uses from the browser bundle.
 */
export function jsonEndpoint(work: (args: EndpointArgs) => Promise<JsonReply>) {
  const endpoint: JsonEndpoint = async (args) => {
    try {
      return await work(args);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const { t } = requestTranslator(args.request);
      return apiErrorReply(error.status, error.code, describeError(error, t), error.fields ? { fields: translateFields(error.fields, t) } : {});
    }
  };
  const route = async (args: EndpointArgs) => replyResponse(await endpoint(args));
  return Object.assign(route, { endpoint });
}

/** What a form action answers when the submission is refused: the form's state with every error, translated. */
export type SubmissionReply = { result: SubmissionResult<string[]> };

// A route may answer a valid submission with its own refusal (a sign-in's 401 with Retry-After) and stay on the form.
type Reply = (options?: { resetForm?: boolean; formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>;

/**
 * Every form action: the form is parsed with its Zod schema (Conform), and `work` runs only on a valid
 * value. Every invalid field comes back at once; a domain error (`HttpError` with `fields`) is shown on
 * those fields and its message above the form, with its status. 401, 403 and 404 go to the error boundary:
 * the page is not the user's to see. `work` may answer with `reply()` (stay on the form) or a redirect.
 * A schema with an `intent` discriminator serves a page with several forms.
 */
export async function handleSubmission<Schema extends z.ZodTypeAny, R>(request: Request, schema: Schema, work: (value: z.output<Schema>, reply: Reply) => Promise<R>, formData?: FormData) {
  const { t } = requestTranslator(request);
  const submission = parseWithZod(formData ?? (await request.formData()), { schema });
  if (submission.status !== "success") return data<SubmissionReply>({ result: translated(submission.reply(), t) }, { status: 422 });
  try {
    return await work(submission.value, (options) => submission.reply(options));
  } catch (error) {
    if (!(error instanceof HttpError) || [401, 403, 404].includes(error.status)) {
      if (error instanceof HttpError) throw errorResponse(error, t);
      throw error;
    }
    const fieldErrors = Object.fromEntries(Object.entries(error.fields ?? {}).map(([name, message]) => [name, [translateMessage(message, t)]]));
    return data<SubmissionReply>({ result: submission.reply({ formErrors: [describeError(error, t)], fieldErrors }) }, { status: error.status });
  }
}

// Zod messages are i18n keys ("validation.required", "validation.tooLong|200"): a form without JavaScript
// shows the server's answer as it is, so it goes out in the reader's language.
function translated(result: SubmissionResult<string[]>, t: Translate): SubmissionResult<string[]> {
  if (!result.error) return result;
  return { ...result, error: Object.fromEntries(Object.entries(result.error).map(([name, messages]) => [name, messages?.map((message) => translateMessage(message, t)) ?? null])) };
}

/**
 * An API route that answers a file (iCalendar, XML) rather than JSON: `work` returns the file's Response,
 * and an HttpError becomes the same API error body as in `jsonEndpoint`.
 */
export function fileEndpoint(work: (args: EndpointArgs) => Promise<Response>) {
  return async (args: EndpointArgs): Promise<Response> => {
    try {
      return await work(args);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return replyResponse(apiErrorReply(error.status, error.code, describeError(error, requestTranslator(args.request).t)));
    }
  };
}
