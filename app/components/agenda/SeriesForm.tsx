import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { DescriptionFields } from "./DescriptionFields";
import { seriesSchema } from "~/schemas/agenda";
import { Button } from "~/components/ui/Button";

type SeriesValues = { title?: string; titleEn?: string; slug?: string; description?: string; descriptionEn?: string };

/** A series' facts, for "new series" and "edit series". */
export function SeriesForm({
  lastResult,
  defaultValue,
  submitLabel,
  className,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: SeriesValues;
  submitLabel: string;
  className?: string;
}) {
  const t = useT();
  const { form, fields, errorOf, formErrors } = useSubmissionForm(seriesSchema, { lastResult, defaultValue, id: "series" });
  const initial = (name: keyof SeriesValues) => (fields[name].initialValue as string | undefined) ?? "";
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} className={className} noValidate>
      <FormErrors messages={formErrors} />
      <Field key={`title-${initial("title")}`} label={t("agenda.admin.event.title")} name="title" required defaultValue={initial("title")} error={errorOf("title")} />
      <Field key={`titleEn-${initial("titleEn")}`} label={t("agenda.admin.event.titleEn")} name="titleEn" defaultValue={initial("titleEn")} error={errorOf("titleEn")} />
      <Field key={`slug-${initial("slug")}`} label={t("agenda.admin.event.slug")} name="slug" required defaultValue={initial("slug")} error={errorOf("slug")} />
      <DescriptionFields initial={initial} errorOf={errorOf} />
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
