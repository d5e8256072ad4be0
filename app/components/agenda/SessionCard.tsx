import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import { Button, ButtonLink } from "~/components/ui/Button";

export type SessionCardSession = {
  id: string;
  title: string;
  type: string;
  day: string;
  dayLabel: string;
  start: string;
  end: string;
  room: string | null;
  track: string | null;
  plenary: boolean;
  speakers: { id: string; role: string; name: string; confirmation: string }[];
};

/** One session of the editor's list with its quick actions: edit, duplicate, shift, move to another day, delete. */
export function SessionCard({ eventId, session, conflicted, dayError }: { eventId: string; session: SessionCardSession; conflicted: boolean; dayError?: string }) {
  const t = useT();
  return (
    <li className={`card ${conflicted ? "border-danger/60" : ""}`} data-session={session.title}>
      <p className="text-sm text-muted">
        {session.dayLabel} {session.start}–{session.end} · {t(`agenda.type.${session.type}` as MessageKey)}
        {session.plenary ? ` · ${t("agenda.plenary")}` : session.room ? ` · ${session.room}` : ""}
        {session.track ? ` · ${session.track}` : ""}
      </p>
      <h3 className="font-semibold">
        <Link to={`/admin/events/${eventId}/agenda/${session.id}`} className="hover:underline">
          {session.title}
        </Link>
      </h3>
      {session.speakers.length ? (
        <p className="text-sm">
          {session.speakers
            .map((speaker) =>
              t("agenda.admin.agenda.speakerOnCard", {
                role: t(`agenda.role.${speaker.role}` as MessageKey),
                name: speaker.name,
                confirmation: t(`agenda.confirmation.${speaker.confirmation}` as MessageKey),
              }),
            )
            .join(t("agenda.admin.agenda.listSeparator"))}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <ButtonLink to={`/admin/events/${eventId}/agenda/${session.id}`} variant="secondary">
          {t("action.edit")}
        </ButtonLink>
        <Form method="post">
          <input type="hidden" name="id" value={session.id} />
          <Button type="submit" name="intent" value="duplicate" variant="secondary">
            {t("agenda.admin.agenda.duplicate")}
          </Button>
        </Form>
        <Form method="post" className="flex items-end gap-1">
          <input type="hidden" name="id" value={session.id} />
          <label className="text-sm">
            <span className="field-label">{t("agenda.admin.agenda.shiftMinutes")}</span>
            <input name="minutes" type="number" step={5} defaultValue={15} className="field-input w-28" />
          </label>
          <Button type="submit" name="intent" value="shift" variant="secondary">
            {t("agenda.admin.agenda.shift")}
          </Button>
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
              aria-invalid={dayError ? true : undefined}
              aria-describedby={dayError ? `move-day-${session.id}-error` : undefined}
            />
            {dayError ? (
              <span id={`move-day-${session.id}-error`} className="field-error block">
                {dayError}
              </span>
            ) : null}
          </label>
          <Button type="submit" name="intent" value="moveDay" variant="secondary">
            {t("agenda.admin.agenda.move")}
          </Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="id" value={session.id} />
          <Button type="submit" name="intent" value="deleteSession" variant="danger">
            {t("action.delete")}
          </Button>
        </Form>
      </div>
    </li>
  );
}
