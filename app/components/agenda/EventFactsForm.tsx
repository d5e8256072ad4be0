import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { useT } from "~/i18n/react";
import { SelectField, TextAreaField } from "./FormControls";

type Values = Record<string, string | undefined>;

/** The event facts form shared by "new event" and "edit event"; times are in the chosen zone. */
export function EventFactsForm({
  values,
  errors,
  series,
  zones,
  submitLabel,
}: {
  values: Values;
  errors: Record<string, string>;
  series: { id: string; title: string }[];
  zones: string[];
  submitLabel: string;
}) {
  const t = useT();
  const text = (name: string, label: Parameters<typeof t>[0], extra: Record<string, unknown> = {}) => (
    <Field key={`${name}-${values[name] ?? ""}`} label={t(label)} name={name} defaultValue={values[name] ?? ""} error={errors[name]} {...extra} />
  );
  return (
    <Form method="post" className="card grid gap-x-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="intent" value="save" />
      {text("title", "agenda.admin.event.title", { required: true })}
      {text("titleEn", "agenda.admin.event.titleEn")}
      {text("slug", "agenda.admin.event.slug", { required: true, pattern: "[a-z0-9-]+" })}
      <SelectField label={t("agenda.admin.event.kind")} name="kind" defaultValue={values.kind ?? "DEEP_DIVE"} error={errors.kind} required>
        <option value="FORUM">{t("event.kind.FORUM")}</option>
        <option value="DEEP_DIVE">{t("event.kind.DEEP_DIVE")}</option>
      </SelectField>
      <SelectField label={t("agenda.admin.event.series")} name="seriesId" defaultValue={values.seriesId ?? ""} error={errors.seriesId}>
        <option value="">{t("agenda.admin.event.noSeries")}</option>
        {series.map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </SelectField>
      {text("industry", "agenda.admin.event.industry")}
      {text("theme", "agenda.admin.event.theme")}
      {text("themeEn", "agenda.admin.event.themeEn")}
      {text("city", "agenda.admin.event.city")}
      {text("cityEn", "agenda.admin.event.cityEn")}
      {text("venue", "agenda.admin.event.venue")}
      {text("venueEn", "agenda.admin.event.venueEn")}
      <div className="sm:col-span-2">{text("address", "agenda.admin.event.address")}</div>
      <div className="sm:col-span-2">
        <SelectField label={t("agenda.admin.event.timeZone")} name="timeZone" defaultValue={values.timeZone ?? "Asia/Shanghai"} error={errors.timeZone} hint={t("agenda.admin.event.timesHint")} required>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
      </div>
      {text("startDate", "agenda.admin.event.startDate", { type: "date", required: true })}
      {text("startTime", "agenda.admin.event.startTime", { type: "time", required: true })}
      {text("endDate", "agenda.admin.event.endDate", { type: "date", required: true })}
      {text("endTime", "agenda.admin.event.endTime", { type: "time", required: true })}
      <div className="sm:col-span-2">
        <TextAreaField label={t("agenda.admin.event.description")} name="description" defaultValue={values.description ?? ""} error={errors.description} />
        <TextAreaField label={t("agenda.admin.event.descriptionEn")} name="descriptionEn" defaultValue={values.descriptionEn ?? ""} error={errors.descriptionEn} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="btn">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
