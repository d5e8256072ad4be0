import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/react";
import { SessionForm } from "./SessionForm";

type Values = Record<string, string | boolean | null>;

/**
 * The grid's "click to edit": the session's form in a modal dialog (focus stays inside, Esc closes). It posts
 * to the session's own page, which saves and comes back to the agenda, or shows its field errors there.
 */
export function SessionDialog({
  eventId,
  session,
  rooms,
  tracks,
  timeZone,
  zone,
  onClose,
}: {
  eventId: string;
  session: { id: string; title: string; values: Values } | null;
  rooms: { id: string; name: string }[];
  tracks: { id: string; name: string }[];
  timeZone: string;
  zone: string;
  onClose: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (session && !element.open) element.showModal();
    if (!session && element.open) element.close();
  }, [session]);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="session-dialog-heading" className="m-auto w-[min(42rem,calc(100vw-2rem))] rounded-lg p-4 shadow-xl backdrop:bg-ink/40">
      {session ? (
        <>
          <div className="mb-3 flex items-start justify-between gap-2">
            <h2 id="session-dialog-heading" className="text-lg font-semibold">
              {t("agenda.grid.editTitle", { title: session.title })}
            </h2>
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              {t("agenda.grid.close")}
            </button>
          </div>
          <SessionForm
            key={session.id}
            intent="save"
            action={`/admin/events/${eventId}/agenda/${session.id}`}
            defaultValue={session.values}
            rooms={rooms}
            tracks={tracks}
            timeZone={timeZone}
            zone={zone}
            idPrefix="dialog"
            submitLabel={t("action.save")}
          />
          <Link to={`/admin/events/${eventId}/agenda/${session.id}`} className="text-brand-700 underline">
            {t("agenda.grid.openPage")}
          </Link>
        </>
      ) : null}
    </dialog>
  );
}
