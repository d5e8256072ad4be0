import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormAlert, Notice } from "~/components/agenda/FormControls";
import { SessionForm } from "~/components/agenda/SessionForm";
import { useT } from "~/i18n/react";
import { createRoom, createSession, createTrack, deleteRoom, deleteSession, deleteTrack, duplicateSession, getEditorAgenda, moveSessionToDay, shiftSession } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { audit } from "~/models/audit.server";
import { inviteSpeakers } from "~/models/session-speaker.server";
import { formAction, formValues } from "~/utils/agenda-route.server";
import { clientAddress, pageLoader } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/utils/permissions.server";
import { describeZone, formatDate, formatDateTime, formatTime, localDay } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return pageLoader(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const { locale, t } = requestTranslator(request);
    const { event, conflicts } = await getEditorAgenda(eventId);
    const zone = event.timeZone;
    const titles = new Map(event.sessions.map((session) => [session.id, session.title]));
    return {
      event: { id: event.id, slug: event.slug, zone, zoneLabel: describeZone(zone, event.startsAt), publishedVersion: event.publishedVersion, defaultDate: localDay(event.startsAt, zone) },
      rooms: event.rooms.map((room) => ({ id: room.id, name: room.name, nameEn: room.nameEn, capacity: room.capacity })),
      tracks: event.tracks.map((track) => ({ id: track.id, name: track.name, color: track.color })),
      sessions: event.sessions.map((session) => ({
        id: session.id,
        title: session.title,
        type: session.type,
        day: localDay(session.startsAt, zone),
        dayLabel: formatDate(session.startsAt, zone, locale),
        start: formatTime(session.startsAt, zone),
        end: formatTime(session.endsAt, zone),
        roomId: session.roomId,
        room: session.room?.name ?? null,
        track: session.track?.name ?? null,
        plenary: session.plenary,
        speakers: session.speakers.map((row) => ({ id: row.id, role: row.role, name: row.speaker.name, confirmation: row.confirmation })),
      })),
      conflicts: conflicts.map((conflict) => ({
        ...conflict,
        message:
          conflict.kind === "speaker_double_booked"
            ? t("agenda.conflict.speaker_double_booked", { speaker: conflict.speakerName ?? "" })
            : conflict.kind === "room_overlap"
              ? conflict.roomName
                ? t("agenda.conflict.room_overlap", { room: conflict.roomName })
                : t("agenda.conflict.room_overlap_plenary")
              : t("agenda.conflict.outside_event"),
        titles: conflict.sessionIds.map((id) => titles.get(id) ?? ""),
      })),
      versions: event.agendaVersions.map((version) => ({
        version: version.version,
        publishedAt: formatDateTime(version.publishedAt, zone, locale),
        changes: (JSON.parse(version.changeSummary || "[]") as unknown[]).length,
      })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  return pageLoader(request, async () => {
    const user = await requireEventManager(request, eventId);
    const { t } = requestTranslator(request);
    const values = formValues(await request.formData());
    const intent = values.intent ?? "";
    const id = values.id ?? "";
    const done = (notice?: string) => ({ ok: true as const, intent, notice: notice ?? null });
    return formAction(request, intent, values, async () => {
      switch (intent) {
        case "addRoom":
          await createRoom(eventId, values);
          return done();
        case "deleteRoom":
          await deleteRoom(eventId, id);
          return done();
        case "addTrack":
          await createTrack(eventId, values);
          return done();
        case "deleteTrack":
          await deleteTrack(eventId, id);
          return done();
        case "addSession":
          await createSession(eventId, values);
          return done();
        case "duplicate":
          await duplicateSession(eventId, id);
          return done();
        case "shift":
          await shiftSession(eventId, id, values);
          return done();
        case "moveDay":
          await moveSessionToDay(eventId, id, values);
          return done();
        case "deleteSession":
          await deleteSession(eventId, id);
          return done();
        case "invite": {
          const { invited } = await inviteSpeakers(eventId);
          return done(t("agenda.admin.agenda.invited", { count: invited }));
        }
        case "publish": {
          const result = await publishAgenda(eventId, { userId: user.id });
          await audit({ action: "agenda.published", actorUserId: user.id, targetType: "event", targetId: eventId, eventId, ip: clientAddress(request), details: { version: result.version, changes: result.changes.length } });
          return done(t("agenda.admin.agenda.published", { version: result.version, changes: result.changes.length, emails: result.emailsQueued }));
        }
        default:
          throw data(null, { status: 400 });
      }
    });
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Grid({ sessions, rooms }: { sessions: LoaderData["sessions"]; rooms: LoaderData["rooms"] }) {
  const t = useT();
  const days = [...new Set(sessions.map((session) => session.day))];
  const columns = [...rooms.map((room) => ({ id: room.id as string | null, name: room.name })), { id: null, name: t("agenda.admin.agenda.none") }];
  return (
    <div className="space-y-4">
      {days.map((day) => {
        const daySessions = sessions.filter((session) => session.day === day);
        const starts = [...new Set(daySessions.map((session) => session.start))].sort();
        return (
          <div key={day} className="overflow-x-auto">
            <table className="min-w-full border-collapse text-sm">
              <caption className="py-1 text-left font-semibold">{daySessions[0]?.dayLabel}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border border-slate-300 bg-slate-100 px-2 py-1 text-left">
                    {t("agenda.admin.agenda.startTime")}
                  </th>
                  {columns.map((column) => (
                    <th key={column.id ?? "none"} scope="col" className="border border-slate-300 bg-slate-100 px-2 py-1 text-left">
                      {column.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {starts.map((start) => {
                  const atStart = daySessions.filter((session) => session.start === start);
                  const plenary = atStart.find((session) => session.plenary);
                  return (
                    <tr key={start}>
                      <th scope="row" className="border border-slate-300 px-2 py-1 text-left align-top font-medium">
                        {start}
                      </th>
                      {plenary ? (
                        <td colSpan={columns.length} className="border border-slate-300 bg-brand-50 px-2 py-1 text-center">
                          {plenary.title} ({plenary.start}–{plenary.end}) · {t("agenda.plenary")}
                        </td>
                      ) : (
                        columns.map((column) => (
                          <td key={column.id ?? "none"} className="border border-slate-300 px-2 py-1 align-top">
                            {atStart
                              .filter((session) => session.roomId === column.id)
                              .map((session) => (
                                <p key={session.id}>
                                  {session.title} <span className="text-slate-500">–{session.end}</span>
                                </p>
                              ))}
                          </td>
                        ))
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

export default function AgendaEditor() {
  const { event, rooms, tracks, sessions, conflicts, versions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const failure = result && "fields" in result ? result : null;
  const notice = result && "notice" in result ? result.notice : null;
  const errorsFor = (intent: string) => (failure?.intent === intent ? failure.fields : {});
  const valuesFor = (intent: string) => (failure?.intent === intent ? (failure.values ?? {}) : {});
  const dayError = (sessionId: string) => (valuesFor("moveDay").id === sessionId ? errorsFor("moveDay").day : undefined);
  const conflicted = new Set(conflicts.flatMap((conflict) => conflict.sessionIds));
  return (
    <div className="space-y-6">
      <Notice message={notice} />
      <FormAlert message={failure?.formError} />

      <section className="card flex flex-wrap items-center gap-3" aria-label={t("agenda.admin.agenda.publish")}>
        <p className="flex-1 text-sm">{t("agenda.admin.agenda.draftNotice", { version: event.publishedVersion })}</p>
        <Form method="post" className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="invite" className="btn-secondary">
            {t("agenda.admin.agenda.invite")}
          </button>
          <button type="submit" name="intent" value="publish" className="btn">
            {t("agenda.admin.agenda.publish")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="conflicts-heading" className="card">
        <h2 id="conflicts-heading" className="font-semibold">
          {t("agenda.admin.agenda.conflicts", { count: conflicts.length })}
        </h2>
        {conflicts.length === 0 ? (
          <p className="text-sm text-slate-600">{t("agenda.admin.agenda.noConflicts")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm text-red-800" data-testid="conflicts">
            {conflicts.map((conflict, index) => (
              <li key={index}>
                {conflict.message}: {conflict.titles.join(" / ")}
              </li>
            ))}
          </ul>
        )}
      </section>

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

      <section aria-labelledby="add-session-heading" className="card">
        <h2 id="add-session-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.addSession")}
        </h2>
        <SessionForm
          key={`add-${sessions.length}`}
          intent="addSession"
          values={failure?.intent === "addSession" ? (failure.values ?? {}) : { date: event.defaultDate }}
          errors={errorsFor("addSession")}
          rooms={rooms}
          tracks={tracks}
          zone={event.zoneLabel}
          submitLabel={t("agenda.admin.agenda.addSession")}
        />
      </section>

      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading" className="mb-2 text-lg font-semibold">
          {t("agenda.admin.agenda.grid")}
        </h2>
        <Grid sessions={sessions} rooms={rooms} />
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
          {t("agenda.admin.agenda.list")}
        </h2>
        <ul className="space-y-3">
          {sessions.map((session) => (
            <li key={session.id} className={`card ${conflicted.has(session.id) ? "border-red-400" : ""}`} data-session={session.title}>
              <p className="text-sm text-slate-600">
                {session.dayLabel} {session.start}–{session.end} · {t(`agenda.type.${session.type}`)}
                {session.plenary ? ` · ${t("agenda.plenary")}` : session.room ? ` · ${session.room}` : ""}
                {session.track ? ` · ${session.track}` : ""}
              </p>
              <h3 className="font-semibold">
                <Link to={`/admin/events/${event.id}/agenda/${session.id}`} className="hover:underline">
                  {session.title}
                </Link>
              </h3>
              {session.speakers.length ? (
                <p className="text-sm">
                  {session.speakers.map((speaker) => `${t(`agenda.role.${speaker.role}`)}：${speaker.name}（${t(`agenda.confirmation.${speaker.confirmation}`)}）`).join("；")}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-end gap-2">
                <Link to={`/admin/events/${event.id}/agenda/${session.id}`} className="btn-secondary">
                  {t("action.edit")}
                </Link>
                <Form method="post">
                  <input type="hidden" name="id" value={session.id} />
                  <button type="submit" name="intent" value="duplicate" className="btn-secondary">
                    {t("agenda.admin.agenda.duplicate")}
                  </button>
                </Form>
                <Form method="post" className="flex items-end gap-1">
                  <input type="hidden" name="id" value={session.id} />
                  <label className="text-sm">
                    <span className="field-label">{t("agenda.admin.agenda.shiftMinutes")}</span>
                    <input name="minutes" type="number" step={5} defaultValue={15} className="field-input w-28" />
                  </label>
                  <button type="submit" name="intent" value="shift" className="btn-secondary">
                    {t("agenda.admin.agenda.shift")}
                  </button>
                </Form>
                <Form method="post" className="flex items-end gap-1">
                  <input type="hidden" name="id" value={session.id} />
                  <label className="text-sm">
                    <span className="field-label">{t("agenda.admin.agenda.moveDay")}</span>
                    <input
                      name="day"
                      type="date"
                      defaultValue={session.day}
                      className="field-input"
                      aria-invalid={dayError(session.id) ? true : undefined}
                      aria-describedby={dayError(session.id) ? `move-day-${session.id}-error` : undefined}
                    />
                    {dayError(session.id) ? (
                      <span id={`move-day-${session.id}-error`} className="field-error block">
                        {dayError(session.id)}
                      </span>
                    ) : null}
                  </label>
                  <button type="submit" name="intent" value="moveDay" className="btn-secondary">
                    {t("agenda.admin.agenda.move")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="id" value={session.id} />
                  <button type="submit" name="intent" value="deleteSession" className="btn-danger">
                    {t("action.delete")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="versions-heading" className="card">
        <h2 id="versions-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.versions")}
        </h2>
        {versions.length === 0 ? <p className="text-sm text-slate-600">{t("agenda.admin.agenda.noVersions")}</p> : null}
        <ol className="text-sm">
          {versions.map((version) => (
            <li key={version.version}>{t("agenda.admin.agenda.version", { version: version.version, at: version.publishedAt, changes: version.changes })}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
