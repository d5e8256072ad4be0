import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { roomSchema, trackSchema } from "~/schemas/agenda";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

type Result = SubmissionResult<string[]> | null | undefined;

/** The event's rooms and tracks, each with its delete buttons and the form that adds one. */
export function RoomsAndTracks({
  rooms,
  tracks,
  roomResult,
  trackResult,
}: {
  rooms: { id: string; name: string; capacity: number | null }[];
  tracks: { id: string; name: string; color: string }[];
  roomResult: Result;
  trackResult: Result;
}) {
  const t = useT();
  const room = useSubmissionForm(roomSchema, { lastResult: roomResult, id: "add-room" });
  const track = useSubmissionForm(trackSchema, { lastResult: trackResult, id: "add-track" });
  const initial = (value: unknown) => (typeof value === "string" ? value : undefined);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card aria-labelledby="rooms-heading" as="section">
        <h2 id="rooms-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.rooms")}
        </h2>
        <ul className="mb-3 space-y-1">
          {rooms.map((room) => (
            <li key={room.id} className="flex items-center justify-between gap-2">
              <span>
                {room.name}
                {room.capacity ? ` (${room.capacity})` : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="id" value={room.id} />
                <button type="submit" name="intent" value="deleteRoom" className="text-sm text-danger underline">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" id={room.form.id} onSubmit={room.form.onSubmit} key={`room-${rooms.length}`} noValidate>
          <FormErrors messages={room.formErrors} />
          <input type="hidden" name="intent" value="addRoom" />
          <Field id="room-name" label={t("agenda.admin.agenda.name")} name="name" required error={room.errorOf("name")} defaultValue={initial(room.fields.name.initialValue)} />
          <Field id="room-nameEn" label={t("agenda.admin.agenda.nameEn")} name="nameEn" error={room.errorOf("nameEn")} defaultValue={initial(room.fields.nameEn.initialValue)} />
          <Field
            id="room-capacity"
            label={t("agenda.admin.agenda.capacity")}
            name="capacity"
            inputMode="numeric"
            error={room.errorOf("capacity")}
            defaultValue={initial(room.fields.capacity.initialValue)}
          />
          <Button type="submit" variant="secondary">
            {t("agenda.admin.agenda.addRoom")}
          </Button>
        </Form>
      </Card>
      <Card aria-labelledby="tracks-heading" as="section">
        <h2 id="tracks-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.tracks")}
        </h2>
        <ul className="mb-3 space-y-1">
          {tracks.map((track) => (
            <li key={track.id} className="flex items-center justify-between gap-2">
              <span>
                <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-full" style={{ backgroundColor: track.color }} />
                {track.name}
              </span>
              <Form method="post">
                <input type="hidden" name="id" value={track.id} />
                <button type="submit" name="intent" value="deleteTrack" className="text-sm text-danger underline">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" id={track.form.id} onSubmit={track.form.onSubmit} key={`track-${tracks.length}`} noValidate>
          <FormErrors messages={track.formErrors} />
          <input type="hidden" name="intent" value="addTrack" />
          <Field id="track-name" label={t("agenda.admin.agenda.name")} name="name" required error={track.errorOf("name")} defaultValue={initial(track.fields.name.initialValue)} />
          <Field id="track-nameEn" label={t("agenda.admin.agenda.nameEn")} name="nameEn" error={track.errorOf("nameEn")} defaultValue={initial(track.fields.nameEn.initialValue)} />
          <Field
            id="track-color"
            label={t("agenda.admin.agenda.color")}
            name="color"
            type="color"
            defaultValue={initial(track.fields.color.initialValue) ?? "#2563eb"}
            error={track.errorOf("color")}
          />
          <Button type="submit" variant="secondary">
            {t("agenda.admin.agenda.addTrack")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
