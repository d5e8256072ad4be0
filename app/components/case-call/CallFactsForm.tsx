import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { FormField } from "~/components/ui/FormField";
import { useLocalized, useT } from "~/i18n/react";
import { replyErrors } from "./replyErrors";
import { Button } from "~/components/ui/Button";

type Term = { code: string; name: string; nameEn: string };
export type CallFactsValues = {
  title: string;
  titleEn: string;
  slug: string;
  description: string;
  descriptionEn: string;
  eligibility: string;
  eligibilityEn: string;
  industryCodes: string[];
  scenarioCodes: string[];
  timeZone: string;
  opensAt: string;
  closesAt: string;
  licence: string;
  licenceEn: string;
  licenceVersion: string;
};

function TextArea({ name, label, value, error, rows = 4 }: { name: string; label: string; value: string; error?: string; rows?: number }) {
  return (
    <FormField id={`call-${name}`} label={label} error={error}>
      <textarea name={name} defaultValue={value} rows={rows} className="field-input" />
    </FormField>
  );
}

function Themes({ name, legend, terms, chosen }: { name: string; legend: string; terms: Term[]; chosen: string[] }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <fieldset className="mb-4">
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">{t("cases.field.themesHint")}</p>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {terms.map((term) => (
          <label key={term.code} className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={term.code} defaultChecked={chosen.includes(term.code)} />
            {localized(term.name, term.nameEn)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A call's facts, for "new call" and the overview tab: texts in both languages, themes, window in a zone, licence. */
export function CallFactsForm({
  values,
  taxonomy,
  zones,
  lastResult,
  submitLabel,
}: {
  values: CallFactsValues;
  taxonomy: { industries: Term[]; scenarios: Term[] };
  zones: string[];
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const t = useT();
  const { errorOf, formErrors } = replyErrors(lastResult);
  return (
    <Form method="post" className="card" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormErrors messages={formErrors} />
      <Field label={t("cases.field.title")} name="title" required defaultValue={values.title} error={errorOf("title")} />
      <Field label={t("cases.field.titleEn")} name="titleEn" defaultValue={values.titleEn} error={errorOf("titleEn")} />
      <Field label={t("cases.field.slug")} name="slug" hint={t("cases.field.slugHint")} defaultValue={values.slug} error={errorOf("slug")} />
      <TextArea name="description" label={t("cases.field.description")} value={values.description} error={errorOf("description")} rows={6} />
      <TextArea name="descriptionEn" label={t("cases.field.descriptionEn")} value={values.descriptionEn} error={errorOf("descriptionEn")} rows={6} />
      <TextArea name="eligibility" label={t("cases.field.eligibility")} value={values.eligibility} error={errorOf("eligibility")} />
      <TextArea name="eligibilityEn" label={t("cases.field.eligibilityEn")} value={values.eligibilityEn} error={errorOf("eligibilityEn")} />
      <Themes name="industryCodes" legend={t("cases.field.industries")} terms={taxonomy.industries} chosen={values.industryCodes} />
      <Themes name="scenarioCodes" legend={t("cases.field.scenarios")} terms={taxonomy.scenarios} chosen={values.scenarioCodes} />
      <FormField id="call-timeZone" label={t("cases.field.timeZone")} required error={errorOf("timeZone")}>
        <select name="timeZone" defaultValue={values.timeZone} className="field-input">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </FormField>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label={t("cases.field.opensAt")} name="opensAt" type="datetime-local" step={1} required defaultValue={values.opensAt} error={errorOf("opensAt")} />
        <Field
          label={t("cases.field.closesAt")}
          name="closesAt"
          type="datetime-local"
          step={1}
          required
          defaultValue={values.closesAt}
          error={errorOf("closesAt")}
          hint={t("cases.field.windowHint")}
        />
      </div>
      <TextArea name="licence" label={t("cases.field.licence")} value={values.licence} error={errorOf("licence")} rows={5} />
      <TextArea name="licenceEn" label={t("cases.field.licenceEn")} value={values.licenceEn} error={errorOf("licenceEn")} rows={5} />
      <Field label={t("cases.field.licenceVersion")} name="licenceVersion" required defaultValue={values.licenceVersion} error={errorOf("licenceVersion")} />
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
