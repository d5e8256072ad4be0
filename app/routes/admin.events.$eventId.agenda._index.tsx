import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { AgendaGrid } from "~/components/agenda/AgendaGrid";
import { Flash } from "~/components/ui/Toast";
import { RoomsAndTracks } from "~/components/agenda/RoomsAndTracks";
import { SessionCard } from "~/components/agenda/SessionCard";
import { SessionDialog } from "~/components/agenda/SessionDialog";
import { SessionForm } from "~/components/agenda/SessionForm";
import { FormErrors } from "~/components/forms/FormErrors";
import { useT } from "~/i18n/react";
import {
  addRoom,
  addSession,
  addTrack,
  deleteRoom,
  deleteSession,
  deleteTrack,
  duplicateSession,
  getEditorAgenda,
  moveSessionTo,
  placeSession,
  sessionFormValues,
  shiftSessionBy,
} from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { audit } from "~/models/audit.server";
import { inviteSpeakers } from "~/models/session-speaker.server";
import { getEventById } from "~/models/event.server";
import { agendaEditorSchema } from "~/schemas/agenda";
import { clientAddress, notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requestTranslator } from "~/utils/i18n.server";
import { requireEventManager } from "~/auth/permissions.server";
import { DateTime } from "luxon";
import { describeZone, formatDate, formatDateTime, formatTime, localDay, zonedToUtc } from "~/utils/time";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const { locale, t } = requestTranslator(request);
    const { event, conflicts } = await getEditorAgenda(eventId);
    const zone = event.timeZone;
    const titles = new Map(event.sessions.map((session) => [session.id, session.title]));
    const conflictList = conflicts.map((conflict) => ({
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
    }));
    // What each session conflicts with, said on its block in the grid.
    const conflictLabels = (sessionId: string) =>
      conflictList
        .filter((conflict) => conflict.sessionIds.includes(sessionId))
        .map((conflict) => {
          const others = conflict.sessionIds.filter((id) => id !== sessionId).map((id) => titles.get(id) ?? "");
          return others.length ? t("agenda.grid.conflictWithOthers", { message: conflict.message, others: others.join(" / ") }) : conflict.message;
        });
    const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const firstDay = localDay(event.startsAt, zone);
    const lastDay = localDay(event.endsAt, zone);
    const eventDays: string[] = [];
    for (let day = firstDay; day <= lastDay && eventDays.length < 31; day = DateTime.fromISO(day).plus({ days: 1 }).toISODate()!) eventDays.push(day);
    const days = [...new Set([...eventDays, ...event.sessions.map((session) => localDay(session.startsAt, zone))])].sort();
    return {
      event: { id: event.id, slug: event.slug, status: event.status, zone, zoneLabel: describeZone(zone, event.startsAt), publishedVersion: event.publishedVersion, defaultDate: firstDay },
      days: days.map((day) => ({ day, label: formatDate(zonedToUtc(day, "12:00", zone) ?? event.startsAt, zone, locale) })),
      rooms: event.rooms.map((room) => ({ id: room.id, name: room.name, nameEn: room.nameEn, capacity: room.capacity })),
      tracks: event.tracks.map((track) => ({ id: track.id, name: track.name, color: track.color })),
      sessions: event.sessions.map((session) => {
        const day = localDay(session.startsAt, zone);
        const start = formatTime(session.startsAt, zone);
        const end = formatTime(session.endsAt, zone);
        return {
          id: session.id,
          title: session.title,
          type: session.type,
          day,
          dayLabel: formatDate(session.startsAt, zone, locale),
          start,
          end,
          startMinute: minuteOfDay(start),
          // A session running past midnight is drawn to the end of its first day.
          endMinute: localDay(session.endsAt, zone) === day ? minuteOfDay(end) : 24 * 60,
          roomId: session.roomId,
          room: session.room?.name ?? null,
          track: session.track?.name ?? null,
          trackColor: session.track?.color ?? null,
          plenary: session.plenary,
          speakers: session.speakers.map((row) => ({ id: row.id, role: row.role, name: row.speaker.name, confirmation: row.confirmation })),
          conflicts: conflictLabels(session.id),
          values: sessionFormValues(session, zone),
        };
      }),
      conflicts: conflictList,
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
        case "place": {
          const moved = await placeSession(eventId, submitted.facts);
          await audit({
            action: "agenda.session_placed",
            actorUserId: user.id,
            targetType: "event",
            targetId: eventId,
            eventId,
            ip: clientAddress(request),
            details: { sessionId: submitted.facts.id, title: moved.title, before: moved.before, after: moved.after },
          });
          return done(
            t("agenda.grid.saved", {
              title: moved.title,
              start: formatTime(moved.after.startsAt, event.timeZone),
              end: formatTime(moved.after.endsAt, event.timeZone),
              room: moved.plenary ? t("agenda.plenary") : (moved.room ?? t("agenda.grid.noRoom")),
            }),
          );
        }
        case "publish": {
          const result = await publishAgenda(eventId, { userId: user.id, overrideConflicts: submitted.overrideConflicts, publishEvent: submitted.publishEvent });
          const ip = clientAddress(request);
          await audit({
            action: "agenda.published",
            actorUserId: user.id,
            targetType: "event",
            targetId: eventId,
            eventId,
            ip,
            details: {
              version: result.version,
              first: result.first,
              changes: result.changes.length,
              ...(result.overriddenConflicts.length ? { overriddenConflicts: result.overriddenConflicts } : {}),
              ...(result.eventPublished ? { eventPublished: true } : {}),
            },
          });
          if (result.eventPublished)
            await audit({ action: "event.published", actorUserId: user.id, targetType: "event", targetId: eventId, eventId, ip, details: { withAgendaVersion: result.version } });
          const published = result.first
            ? t("agenda.admin.agenda.firstPublished", { emails: result.emailsQueued })
            : t("agenda.admin.agenda.published", { version: result.version, changes: result.changes.length, emails: result.emailsQueued });
          return done(result.eventPublished ? `${published} ${t("agenda.admin.agenda.eventPublishedToo")}` : published);
        }
      }
    });
  });
}

export default function AgendaEditor() {
  const { event, days, rooms, tracks, sessions, conflicts, versions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const notice = result && "notice" in result ? result.notice : null;
  // Every form on the page posts here: each one is shown only the answer to what it sent.
  const sent = result?.result.initialValue ?? {};
  const resultOf = (intent: string) => (sent.intent === intent ? result?.result : null);
  const failed = result && !("notice" in result) ? result.result : null;
  const dayError = (sessionId: string) => (failed && sent.intent === "moveDay" && sent.id === sessionId ? failed.error?.day?.[0] : undefined);
  const otherErrors = failed && !["addRoom", "addTrack", "addSession", "moveDay"].includes(String(sent.intent)) ? Object.values(failed.error ?? {}).flatMap((messages) => messages ?? []) : [];
  const conflicted = new Set(conflicts.flatMap((conflict) => conflict.sessionIds));
  const editingSession = sessions.find((session) => session.id === editing) ?? null;
  return (
    <div className="min-w-0 space-y-6">
      <Flash message={notice} />
      <FormErrors messages={otherErrors} />

      <Card as="section" className="space-y-2" aria-labelledby="publish-heading">
        <h2 id="publish-heading" className="font-semibold">
          {t("agenda.admin.agenda.publish")}
        </h2>
        <p className="text-sm">{event.publishedVersion === 0 ? t("agenda.admin.agenda.willBeFirst") : t("agenda.admin.agenda.draftNotice", { version: event.publishedVersion })}</p>
        {conflicts.length > 0 ? <p className="text-sm font-medium text-danger-ink">{t("agenda.admin.agenda.conflictsBlock", { count: conflicts.length })}</p> : null}
        <Form method="post" className="flex flex-wrap items-center gap-3">
          {conflicts.length > 0 ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="overrideConflicts" className="h-5 w-5" />
              {t("agenda.admin.agenda.overrideConflicts", { count: conflicts.length })}
            </label>
          ) : null}
          {event.status === "DRAFT" ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="publishEvent" className="h-5 w-5" />
              {t("agenda.admin.agenda.publishEventToo")}
            </label>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="publish">
              {t("agenda.admin.agenda.publish")}
            </Button>
            <Button type="submit" name="intent" value="invite" variant="secondary">
              {t("agenda.admin.agenda.invite")}
            </Button>
          </div>
        </Form>
      </Card>

      <section aria-labelledby="grid-heading" className="min-w-0">
        <h2 id="grid-heading" className="mb-2 text-lg font-semibold">
          {t("agenda.admin.agenda.grid")}
        </h2>
        <AgendaGrid sessions={sessions} rooms={rooms} days={days} onEdit={setEditing} />
        <SessionDialog eventId={event.id} session={editingSession} rooms={rooms} tracks={tracks} timeZone={event.zone} zone={event.zoneLabel} onClose={() => setEditing(null)} />
      </section>

      <Card aria-labelledby="conflicts-heading" as="section">
        <h2 id="conflicts-heading" className="font-semibold">
          {t("agenda.admin.agenda.conflicts", { count: conflicts.length })}
        </h2>
        {conflicts.length === 0 ? (
          <p className="text-sm text-muted">{t("agenda.admin.agenda.noConflicts")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm text-danger-ink" data-testid="conflicts">
            {conflicts.map((conflict, index) => (
              <li key={index}>
                {conflict.message}: {conflict.titles.join(" / ")}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <RoomsAndTracks rooms={rooms} tracks={tracks} roomResult={resultOf("addRoom")} trackResult={resultOf("addTrack")} />

      <Card aria-labelledby="add-session-heading" as="section">
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
      </Card>

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

      <Card aria-labelledby="versions-heading" as="section">
        <h2 id="versions-heading" className="mb-2 font-semibold">
          {t("agenda.admin.agenda.versions")}
        </h2>
        {versions.length === 0 ? <p className="text-sm text-muted">{t("agenda.admin.agenda.noVersions")}</p> : null}
        <ol className="text-sm">
          {versions.map((version) => (
            <li key={version.version}>{t("agenda.admin.agenda.version", { version: version.version, at: version.publishedAt, changes: version.changes })}</li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
