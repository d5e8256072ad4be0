import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { SubmissionResult } from "@conform-to/react";
import { Field } from "~/components/Field";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { RegistrationDone, RegistrationFormPage } from "~/route-helpers/registration-form.server";
import { registrationInputSchema } from "~/schemas/registration";

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
  const visibleQuestions = questions.filter((question) => question.categoryIds.length === 0 || question.categoryIds.includes(categories.find((candidate) => candidate.code === category)?.id ?? ""));
  return state !== "open" ? (
    <p role="alert" className="card mt-4 text-red-800">
      {t(`event.registration.${state}` as MessageKey)}
    </p>
  ) : (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-4">
      <p className="mb-4 text-sm text-slate-600">{t("registration.form.intro")}</p>
      <FormErrors messages={formErrors} />
      {event.requiresApproval ? <p className="mb-4 text-sm">{t("registration.form.approvalNote")}</p> : null}
      {event.capacity !== null && event.confirmedCount >= event.capacity && event.waitlistEnabled ? (
        <p className="mb-4 text-sm font-medium text-amber-800">{t("registration.form.waitlistNote")}</p>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
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
            <label key={candidate.id} className="flex items-center gap-2 py-1">
              <input type="radio" name="category" value={candidate.code} checked={category === candidate.code} onChange={() => setCategory(candidate.code)} />
              {localized(candidate.name, candidate.nameEn)}
              {candidate.inviteOnly ? <span className="text-xs text-slate-500">{t("punctuation.aside", { text: t("registration.admin.category.inviteOnly") })}</span> : null}
            </label>
          ))}
          {error("category") ? (
            <p className="field-error" role="alert">
              {error("category")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Field label={t("registration.form.inviteCode")} name={fields.inviteCode.name} error={error("inviteCode")} hint={t("registration.form.inviteCodeHint")} autoComplete="off" />
      {visibleQuestions.length ? <h2 className="mb-2 mt-2 font-semibold">{t("registration.form.questions")}</h2> : null}
      {visibleQuestions.map((question) => (
        <QuestionInput key={question.id} question={question} label={localized(question.label, question.labelEn)} error={error(`answers.${question.key}`)} />
      ))}
      <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
        <label htmlFor="field-website">{t("registration.form.website")}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <section aria-labelledby="privacy-heading" className="mb-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
        <h2 id="privacy-heading" className="font-semibold">
          {t("registration.privacy.heading")}
        </h2>
        <p className="mt-1">{t("registration.privacy.purpose")}</p>
        <p className="mt-1">{t("registration.privacy.retention", { days: retentionDays })}</p>
        <p className="mt-1">{t("registration.privacy.contact")}</p>
        <p className="mt-1 text-xs text-slate-500">{t("registration.privacy.version", { version: event.privacyNoticeVersion })}</p>
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
      <button type="submit" className="btn w-full" disabled={navigation.state === "submitting"}>
        {t("registration.form.submit")}
      </button>
    </Form>
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
      <div className="card" role="status">
        <h1 className="text-2xl font-bold">{t(`registration.result.${done.status}.title` as MessageKey)}</h1>
        <p className="mt-2 text-slate-700">{t(`registration.result.${done.status}.body` as MessageKey)}</p>
        {done.managePath ? (
          <Link to={done.managePath} className="btn mt-4 inline-block" {...target}>
            {t("registration.result.manage")}
          </Link>
        ) : null}
      </div>
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
            <span aria-hidden="true" className="text-red-700">
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
            <span aria-hidden="true" className="text-red-700">
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
            <span aria-hidden="true" className="text-red-700">
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
