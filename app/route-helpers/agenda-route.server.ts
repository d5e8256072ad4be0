import { data } from "@remix-run/node";
import { HttpError, httpErrorData } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { isBackOfficeUser, requireUser } from "~/auth/permissions.server";
import { translateFields } from "~/i18n";

/**
 * Route glue for the agenda pages. A model throws `HttpError` (422 with message keys per field, 403, 404 …);
 * a page loader turns it into an error response its boundary renders with the right status, a form action
 * into translated field errors, and a JSON route into the API error shape.
 */
export type FormFailure = { ok: false; intent: string; formError: string; fields: Record<string, string>; values?: Record<string, string> };

/**
 * Runs a form action. Invalid input comes back as translated field errors with status 422 and the values
 * the user typed; permission and lookup errors are thrown as 4xx responses.
 */
export async function formAction<T>(
  request: Request,
  intent: string,
  values: Record<string, string>,
  work: () => Promise<T>,
): Promise<T | ReturnType<typeof data<FormFailure>>> {
  const { t } = requestTranslator(request);
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError && error.status === 422) {
      return data<FormFailure>(
        { ok: false, intent, formError: t(error.messageKey, error.params), fields: translateFields(error.fields, t), values },
        { status: 422 },
      );
    }
    if (error instanceof HttpError) throw httpErrorData(error, t);
    throw error;
  }
}

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
  return values;
}

/** The people directory is for organizers and admins (not check-in staff). */
export async function requireSpeakerEditor(request: Request) {
  const user = await requireUser(request);
  if (!isBackOfficeUser(user)) throw new HttpError(403, "forbidden", "error.forbidden.body");
  return user;
}
