import { data } from "@remix-run/node";
import type { MessageKey, Translate } from "~/i18n";
import { apiError, HttpError } from "./http.server";
import { requestTranslator } from "./i18n.server";

/**
 * Route glue for the programme pages: a model or guard throws `HttpError`; a loader turns it into a 4xx the
 * error boundary renders (never a 500), an action into a translated message the form shows.
 */
export function translateFields(fields: Record<string, string> | undefined, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([name, key]) => [name, t(key as MessageKey)]));
}

const statusNames = new Set(["SUBMITTED", "UNDER_REVIEW", "NEEDS_MORE_INFO", "APPROVED", "REJECTED"]);

/** The error's message in the reader's language; application states in its parameters are named, not coded. */
export function errorMessage(error: HttpError, t: Translate): string {
  const params = Object.fromEntries(
    Object.entries(error.params ?? {}).map(([name, value]) => [name, typeof value === "string" && statusNames.has(value) ? t(`programme.status.${value}` as MessageKey) : value]),
  );
  return t(error.messageKey, params);
}

function errorResponse(error: HttpError, t: Translate) {
  return data({ error: { code: error.code, message: errorMessage(error, t), fields: translateFields(error.fields, t) } }, { status: error.status });
}

export async function guardedLoader<T>(request: Request, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw errorResponse(error, requestTranslator(request).t);
    throw error;
  }
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
    if (error instanceof HttpError) throw errorResponse(error, t);
    throw error;
  }
}

/** For JSON resource routes: HttpError → the API error body of DESIGN.md §5. */
export async function apiRouteErrors(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) {
      const { t } = requestTranslator(request);
      return apiError(error.status, error.code, errorMessage(error, t), error.fields ? { fields: translateFields(error.fields, t) } : {});
    }
    throw error;
  }
}
