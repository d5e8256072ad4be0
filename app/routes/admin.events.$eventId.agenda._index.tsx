import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaGrid } from "~/components/agenda/AgendaGrid";
import { Notice } from "~/components/agenda/FormControls";
import { RoomsAndTracks } from "~/components/agenda/RoomsAndTracks";
import { SessionCard } from "~/components/agenda/SessionCard";
import { SessionForm } from "~/components/agenda/SessionForm";
import { FormErrors } from "~/components/forms/FormErrors";
import { useT } from "~/i18n/react";
import { addRoom, addSession, addTrack, deleteRoom, deleteSession, deleteTrack, duplicateSession, getEditorAgenda, moveSessionTo, shiftSessionBy } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { audit } from "~/models/audit.server";
import { inviteSpeakers } from "~/models/session-speaker.server";
import { getEventById } from "~/models/event.server";
import { agendaEditorSchema } from "~/schemas/agenda";
import { clientAddress, notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";
import { describeZone, formatDate, formatDateTime, formatTime, localDay } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
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
  return page(request, async () => {
    const user = await requireEventManager(request, eventId);
    const event = await getEventById(eventId);
    if (!event) notFound();
    const { t } = requestTranslator(request);
    return handleSubmission(request, agendaEditorSchema(event.timeZone), async (submitted, reply) => {
      const done = (notice?: string) => ({ result: reply({ resetForm: true }), intent: submitted.intent, notice: notice ?? null });
      switch (submitted.intent) {
        case "addRoom":
          await addRoom(eventId, submitted.facts);
          return done();
        case "addTrack":
          await addTrack(eventId, submitted.facts);
          return done();
        case "addSession":
          await addSession(eventId, submitted.facts);
          return done();
        case "shift":
          await shiftSessionBy(eventId, submitted.id, submitted.minutes);
          return done();
        case "moveDay":
          await moveSessionTo(eventId, submitted.id, submitted.day);
          return done();
        case "deleteRoom":
          await deleteRoom(eventId, submitted.id);
          return done();
        case "deleteTrack":
          await deleteTrack(eventId, submitted.id);
          return done();
        case "duplicate":
          await duplicateSession(eventId, submitted.id);
          return done();
        case "deleteSession":
          await deleteSession(eventId, submitted.id);
          return done();
        case "invite": {
          const { invited } = await inviteSpeakers(eventId);
          return done(t("agenda.admin.agenda.invited", { count: invited }));
        }
        case "publish": {
          const result = await publishAgenda(eventId, { userId: user.id });
          await audit({
            action: "agenda.published",
            actorUserId: user.id,
            targetType: "event",
            targetId: eventId,
            eventId,
            ip: clientAddress(request),
            details: { version: result.version, changes: result.changes.length },
          });
          return done(t("agenda.admin.agenda.published", { version: result.version, changes: result.changes.length, emails: result.emailsQueued }));
        }
      }
    });
  });
}

export default function AgendaEditor() {
  const { event, rooms, tracks, sessions, conflicts, versions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const notice = result && "notice" in result ? result.notice : null;
  // Every form on the page posts here: each one is shown only the answer to what it sent.
  const sent = result?.result.initialValue ?? {};
  const resultOf = (intent: string) => (sent.intent === intent ? result?.result : null);
  const failed = result && !("notice" in result) ? result.result : null;
  const dayError = (sessionId: string) => (failed && sent.intent === "moveDay" && sent.id === sessionId ? failed.error?.day?.[0] : undefined);
  const otherErrors = failed && !["addRoom", "addTrack", "addSession", "moveDay"].includes(String(sent.intent)) ? Object.values(failed.error ?? {}).flatMap((messages) => messages ?? []) : [];
  const conflicted = new Set(conflicts.flatMap((conflict) => conflict.sessionIds));
  return (
    <div className="space-y-6">
      <Notice message={notice} />
      <FormErrors messages={otherErrors} />

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

      <RoomsAndTracks rooms={rooms} tracks={tracks} roomResult={resultOf("addRoom")} trackResult={resultOf("addTrack")} />

      <section aria-labelledby="add-session-heading" className="card">
        <h2 id="add-session-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.addSession")}
        </h2>
        <SessionForm
          key={`add-${sessions.length}`}
          intent="addSession"
          lastResult={resultOf("addSession")}
          defaultValue={{ date: event.defaultDate }}
          rooms={rooms}
          tracks={tracks}
          timeZone={event.zone}
          zone={event.zoneLabel}
          submitLabel={t("agenda.admin.agenda.addSession")}
        />
      </section>

      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading" className="mb-2 text-lg font-semibold">
          {t("agenda.admin.agenda.grid")}
        </h2>
        <AgendaGrid sessions={sessions} rooms={rooms} />
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
          {t("agenda.admin.agenda.list")}
        </h2>
        <ul className="space-y-3">
          {sessions.map((session) => (
            <SessionCard key={session.id} eventId={event.id} session={session} conflicted={conflicted.has(session.id)} dayError={dayError(session.id)} />
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
