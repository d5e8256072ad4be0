import { data } from "@remix-run/node";
import { registrationState } from "~/models/event.server";
import { registrationFormData } from "~/models/registration-settings.server";
import { submitRegistration } from "~/models/registration-write.server";
import { registrationInputSchema } from "~/schemas/registration";
import { env } from "~/utils/env.server";
import { clientAddress, HttpError, notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission } from "~/utils/route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

/**
 * The public registration form's loader and action, shared by the registration page and its embeddable
 * twin (/events/:slug/embed), so a registration made in a partner's frame is the same as one made here.
 */
export async function registrationFormPage(slug: string) {
  const form = await registrationFormData(slug);
  if (!form) notFound();
  return { ...form, state: registrationState(form.event), retentionDays: env().RETENTION_DAYS };
}

export type RegistrationFormPage = Awaited<ReturnType<typeof registrationFormPage>>;

// A registration's status, or "resent": the one answer for an address already registered, whatever its state.
export type RegistrationDone = { status: string; managePath: string | null };

/** The form's submission. `contactFirmIds`: the signed-in firm contact's firms, whose reserved seats apply. */
export async function submitRegistrationForm(request: Request, slug: string, contactFirmIds: string[]) {
  const { locale } = requestTranslator(request);
  return handleSubmission(request, registrationInputSchema, async (input, reply) => {
    if (!hitRateLimit(`registration:${clientAddress(request)}`, 60, 60_000).allowed) throw new HttpError(429, "rate_limited", "error.tooManyRequests");
    const answer = await submitRegistration({ slug, input, locale: input.locale ?? locale, contactFirmIds });
    const manageUrl = answer.httpStatus === 201 ? answer.body.registration.manageUrl : null;
    const done: RegistrationDone = {
      status: answer.httpStatus === 201 ? answer.body.registration.status : "resent",
      managePath: manageUrl ? new URL(manageUrl).pathname : null,
    };
    return data({ result: reply({ resetForm: true }), done }, { status: answer.httpStatus });
  });
}
