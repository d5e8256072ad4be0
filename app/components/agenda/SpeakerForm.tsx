import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field, TextAreaField } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { speakerSchema } from "~/schemas/agenda";
import { Button } from "~/components/ui/Button";

type SpeakerValues = {
  name?: string;
  nameEn?: string;
  organization?: string;
  organizationEn?: string;
  jobTitle?: string;
  jobTitleEn?: string;
  email?: string;
  bio?: string;
  bioEn?: string;
};
type EnglishField = "organizationEn" | "jobTitleEn" | "bioEn";

/** A person's facts in the people directory, for "new person" and "edit person". */
export function SpeakerForm({
  lastResult,
  defaultValue,
  intent,
  submitLabel,
  className,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: SpeakerValues;
  intent?: string;
  submitLabel: string;
  className?: string;
}) {
  const t = useT();
  const { form, fields, errorOf, formErrors } = useSubmissionForm(speakerSchema, { lastResult, defaultValue, id: "speaker" });
  const initial = (name: keyof SpeakerValues) => (fields[name].initialValue as string | undefined) ?? "";
  // An English field is labelled after its Chinese twin: "单位（英文）", "Organization (English)".
  const label = (name: keyof SpeakerValues) =>
    name.endsWith("En") && name !== "nameEn"
      ? t("localized.englishField", { field: t(`agenda.admin.speakers.${name.slice(0, -2) as "organization" | "jobTitle" | "bio"}`) })
      : t(`agenda.admin.speakers.${name as Exclude<keyof SpeakerValues, EnglishField>}`);
  const text = (name: keyof SpeakerValues, extra: Record<string, unknown> = {}) => (
    <Field key={`${name}-${initial(name)}`} label={label(name)} name={name} defaultValue={initial(name)} error={errorOf(name)} {...extra} />
  );
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} className={className} noValidate>
      <FormErrors messages={formErrors} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {text("name", { required: true })}
      {text("nameEn")}
      {text("organization")}
      {text("organizationEn", { lang: "en" })}
      {text("jobTitle")}
      {text("jobTitleEn", { lang: "en" })}
      {text("email", { type: "email" })}
      <TextAreaField key={`bio-${initial("bio")}`} label={label("bio")} name="bio" defaultValue={initial("bio")} error={errorOf("bio")} />
      <TextAreaField key={`bioEn-${initial("bioEn")}`} label={label("bioEn")} name="bioEn" defaultValue={initial("bioEn")} error={errorOf("bioEn")} lang="en" />
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
