import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocalized, useT } from "~/i18n/react";
import { manageAnswersForm } from "~/schemas/registration";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export type OwnAnswer = {
  key: string;
  label: string;
  labelEn: string;
  kind: string;
  required: boolean;
  options: { value: string; label: string; labelEn?: string }[];
  editable: boolean;
  answer: string | string[] | boolean | null;
};

/**
 * The attendee's answers to the event's questions: those the organizers let them change in one form,
 * pre-filled, the others read-only. Validated again on the server by the registration's own rules.
 */
export function AnswersCard({ answers, active, busy, lastResult }: { answers: OwnAnswer[]; active: boolean; busy: boolean; lastResult: SubmissionResult<string[]> | null }) {
  const t = useT();
  const localized = useLocalized();
  const { form, errorOf, formErrors } = useSubmissionForm(manageAnswersForm, { id: "answers", lastResult });
  if (answers.length === 0) return null;
  const editable = active ? answers.filter((answer) => answer.editable) : [];
  const readOnly = answers.filter((answer) => !editable.includes(answer));
  return (
    <Card as="section" className="mt-4" aria-labelledby="answers-heading">
      <h2 id="answers-heading" className="mb-3 font-semibold">
        {t("registrationEdit.manage.answers")}
      </h2>
      {readOnly.length ? (
        <dl className="mb-3 text-sm" data-testid="answers-read-only">
          {readOnly.map((answer) => (
            <div key={answer.key} className="mb-2">
              <dt className="text-muted">{localized(answer.label, answer.labelEn)}</dt>
              <dd className="text-muted">
                <AnswerText answer={answer} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {readOnly.length && editable.length ? <p className="mb-3 text-xs text-muted">{t("registrationEdit.manage.readOnlyHint")}</p> : null}
      {editable.length ? (
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <input type="hidden" name="intent" value="answers" />
          <FormErrors messages={formErrors} />
          {editable.map((answer) => (
            <AnswerInput key={answer.key} answer={answer} label={localized(answer.label, answer.labelEn)} error={errorOf(`answers.${answer.key}`)} />
          ))}
          <Button type="submit" disabled={busy}>
            {t("registrationEdit.manage.save")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function AnswerText({ answer }: { answer: OwnAnswer }) {
  const t = useT();
  const localized = useLocalized();
  const value = answer.answer;
  if (value === null || value === "" || value === false || (Array.isArray(value) && value.length === 0)) return <>{t("registrationEdit.manage.noAnswer")}</>;
  if (value === true) return <>{t("registrationEdit.manage.checked")}</>;
  const labelOf = (chosen: string) => {
    const option = answer.options.find((candidate) => candidate.value === chosen);
    return option ? localized(option.label, option.labelEn) : chosen;
  };
  if (answer.kind === "SINGLE_CHOICE" || answer.kind === "MULTIPLE_CHOICE") return <>{(Array.isArray(value) ? value : [value]).map(labelOf).join(", ")}</>;
  return <span className="whitespace-pre-wrap">{String(value)}</span>;
}

function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <span aria-hidden="true" className="text-danger">
      {" "}
      *
    </span>
  ) : null;
}

/** One editable answer as the registration form asks it, filled with what the attendee answered. */
function AnswerInput({ answer, label, error }: { answer: OwnAnswer; label: string; error?: string }) {
  const localized = useLocalized();
  const name = `answers.${answer.key}`;
  const id = `answer-${answer.key}`;
  const described = error ? `${id}-error` : undefined;
  const errorNode = error ? (
    <p id={`${id}-error`} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
  const chosen = Array.isArray(answer.answer) ? answer.answer : typeof answer.answer === "string" ? [answer.answer] : [];
  if (answer.kind === "SINGLE_CHOICE" || answer.kind === "MULTIPLE_CHOICE") {
    return (
      <fieldset className="mb-4" aria-describedby={described}>
        <legend className="field-label">
          {label}
          <RequiredMark required={answer.required} />
        </legend>
        {answer.options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 py-1">
            <input type={answer.kind === "SINGLE_CHOICE" ? "radio" : "checkbox"} name={name} value={option.value} defaultChecked={chosen.includes(option.value)} />
            {localized(option.label, option.labelEn)}
          </label>
        ))}
        {errorNode}
      </fieldset>
    );
  }
  if (answer.kind === "CHECKBOX") {
    return (
      <div className="mb-4">
        <label className="flex items-start gap-2">
          <input type="checkbox" name={name} value="on" className="mt-1" defaultChecked={answer.answer === true} aria-describedby={described} />
          {label}
          <RequiredMark required={answer.required} />
        </label>
        {errorNode}
      </div>
    );
  }
  const text = typeof answer.answer === "string" ? answer.answer : "";
  return (
    <div className="mb-4">
      <label htmlFor={id} className="field-label">
        {label}
        <RequiredMark required={answer.required} />
      </label>
      {answer.kind === "LONG_TEXT" ? (
        <textarea id={id} name={name} rows={4} className="field-input" defaultValue={text} aria-invalid={error ? true : undefined} aria-describedby={described} />
      ) : (
        <input id={id} name={name} type={answer.kind === "PHONE" ? "tel" : "text"} className="field-input" defaultValue={text} aria-invalid={error ? true : undefined} aria-describedby={described} />
      )}
      {errorNode}
    </div>
  );
}
