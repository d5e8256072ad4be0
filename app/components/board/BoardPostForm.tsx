import type { SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Button } from "~/components/ui/Button";
import { Field, SelectField, TextAreaField } from "~/components/ui/FormField";
import { useLocalized, useT } from "~/i18n/react";
import { boardPostSchema } from "~/schemas/board";

type Term = { code: string; name: string; nameEn: string };
type Firm = { id: string; name: string; nameEn: string };
export type BoardPostDraft = Partial<
  Record<
    | "firmId"
    | "organizationName"
    | "organizationNameEn"
    | "title"
    | "titleEn"
    | "industry"
    | "scenario"
    | "description"
    | "descriptionEn"
    | "details"
    | "detailsEn"
    | "budgetMin"
    | "budgetMax"
    | "tags"
    | "contactName"
    | "contactEmail"
    | "contactPhone",
    string
  >
>;

/**
 * A need or an offer, new or edited: one form, the side fixed by the page (an offer names the member firm it
 * speaks for; a need may carry a budget range). Validated in the browser and again by the server.
 */
export function BoardPostForm({
  side,
  firms,
  industries,
  scenarios,
  draft,
  lastResult,
}: {
  side: "NEED" | "OFFER";
  firms: Firm[];
  industries: Term[];
  scenarios: Term[];
  draft: BoardPostDraft;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const localized = useLocalized();
  const navigation = useNavigation();
  const { form, errorOf, formErrors } = useSubmissionForm(boardPostSchema, { id: "board-post", lastResult, defaultValue: draft });
  const value = (name: keyof BoardPostDraft) => draft[name] ?? "";
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="card mt-4">
      <FormErrors messages={formErrors} />
      <p className="mb-4 text-sm text-muted">{t("board.form.reviewNote")}</p>
      <input type="hidden" name="side" value={side} />
      {side === "OFFER" || firms.length > 0 ? (
        <SelectField label={t("board.form.firm")} name="firmId" defaultValue={value("firmId")} error={errorOf("firmId")} required={side === "OFFER"}>
          {side === "NEED" ? <option value="">{t("board.form.unspecified")}</option> : null}
          {firms.map((firm) => (
            <option key={firm.id} value={firm.id}>
              {localized(firm.name, firm.nameEn)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field label={t("board.form.organizationName")} name="organizationName" defaultValue={value("organizationName")} error={errorOf("organizationName")} maxLength={120} required />
      <Field label={t("board.form.organizationNameEn")} name="organizationNameEn" defaultValue={value("organizationNameEn")} error={errorOf("organizationNameEn")} maxLength={120} />
      <Field label={t("board.form.title")} name="title" defaultValue={value("title")} error={errorOf("title")} maxLength={120} required />
      <Field label={t("board.form.titleEn")} name="titleEn" defaultValue={value("titleEn")} error={errorOf("titleEn")} maxLength={120} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField label={t("board.form.industry")} name="industry" defaultValue={value("industry")} error={errorOf("industry")}>
          <option value="">{t("board.form.unspecified")}</option>
          {industries.map((term) => (
            <option key={term.code} value={term.code}>
              {localized(term.name, term.nameEn)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("board.form.scenario")} name="scenario" defaultValue={value("scenario")} error={errorOf("scenario")}>
          <option value="">{t("board.form.unspecified")}</option>
          {scenarios.map((term) => (
            <option key={term.code} value={term.code}>
              {localized(term.name, term.nameEn)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t(`board.form.description.${side}`)} name="description" defaultValue={value("description")} error={errorOf("description")} rows={5} maxLength={4000} required />
      <TextAreaField label={t("board.form.descriptionEn")} name="descriptionEn" defaultValue={value("descriptionEn")} error={errorOf("descriptionEn")} maxLength={4000} />
      <TextAreaField label={t(`board.form.details.${side}`)} name="details" defaultValue={value("details")} error={errorOf("details")} rows={4} maxLength={4000} />
      <TextAreaField label={t("board.form.detailsEn")} name="detailsEn" defaultValue={value("detailsEn")} error={errorOf("detailsEn")} maxLength={4000} />
      {side === "NEED" ? (
        <div className="grid gap-x-4 md:grid-cols-2">
          <Field label={t("board.form.budgetMin")} name="budgetMin" type="number" min={0} inputMode="numeric" defaultValue={value("budgetMin")} error={errorOf("budgetMin")} />
          <Field label={t("board.form.budgetMax")} name="budgetMax" type="number" min={0} inputMode="numeric" defaultValue={value("budgetMax")} error={errorOf("budgetMax")} />
        </div>
      ) : null}
      <Field label={t("board.form.tags")} name="tags" hint={t("board.form.tagsHint")} defaultValue={value("tags")} error={errorOf("tags")} maxLength={400} />
      <div className="mt-2">
        <p className="field-hint mb-2">{t("board.form.contactHint")}</p>
        <Field label={t("board.form.contactName")} name="contactName" defaultValue={value("contactName")} error={errorOf("contactName")} maxLength={80} required />
        <Field label={t("board.form.contactEmail")} name="contactEmail" type="email" defaultValue={value("contactEmail")} error={errorOf("contactEmail")} maxLength={200} required />
        <Field label={t("board.form.contactPhone")} name="contactPhone" type="tel" defaultValue={value("contactPhone")} error={errorOf("contactPhone")} maxLength={40} />
      </div>
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("board.form.submit")}
      </Button>
    </Form>
  );
}
