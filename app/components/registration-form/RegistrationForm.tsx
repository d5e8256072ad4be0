import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { SubmissionResult } from "@conform-to/react";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { RegistrationDone, RegistrationFormPage } from "~/route-helpers/registration-form.server";
import { registrationInputSchema } from "~/schemas/registration";
import { registerWords } from "~/components/event-page/TicketPanel";
import { Button, ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

/**
 * The public registration form (categories, the questions of the chosen category, the privacy notice and
 * consent), or why registration is not open. It posts to the page that shows it: the registration page, or
 * the embeddable page a partner site frames.
 */
export function RegistrationForm({ page, lastResult }: { page: RegistrationFormPage; lastResult?: SubmissionResult<string[]> }) {
  const { event, categories, questions, state, retentionDays } = page;
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  const [category, setCategory] = useState(categories.find((candidate) => candidate.default)?.code ?? "");
  const { form, fields, errorOf: error, formErrors } = useSubmissionForm(registrationInputSchema, { lastResult });
  const chosen = categories.find((candidate) => candidate.code === category) ?? null;
  const visibleQuestions = questions.filter((question) => question.categoryIds.length === 0 || question.categoryIds.includes(chosen?.id ?? ""));
  if (state !== "open" || page.action === "sold_out") {
    return (
      <Card role="alert" className="mt-4">
        <p className="text-danger-ink">{state !== "open" ? t(`event.registration.${state}` as MessageKey) : t("eventPage.soldOutNote")}</p>
        <Button type="button" className="mt-3 w-full" disabled data-testid="register-submit">
          {t(registerWords(page.action))}
        </Button>
      </Card>
    );
  }
  // The submit button says what it does: a full category or event takes the waitlist, never "register now".
  const joinsWaitlist = page.action === "waitlist" || chosen?.offer === "waitlist";
  const soldOut = chosen?.offer === "sold_out";
  const needsApproval = chosen ? chosen.approval : page.approval;
  return (
    <>
      <InviteCodeForm page={page} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-4">
        <p className="mb-4 text-sm text-muted">{t("registration.form.intro")}</p>
        <FormErrors messages={formErrors} />
        <input type="hidden" name="locale" value={locale} />
        {page.invite ? <input type="hidden" name="inviteCode" value={page.invite.code} /> : null}
        <Field label={t("registration.form.name")} name={fields.name.name} error={error("name")} required autoComplete="name" />
        <Field
          label={t("registration.form.email")}
          name={fields.email.name}
          type="email"
          error={error("email")}
          hint={t("registration.form.emailHint")}
          required
          autoComplete="email"
          inputMode="email"
        />
        <Field label={t("registration.form.organization")} name={fields.organization.name} error={error("organization")} required autoComplete="organization" />
        <Field label={t("registration.form.jobTitle")} name={fields.jobTitle.name} error={error("jobTitle")} autoComplete="organization-title" />
        <Field label={t("registration.form.phone")} name={fields.phone.name} type="tel" error={error("phone")} autoComplete="tel" inputMode="tel" />
        {categories.length ? (
          <fieldset className="mb-4">
            <legend className="field-label">{t("registration.form.category")}</legend>
            {categories.map((candidate) => (
              <label key={candidate.id} className="flex flex-wrap items-center gap-x-2 py-1">
                <input type="radio" name="category" value={candidate.code} checked={category === candidate.code} onChange={() => setCategory(candidate.code)} />
                {localized(candidate.name, candidate.nameEn)}
                <span className="text-xs text-muted">
                  {candidate.offer === "sold_out"
                    ? t("eventPage.categorySoldOut")
                    : candidate.offer === "waitlist"
                      ? t("eventPage.categoryWaitlist")
                      : candidate.seatsLeft === null
                        ? t("eventPage.seatsOpen")
                        : t("eventPage.seatsLeft", { count: candidate.seatsLeft })}
                  {candidate.approval ? ` · ${t("eventPage.approval")}` : ""}
                </span>
              </label>
            ))}
            {error("category") ? (
              <p className="field-error" role="alert">
                {error("category")}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {error("inviteCode") ? (
          <p className="field-error mb-4" role="alert">
            {error("inviteCode")}
          </p>
        ) : null}
        {visibleQuestions.length ? <h2 className="mb-2 mt-2 font-semibold">{t("registration.form.questions")}</h2> : null}
        {visibleQuestions.map((question) => (
          <QuestionInput key={question.id} question={question} label={localized(question.label, question.labelEn)} error={error(`answers.${question.key}`)} />
        ))}
        <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
          <label htmlFor="field-website">{t("registration.form.website")}</label>
          <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <section aria-labelledby="privacy-heading" className="mb-4 rounded border border-line bg-canvas p-3 text-sm">
          <h2 id="privacy-heading" className="font-semibold">
            {t("registration.privacy.heading")}
          </h2>
          <p className="mt-1">{t("registration.privacy.purpose")}</p>
          <p className="mt-1">{t("registration.privacy.retention", { days: retentionDays })}</p>
          <p className="mt-1">{t("registration.privacy.contact")}</p>
          <p className="mt-1 text-xs text-muted">{t("registration.privacy.version", { version: event.privacyNoticeVersion })}</p>
          <input type="hidden" name="privacyNoticeVersion" value={event.privacyNoticeVersion} />
          <label className="mt-2 flex items-start gap-2 font-medium">
            <input type="checkbox" name="consent" value="on" className="mt-1" aria-describedby={error("consent") ? "consent-error" : undefined} />
            {t("registration.privacy.consent")}
          </label>
          {error("consent") ? (
            <p id="consent-error" className="field-error" role="alert">
              {error("consent")}
            </p>
          ) : null}
        </section>
        {needsApproval ? <p className="mb-3 text-sm text-muted">{t("registration.form.approvalNote")}</p> : null}
        {joinsWaitlist && !soldOut ? <p className="mb-3 text-sm font-medium text-warning-ink">{t("registration.form.waitlistNote")}</p> : null}
        <Button type="submit" className="w-full" disabled={soldOut || navigation.state === "submitting"} data-testid="register-submit">
          {soldOut ? t("eventPage.soldOut") : joinsWaitlist ? t("eventPage.joinWaitlist") : t("registration.form.submit")}
        </Button>
      </Form>
    </>
  );
}

/**
 * The invite code: a GET form that reloads the page with `?code=`, so the server checks it and offers the
 * invite-only categories it opens (a form cannot sit inside the registration form, hence its own card).
 */
function InviteCodeForm({ page }: { page: RegistrationFormPage }) {
  const t = useT();
  if (page.invite) {
    return <Flash className="mt-4 text-sm" testId="invite-applied" message={t("registrationForm.inviteApplied", { code: page.invite.code })} />;
  }
  return (
    <details className="card mt-4" open={page.inviteRefused}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("registrationForm.inviteHeading")}</summary>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-2" preventScrollReset>
        <div className="min-w-0 flex-1">
          <label htmlFor="invite-code" className="field-label">
            {t("registration.form.inviteCode")}
          </label>
          <input
            id="invite-code"
            name="code"
            className="field-input"
            autoComplete="off"
            aria-invalid={page.inviteRefused || undefined}
            aria-describedby={page.inviteRefused ? "invite-code-error" : "invite-code-hint"}
          />
          <p id="invite-code-hint" className="mt-1 text-xs text-muted">
            {t("registration.form.inviteCodeHint")}
          </p>
          {page.inviteRefused ? (
            <p id="invite-code-error" className="field-error" role="alert">
              {t("registrationForm.inviteRefused")}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="secondary">
          {t("registrationForm.inviteApply")}
        </Button>
      </Form>
    </details>
  );
}

/**
 * What the form's submission came to, with the manage link. In a partner's frame (`newWindow`) links open a
 * window of their own: no other page of the site may be framed.
 */
export function RegistrationOutcome({ done, eventSlug, eventTitle, newWindow = false }: { done: RegistrationDone; eventSlug: string; eventTitle: string; newWindow?: boolean }) {
  const t = useT();
  const target = newWindow ? { target: "_blank", rel: "noopener noreferrer" } : {};
  return (
    <>
      <Card role="status">
        <h1 className="text-2xl font-bold">{t(`registration.result.${done.status}.title` as MessageKey)}</h1>
        <p className="mt-2 text-muted">{t(`registration.result.${done.status}.body` as MessageKey)}</p>
        {done.managePath ? (
          <ButtonLink to={done.managePath} className="mt-4 inline-block" {...target}>
            {t("registration.result.manage")}
          </ButtonLink>
        ) : null}
      </Card>
      <p className="mt-4">
        <Link to={`/events/${eventSlug}`} className="text-brand-700 underline" {...target}>
          {eventTitle}
        </Link>
      </p>
    </>
  );
}

type QuestionView = { id: string; key: string; kind: string; required: boolean; options: { value: string; label: string; labelEn?: string }[] };

function QuestionInput({ question, label, error }: { question: QuestionView; label: string; error?: string }) {
  const localized = useLocalized();
  const name = `answers.${question.key}`;
  const id = `field-${question.key}`;
  const errorNode = error ? (
    <p id={`${id}-error`} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
  if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
    return (
      <fieldset className="mb-4">
        <legend className="field-label">
          {label}
          {question.required ? (
            <span aria-hidden="true" className="text-danger">
              {" "}
              *
            </span>
          ) : null}
        </legend>
        {question.options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 py-1">
            <input type={question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox"} name={name} value={option.value} />
            {localized(option.label, option.labelEn)}
          </label>
        ))}
        {errorNode}
      </fieldset>
    );
  }
  if (question.kind === "CHECKBOX") {
    return (
      <div className="mb-4">
        <label className="flex items-start gap-2">
          <input type="checkbox" name={name} value="on" className="mt-1" />
          {label}
          {question.required ? (
            <span aria-hidden="true" className="text-danger">
              {" "}
              *
            </span>
          ) : null}
        </label>
        {errorNode}
      </div>
    );
  }
  if (question.kind === "LONG_TEXT") {
    return (
      <div className="mb-4">
        <label htmlFor={id} className="field-label">
          {label}
          {question.required ? (
            <span aria-hidden="true" className="text-danger">
              {" "}
              *
            </span>
          ) : null}
        </label>
        <textarea id={id} name={name} rows={4} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {errorNode}
      </div>
    );
  }
  return <Field label={label} name={name} id={id} type={question.kind === "PHONE" ? "tel" : "text"} required={question.required} error={error} />;
}
