import type { SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Field, SelectField } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { DescriptionFields } from "./DescriptionFields";
import { eventFactsSchema, newEventSchema, type EventFactsInput } from "~/schemas/agenda";
import { Button } from "~/components/ui/Button";
import { programmeZone } from "~/utils/time";

type TextName = Exclude<keyof EventFactsInput, "kind" | "seriesId" | "timeZone" | "description" | "descriptionEn">;

/** The event facts form shared by "new event" and "edit event"; times are in the chosen zone. */
export function EventFactsForm({
  lastResult,
  defaultValue,
  series,
  zones,
  submitLabel,
  isNew = false,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<EventFactsInput>;
  series: { id: string; title: string }[];
  zones: string[];
  submitLabel: string;
  /** A new event may leave its URL name empty: one is proposed from the titles as they are typed. */
  isNew?: boolean;
}) {
  const t = useT();
  const { form, fields, errorOf, formErrors } = useSubmissionForm(isNew ? newEventSchema : eventFactsSchema, { lastResult, defaultValue, id: "event-facts" });
  const slugProposal = useSlugProposal(isNew);
  const initial = (name: keyof EventFactsInput) => (fields[name].initialValue as string | undefined) ?? "";
  const text = (name: TextName, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <Field key={`${name}-${initial(name)}`} label={t(label)} name={name} defaultValue={initial(name)} error={errorOf(name)} {...extra} />
  );
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} className="card grid gap-x-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormErrors messages={formErrors} />
      </div>
      <input type="hidden" name="intent" value="save" />
      {text("title", "agenda.admin.event.title", { required: true, onBlur: slugProposal.onTitleBlur })}
      {text("titleEn", "agenda.admin.event.titleEn", { onBlur: slugProposal.onTitleBlur })}
      {text("slug", "agenda.admin.event.slug", isNew ? { pattern: "[a-z0-9-]+", hint: t("agenda.admin.event.slugHint") } : { required: true, pattern: "[a-z0-9-]+" })}
      <SelectField key={`kind-${initial("kind")}`} label={t("agenda.admin.event.kind")} name="kind" defaultValue={initial("kind") || "DEEP_DIVE"} error={errorOf("kind")} required>
        <option value="FORUM">{t("event.kind.FORUM")}</option>
        <option value="DEEP_DIVE">{t("event.kind.DEEP_DIVE")}</option>
      </SelectField>
      <SelectField key={`series-${initial("seriesId")}`} label={t("agenda.admin.event.series")} name="seriesId" defaultValue={initial("seriesId")} error={errorOf("seriesId")}>
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
        <SelectField
          key={`zone-${initial("timeZone")}`}
          label={t("agenda.admin.event.timeZone")}
          name="timeZone"
          defaultValue={initial("timeZone") || programmeZone}
          error={errorOf("timeZone")}
          hint={t("agenda.admin.event.timesHint")}
          required
        >
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
        <DescriptionFields initial={initial} errorOf={errorOf} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}

/**
 * Fills an empty URL name with the one the server proposes for the titles (pinyin for a Chinese title),
 * when a title field is left. A name the organizer typed is never replaced. Without JavaScript the server
 * proposes it on submit.
 */
function useSlugProposal(enabled: boolean) {
  const fetcher = useFetcher<{ slug: string | null }>();
  const slugInput = useRef<HTMLInputElement | null>(null);
  const proposed = useRef<string | null>(null);
  const untouched = (input: HTMLInputElement) => input.value === "" || input.value === proposed.current;
  useEffect(() => {
    const input = slugInput.current;
    const slug = fetcher.data?.slug;
    if (!input || !slug || !untouched(input)) return;
    input.value = slug;
    proposed.current = slug;
  }, [fetcher.data]);
  const onTitleBlur = (blur: React.FocusEvent<HTMLInputElement>) => {
    const form = blur.currentTarget.form;
    const input = form?.elements.namedItem("slug");
    if (!enabled || !form || !(input instanceof HTMLInputElement) || !untouched(input)) return;
    slugInput.current = input;
    const values = new FormData(form);
    fetcher.load(`/admin/events/slug-proposal?${new URLSearchParams({ title: String(values.get("title") ?? ""), titleEn: String(values.get("titleEn") ?? "") })}`);
  };
  return { onTitleBlur };
}
