import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field, SelectField, TextAreaField } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { sessionSchema, sessionTypes, speakerRoles, type SessionInput } from "~/schemas/agenda";
import { Button } from "~/components/ui/Button";

export const sessionTypeNames = sessionTypes;
export const speakerRoleNames = speakerRoles;

type SessionValues = { [name in keyof SessionInput]?: string | boolean | null };

/** Add or edit a session; the times are typed in the event's zone (`timeZone`), which the form names (`zone`). */
export function SessionForm({
  intent,
  lastResult,
  defaultValue,
  rooms,
  tracks,
  timeZone,
  zone,
  submitLabel,
  idPrefix = "session",
  action,
}: {
  intent: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: SessionValues;
  rooms: { id: string; name: string }[];
  tracks: { id: string; name: string }[];
  timeZone: string;
  zone: string;
  submitLabel: string;
  idPrefix?: string;
  /** Where the form posts, when not to the page it is on (the grid's dialog posts to the session's page). */
  action?: string;
}) {
  const t = useT();
  const { form, fields, errorOf, formErrors } = useSubmissionForm(sessionSchema(timeZone), { lastResult, defaultValue: defaultValue as Partial<SessionInput>, id: idPrefix });
  const v = (name: keyof SessionInput) => (typeof fields[name].initialValue === "string" ? (fields[name].initialValue as string) : "");
  const key = JSON.stringify(form.initialValue);
  return (
    <Form method="post" action={action} id={form.id} onSubmit={form.onSubmit} className="grid gap-x-4 sm:grid-cols-2" noValidate key={key}>
      <div className="sm:col-span-2">
        <FormErrors messages={formErrors} />
      </div>
      <input type="hidden" name="intent" value={intent} />
      <Field id={`${idPrefix}-title`} label={t("agenda.admin.agenda.sessionTitle")} name="title" defaultValue={v("title")} error={errorOf("title")} required />
      <Field id={`${idPrefix}-titleEn`} label={t("agenda.admin.agenda.sessionTitleEn")} name="titleEn" defaultValue={v("titleEn")} error={errorOf("titleEn")} />
      <SelectField id={`${idPrefix}-type`} label={t("agenda.admin.agenda.type")} name="type" defaultValue={v("type") || "TALK"} error={errorOf("type")} required>
        {sessionTypeNames.map((type) => (
          <option key={type} value={type}>
            {t(`agenda.type.${type}`)}
          </option>
        ))}
      </SelectField>
      <Field id={`${idPrefix}-date`} label={t("agenda.admin.agenda.date")} name="date" type="date" defaultValue={v("date")} error={errorOf("date")} required />
      <Field
        id={`${idPrefix}-startTime`}
        label={t("agenda.admin.agenda.startTime")}
        name="startTime"
        type="time"
        defaultValue={v("startTime")}
        error={errorOf("startTime")}
        hint={t("agenda.admin.agenda.timesIn", { zone })}
        required
      />
      <Field id={`${idPrefix}-endTime`} label={t("agenda.admin.agenda.endTime")} name="endTime" type="time" defaultValue={v("endTime")} error={errorOf("endTime")} required />
      <SelectField id={`${idPrefix}-roomId`} label={t("agenda.admin.agenda.room")} name="roomId" defaultValue={v("roomId")} error={errorOf("roomId")}>
        <option value="">{t("agenda.admin.agenda.none")}</option>
        {rooms.map((room) => (
          <option key={room.id} value={room.id}>
            {room.name}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${idPrefix}-trackId`} label={t("agenda.admin.agenda.track")} name="trackId" defaultValue={v("trackId")} error={errorOf("trackId")}>
        <option value="">{t("agenda.admin.agenda.none")}</option>
        {tracks.map((track) => (
          <option key={track.id} value={track.id}>
            {track.name}
          </option>
        ))}
      </SelectField>
      <div className="mb-4 flex items-center gap-2 sm:col-span-2">
        <input id={`${idPrefix}-plenary`} type="checkbox" name="plenary" defaultChecked={v("plenary") === "on"} className="h-5 w-5" />
        <label htmlFor={`${idPrefix}-plenary`}>{t("agenda.admin.agenda.plenary")}</label>
      </div>
      <div className="sm:col-span-2">
        <TextAreaField id={`${idPrefix}-description`} label={t("agenda.admin.agenda.description")} name="description" defaultValue={v("description")} error={errorOf("description")} />
        <TextAreaField id={`${idPrefix}-descriptionEn`} label={t("agenda.admin.agenda.descriptionEn")} name="descriptionEn" defaultValue={v("descriptionEn")} error={errorOf("descriptionEn")} />
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
