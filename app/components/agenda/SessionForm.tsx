import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { useT } from "~/i18n/react";
import { SelectField, TextAreaField } from "./FormControls";

export const sessionTypeNames = ["OPENING_REMARKS", "KEYNOTE", "TALK", "PANEL", "CEREMONY", "ROUNDTABLE", "BREAK", "MATCHMAKING", "OTHER"] as const;

type Values = Record<string, string | boolean | undefined>;

/** Add or edit a session; the times are typed in the event's zone, which the form names. */
export function SessionForm({
  intent,
  values,
  errors,
  rooms,
  tracks,
  zone,
  submitLabel,
  idPrefix = "session",
}: {
  intent: string;
  values: Values;
  errors: Record<string, string>;
  rooms: { id: string; name: string }[];
  tracks: { id: string; name: string }[];
  zone: string;
  submitLabel: string;
  idPrefix?: string;
}) {
  const t = useT();
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const key = JSON.stringify(values);
  return (
    <Form method="post" className="grid gap-x-4 sm:grid-cols-2" noValidate key={key}>
      <input type="hidden" name="intent" value={intent} />
      <Field id={`${idPrefix}-title`} label={t("agenda.admin.agenda.sessionTitle")} name="title" defaultValue={v("title")} error={errors.title} required />
      <Field id={`${idPrefix}-titleEn`} label={t("agenda.admin.agenda.sessionTitleEn")} name="titleEn" defaultValue={v("titleEn")} error={errors.titleEn} />
      <SelectField id={`${idPrefix}-type`} label={t("agenda.admin.agenda.type")} name="type" defaultValue={v("type") || "TALK"} error={errors.type} required>
        {sessionTypeNames.map((type) => (
          <option key={type} value={type}>
            {t(`agenda.type.${type}`)}
          </option>
        ))}
      </SelectField>
      <Field id={`${idPrefix}-date`} label={t("agenda.admin.agenda.date")} name="date" type="date" defaultValue={v("date")} error={errors.date} required />
      <Field
        id={`${idPrefix}-startTime`}
        label={t("agenda.admin.agenda.startTime")}
        name="startTime"
        type="time"
        defaultValue={v("startTime")}
        error={errors.startTime}
        hint={t("agenda.admin.agenda.timesIn", { zone })}
        required
      />
      <Field id={`${idPrefix}-endTime`} label={t("agenda.admin.agenda.endTime")} name="endTime" type="time" defaultValue={v("endTime")} error={errors.endTime} required />
      <SelectField id={`${idPrefix}-roomId`} label={t("agenda.admin.agenda.room")} name="roomId" defaultValue={v("roomId")} error={errors.roomId}>
        <option value="">{t("agenda.admin.agenda.none")}</option>
        {rooms.map((room) => (
          <option key={room.id} value={room.id}>
            {room.name}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${idPrefix}-trackId`} label={t("agenda.admin.agenda.track")} name="trackId" defaultValue={v("trackId")} error={errors.trackId}>
        <option value="">{t("agenda.admin.agenda.none")}</option>
        {tracks.map((track) => (
          <option key={track.id} value={track.id}>
            {track.name}
          </option>
        ))}
      </SelectField>
      <div className="mb-4 flex items-center gap-2 sm:col-span-2">
        <input id={`${idPrefix}-plenary`} type="checkbox" name="plenary" defaultChecked={values.plenary === true || values.plenary === "on"} className="h-5 w-5" />
        <label htmlFor={`${idPrefix}-plenary`}>{t("agenda.admin.agenda.plenary")}</label>
      </div>
      <div className="sm:col-span-2">
        <TextAreaField id={`${idPrefix}-description`} label={t("agenda.admin.agenda.description")} name="description" defaultValue={v("description")} error={errors.description} />
        <TextAreaField id={`${idPrefix}-descriptionEn`} label={t("agenda.admin.agenda.descriptionEn")} name="descriptionEn" defaultValue={v("descriptionEn")} error={errors.descriptionEn} />
        <button type="submit" className="btn">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
export const speakerRoleNames = ["HOST", "OPENING_SPEAKER", "KEYNOTE", "MODERATOR", "PANELIST", "SPEAKER", "CEREMONY_GUEST"] as const;
