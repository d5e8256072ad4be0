import { data } from "@remix-run/node";
import type { MessageKey, Translate } from "~/i18n";
import { apiRoute, HttpError, httpErrorData, pageLoader } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { translateFields } from "~/i18n";

/**
 * Route glue for the programme pages: a model or guard throws `HttpError`; a loader turns it into a 4xx the
 * error boundary renders (never a 500), an action into a translated message the form shows.
 */
const statusNames = new Set(["SUBMITTED", "UNDER_REVIEW", "NEEDS_MORE_INFO", "APPROVED", "REJECTED"]);

/** The error's message in the reader's language; application states in its parameters are named, not coded. */
export function errorMessage(error: HttpError, t: Translate): string {
  const params = Object.fromEntries(
    Object.entries(error.params ?? {}).map(([name, value]) => [name, typeof value === "string" && statusNames.has(value) ? t(`programme.status.${value}` as MessageKey) : value]),
  );
  return t(error.messageKey, params);
}

/** `pageLoader` with application states named in the message. */
export function guardedLoader<T>(request: Request, work: () => Promise<T>): Promise<T> {
  return pageLoader(request, work, errorMessage);
}

export type ActionFailure = { ok: false; intent: string; message: string; fields: Record<string, string> };
export type ActionSuccess = { ok: true; intent: string; message: string };

/**
 * Runs an action body. 401/403/404 are thrown (the page is not the user's to see); other HttpErrors come
 * back as a translated message with their status, so the form can show what to fix.
 */
export async function guardedAction(request: Request, intent: string, work: (t: Translate) => Promise<string>) {
  const { t } = requestTranslator(request);
  try {
    return { ok: true, intent, message: await work(t) } as ActionSuccess;
  } catch (error) {
    if (error instanceof HttpError && ![401, 403, 404].includes(error.status)) {
      return data<ActionFailure>({ ok: false, intent, message: errorMessage(error, t), fields: translateFields(error.fields, t) }, { status: error.status });
    }
    if (error instanceof HttpError) throw httpErrorData(error, t, errorMessage);
    throw error;
  }
}

/** `apiRoute` with application states named in the message. */
export function apiRouteErrors(request: Request, work: () => Promise<Response>): Promise<Response> {
  return apiRoute(request, work, errorMessage);
}
