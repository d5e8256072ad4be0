import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import { useT } from "~/i18n/react";

type Fields = Record<string, string | undefined>;

/** The event's rooms and tracks, each with its delete buttons and the form that adds one. */
export function RoomsAndTracks({
  rooms,
  tracks,
  errorsFor,
  valuesFor,
}: {
  rooms: { id: string; name: string; capacity: number | null }[];
  tracks: { id: string; name: string; color: string }[];
  errorsFor: (intent: string) => Fields;
  valuesFor: (intent: string) => Fields;
}) {
  const t = useT();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="rooms-heading" className="card">
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
                <button type="submit" name="intent" value="deleteRoom" className="text-sm text-red-700 underline">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" key={`room-${rooms.length}`} noValidate>
          <input type="hidden" name="intent" value="addRoom" />
          <Field id="room-name" label={t("agenda.admin.agenda.name")} name="name" required error={errorsFor("addRoom").name} defaultValue={valuesFor("addRoom").name} />
          <Field id="room-nameEn" label={t("agenda.admin.agenda.nameEn")} name="nameEn" defaultValue={valuesFor("addRoom").nameEn} />
          <Field id="room-capacity" label={t("agenda.admin.agenda.capacity")} name="capacity" inputMode="numeric" error={errorsFor("addRoom").capacity} defaultValue={valuesFor("addRoom").capacity} />
          <button type="submit" className="btn-secondary">
            {t("agenda.admin.agenda.addRoom")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="tracks-heading" className="card">
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
                <button type="submit" name="intent" value="deleteTrack" className="text-sm text-red-700 underline">
                  {t("action.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" key={`track-${tracks.length}`} noValidate>
          <input type="hidden" name="intent" value="addTrack" />
          <Field id="track-name" label={t("agenda.admin.agenda.name")} name="name" required error={errorsFor("addTrack").name} defaultValue={valuesFor("addTrack").name} />
          <Field id="track-color" label={t("agenda.admin.agenda.color")} name="color" type="color" defaultValue={valuesFor("addTrack").color ?? "#2563eb"} error={errorsFor("addTrack").color} />
          <button type="submit" className="btn-secondary">
            {t("agenda.admin.agenda.addTrack")}
          </button>
        </Form>
      </section>
    </div>
  );
}
