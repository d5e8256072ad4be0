import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field } from "~/components/ui/FormField";
import { Localized } from "~/components/Localized";
import { FormField } from "~/components/ui/FormField";
import { useLocalized, useT } from "~/i18n/react";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

type Term = { code: string; name: string; nameEn: string };
type Option = { value: string; label: string; labelEn?: string };
type Question = { key: string; label: string; labelEn: string; kind: string; required: boolean; options: Option[] };
type Answer = string | string[] | boolean;

export type SubmissionFieldsProps = {
  editable: boolean;
  call: { licence: string; licenceEn: string; licenceVersion: string; maxAttachments: number; maxAttachmentMb: number; questions: Question[] };
  submission: {
    id: string;
    status: string;
    title: string;
    titleEn: string;
    industry: string;
    scenario: string;
    summary: string;
    problem: string;
    solution: string;
    results: string;
    figures: { label: string; labelEn: string; value: string }[];
    answers: Record<string, Answer>;
    coSubmitters: { firmId: string; name: string }[];
    contactName: string;
    contactEmail: string;
    contactPhone: string;
    publicationConsent: boolean;
    consentAt: string | null;
    licenceVersion: string | null;
    attachments: { id: string; fileName: string; size: number }[];
  };
  taxonomy: { industries: Term[]; scenarios: Term[] };
  firms: { id: string; name: string; nameEn: string }[];
  errorOf: (name: string) => string | undefined;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="card mt-4">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

function LongText({ name, label, value, error, required, rows = 5 }: { name: string; label: string; value: string; error?: string; required?: boolean; rows?: number }) {
  return (
    <FormField id={`case-${name}`} label={label} error={error} required={required}>
      <textarea name={name} defaultValue={value} rows={rows} className="field-input" />
    </FormField>
  );
}

function QuestionField({ question, answer, error }: { question: Question; answer: Answer | undefined; error?: string }) {
  const localized = useLocalized();
  const name = `q_${question.key}`;
  const label = localized(question.label, question.labelEn);
  if (question.kind === "CHECKBOX")
    return (
      <div className="mb-4">
        <label className="flex items-center gap-2">
          <input type="checkbox" name={name} defaultChecked={answer === true} /> {label}
        </label>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
    const chosen = Array.isArray(answer) ? answer : typeof answer === "string" ? [answer] : [];
    return (
      <fieldset className="mb-4">
        <legend className="field-label">
          {label}
          {question.required ? " *" : ""}
        </legend>
        {question.options.map((option) => (
          <label key={option.value} className="mr-4 inline-flex items-center gap-1">
            <input type={question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox"} name={name} value={option.value} defaultChecked={chosen.includes(option.value)} />
            {localized(option.label, option.labelEn)}
          </label>
        ))}
        {error ? <p className="field-error">{error}</p> : null}
      </fieldset>
    );
  }
  const value = typeof answer === "string" ? answer : "";
  if (question.kind === "LONG_TEXT") return <LongText name={name} label={label} value={value} error={error} required={question.required} />;
  return <Field label={label} name={name} type={question.kind === "PHONE" ? "tel" : "text"} defaultValue={value} required={question.required} error={error} />;
}

/** The case form (fixed fields, the call's questions, co-submitters, contact, consent) and its attachments. */
export function SubmissionFields({ editable, call, submission, taxonomy, firms, errorOf }: SubmissionFieldsProps) {
  const t = useT();
  const localized = useLocalized();
  const figureRows = [...submission.figures, ...Array.from({ length: Math.max(2, 5 - submission.figures.length) }, () => ({ label: "", labelEn: "", value: "" }))].slice(0, 12);
  const coRows = [...submission.coSubmitters, ...Array.from({ length: 2 }, () => ({ firmId: "", name: "" }))].slice(0, 10);
  return (
    <>
      <Form method="post" noValidate>
        <fieldset disabled={!editable}>
          <Section title={t("cases.submission.section.case")}>
            <Field label={t("cases.submission.field.title")} name="title" required defaultValue={submission.title} error={errorOf("title")} />
            <Field label={t("cases.submission.field.titleEn")} name="titleEn" defaultValue={submission.titleEn} error={errorOf("titleEn")} />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <FormField id="case-industry" label={t("cases.submission.field.industry")} required error={errorOf("industry")}>
                <select name="industry" defaultValue={submission.industry} className="field-input">
                  <option value="">{t("cases.submission.field.choose")}</option>
                  {taxonomy.industries.map((term) => (
                    <option key={term.code} value={term.code}>
                      {localized(term.name, term.nameEn)}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField id="case-scenario" label={t("cases.submission.field.scenario")} required error={errorOf("scenario")}>
                <select name="scenario" defaultValue={submission.scenario} className="field-input">
                  <option value="">{t("cases.submission.field.choose")}</option>
                  {taxonomy.scenarios.map((term) => (
                    <option key={term.code} value={term.code}>
                      {localized(term.name, term.nameEn)}
                    </option>
                  ))}
                </select>
              </FormField>
            </div>
            <LongText name="summary" label={t("cases.submission.field.summary")} value={submission.summary} error={errorOf("summary")} required rows={3} />
            <LongText name="problem" label={t("cases.submission.field.problem")} value={submission.problem} error={errorOf("problem")} required />
            <LongText name="solution" label={t("cases.submission.field.solution")} value={submission.solution} error={errorOf("solution")} required rows={8} />
            <LongText name="results" label={t("cases.submission.field.results")} value={submission.results} error={errorOf("results")} required />
            <fieldset className="mb-2">
              <legend className="field-label">{t("cases.submission.field.figures")}</legend>
              {figureRows.map((figure, index) => (
                <div key={index} className="grid gap-x-2 sm:grid-cols-3">
                  <Field label={t("cases.submission.field.figureLabel")} name={`figures[${index}].label`} defaultValue={figure.label} />
                  <Field label={t("cases.submission.field.figureLabelEn")} name={`figures[${index}].labelEn`} defaultValue={figure.labelEn} />
                  <Field label={t("cases.submission.field.figureValue")} name={`figures[${index}].value`} defaultValue={figure.value} />
                </div>
              ))}
            </fieldset>
          </Section>
          {call.questions.length ? (
            <Section title={t("cases.submission.section.questions")}>
              {call.questions.map((question) => (
                <QuestionField key={question.key} question={question} answer={submission.answers[question.key]} error={errorOf(`q_${question.key}`)} />
              ))}
            </Section>
          ) : null}
          <Section title={t("cases.submission.section.coSubmitters")}>
            {errorOf("coSubmitters") ? <p className="field-error">{errorOf("coSubmitters")}</p> : null}
            {coRows.map((row, index) => (
              <div key={index} className="grid gap-x-2 sm:grid-cols-2">
                <FormField id={`co-${index}-firm`} label={t("cases.submission.field.coFirm")}>
                  <select name={`coSubmitters[${index}].firmId`} defaultValue={row.firmId} className="field-input">
                    <option value="">{t("cases.submission.field.noFirm")}</option>
                    {firms.map((firm) => (
                      <option key={firm.id} value={firm.id}>
                        {localized(firm.name, firm.nameEn)}
                      </option>
                    ))}
                  </select>
                </FormField>
                <Field label={t("cases.submission.field.coName")} name={`coSubmitters[${index}].name`} id={`co-${index}-name`} defaultValue={row.name} />
              </div>
            ))}
          </Section>
          <Section title={t("cases.submission.section.contact")}>
            <div className="grid gap-x-4 sm:grid-cols-3">
              <Field label={t("cases.submission.field.contactName")} name="contactName" required defaultValue={submission.contactName} error={errorOf("contactName")} />
              <Field label={t("cases.submission.field.contactEmail")} name="contactEmail" type="email" required defaultValue={submission.contactEmail} error={errorOf("contactEmail")} />
              <Field label={t("cases.submission.field.contactPhone")} name="contactPhone" type="tel" defaultValue={submission.contactPhone} error={errorOf("contactPhone")} />
            </div>
          </Section>
          <Section title={t("cases.submission.section.consent")}>
            <div className="max-h-60 overflow-y-auto whitespace-pre-line rounded border border-line p-3 text-sm">
              <Localized zh={call.licence} en={call.licenceEn} />
            </div>
            <label className="mt-3 flex items-start gap-2">
              <input type="checkbox" name="publicationConsent" defaultChecked={submission.publicationConsent} className="mt-1" />
              <span>{t("cases.submission.field.consent", { version: call.licenceVersion })}</span>
            </label>
            {errorOf("publicationConsent") ? <p className="field-error">{errorOf("publicationConsent")}</p> : null}
            {submission.consentAt ? <p className="field-hint">{t("cases.submission.consentedAt", { when: submission.consentAt.slice(0, 10), version: submission.licenceVersion ?? "" })}</p> : null}
          </Section>
          {editable ? (
            <div className="mt-4 flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="save" variant="secondary">
                {t(submission.status === "SUBMITTED" ? "cases.submission.saveChanges" : "cases.submission.save")}
              </Button>
              {submission.status === "DRAFT" ? (
                <Button type="submit" name="intent" value="submit">
                  {t("cases.submission.submit")}
                </Button>
              ) : null}
            </div>
          ) : null}
        </fieldset>
      </Form>
      <Card as="section" className="mt-4" aria-labelledby="attachments">
        <h2 id="attachments" className="text-lg font-semibold">
          {t("cases.submission.section.attachments")}
        </h2>
        <p className="field-hint">{t("cases.attachment.limits", { count: call.maxAttachments, mb: call.maxAttachmentMb })}</p>
        {submission.attachments.length === 0 ? <p className="mt-2 text-muted">{t("cases.attachment.none")}</p> : null}
        <ul className="mt-2 space-y-1">
          {submission.attachments.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-3">
              <a href={`/submissions/${submission.id}/attachments/${file.id}`} className="text-brand-700 underline">
                {file.fileName}
              </a>
              <span className="text-sm text-muted">{Math.max(1, Math.round(file.size / 1024))} KB</span>
              {editable ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="deleteAttachment" />
                  <input type="hidden" name="attachmentId" value={file.id} />
                  <button type="submit" className="text-sm text-danger underline">
                    {t("cases.attachment.delete")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {editable && submission.attachments.length < call.maxAttachments ? (
          <Form method="post" encType="multipart/form-data" className="mt-3 flex flex-wrap items-end gap-2">
            <FormField id="case-file" label={t("cases.attachment.file")} error={errorOf("file")}>
              <input type="file" name="file" accept=".pdf,.docx,.pptx,.png,.jpg,.jpeg" className="field-input" />
            </FormField>
            <Button type="submit" variant="secondary" className="mb-4">
              {t("cases.attachment.upload")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </>
  );
}
