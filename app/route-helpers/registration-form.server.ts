import { data, redirect } from "@remix-run/node";
import { registrationState } from "~/models/event.server";
import { ticketCategories, usableInvite } from "~/models/event-page.server";
import { approvalApplies, categoryOffer, categorySeatsLeft, registerAction } from "~/models/registration-offer";
import { registrationFormData } from "~/models/registration-settings.server";
import { submitRegistration } from "~/models/registration-write.server";
import { registrationInputSchema } from "~/schemas/registration";
import { env } from "~/utils/env.server";
import { clientAddress, HttpError, notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission } from "~/utils/route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { maskEmail, registrationFlashCookie } from "~/utils/registration-flash.server";

/**
 * The public registration form's loader and action, shared by the registration page and its embeddable
 * twin (/events/:slug/embed), so a registration made in a partner's frame is the same as one made here.
 *
 * Invite-only categories are offered only with a usable invite code (`?code=` or typed into the form, which
 * reloads the page with it); one bound to a category offers that category alone, as the write uses it anyway.
 */
export async function registrationFormPage(slug: string, inviteCode: string | null = null) {
  const form = await registrationFormData(slug);
  if (!form) notFound();
  const { event } = form;
  const [counters, invite] = await Promise.all([ticketCategories(event.id), inviteCode ? usableInvite(event.id, inviteCode) : null]);
  const invited = Boolean(invite);
  const offered = form.categories.filter((category) => (invite?.categoryId ? category.id === invite.categoryId : !category.inviteOnly || invited));
  const categories = offered.map((category) => {
    const facts = counters.find((candidate) => candidate.id === category.id)!;
    return {
      ...category,
      default: invite?.categoryId ? true : category.default,
      seatsLeft: categorySeatsLeft(event, facts),
      offer: categoryOffer(event, facts),
      approval: approvalApplies(event, facts, invited),
    };
  });
  const state = registrationState(event);
  return {
    ...form,
    categories,
    state,
    action: registerAction(
      state,
      event,
      offered.map((category) => counters.find((candidate) => candidate.id === category.id)!),
    ),
    approval: approvalApplies(event, null, invited),
    invite: invite ? { code: invite.code } : null,
    inviteRefused: Boolean(inviteCode?.trim()) && !invite,
    retentionDays: env().RETENTION_DAYS,
  };
}

export type RegistrationFormPage = Awaited<ReturnType<typeof registrationFormPage>>;

// A registration's status, or "resent": the one answer for an address already registered, whatever its state.
export type RegistrationDone = { status: string; managePath: string | null };

/**
 * The form's submission. `contactFirmIds`: the signed-in firm contact's firms, whose reserved seats apply.
 * `confirmationPage`: answer a registration with a redirect to /events/:slug/registered (POST → redirect →
 * GET); the embedded form, framed on a partner's site where our cookies do not travel, shows it in place.
 */
export async function submitRegistrationForm(request: Request, slug: string, contactFirmIds: string[], { confirmationPage = false }: { confirmationPage?: boolean } = {}) {
  const { locale } = requestTranslator(request);
  return handleSubmission(request, registrationInputSchema, async (input, reply) => {
    if (!hitRateLimit(`registration:${clientAddress(request)}`, 60, 60_000).allowed) throw new HttpError(429, "rate_limited", "error.tooManyRequests");
    const answer = await submitRegistration({ slug, input, locale: input.locale ?? locale, contactFirmIds });
    const manageUrl = answer.httpStatus === 201 ? answer.body.registration.manageUrl : null;
    const done: RegistrationDone = {
      status: answer.httpStatus === 201 ? answer.body.registration.status : "resent",
      managePath: manageUrl ? new URL(manageUrl).pathname : null,
    };
    if (confirmationPage) {
      const cookie = await registrationFlashCookie({ slug, ...done, maskedEmail: maskEmail(input.email) });
      return redirect(`/events/${slug}/registered`, { status: 303, headers: { "Set-Cookie": cookie } });
    }
    return data({ result: reply({ resetForm: true }), done }, { status: answer.httpStatus });
  });
}
