import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Dialog, DialogClose } from "~/components/ui/Dialog";
import { buttonClass } from "~/components/ui/Button";
import { useT } from "~/i18n/react";
import { SessionForm } from "./SessionForm";

type Values = Record<string, string | boolean | null>;

/**
 * The grid's "click to edit": the session's form in a modal dialog (focus stays inside, Esc closes, focus goes
 * back to the session in the grid). It posts to the session's own page, which saves and comes back to the
 * agenda (the dialog then closes), or shows its field errors there.
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
  const closeDialog = useRef(onClose);
  useEffect(() => {
    closeDialog.current = onClose;
  }, [onClose]);
  // A saved session redirects back to the agenda: a new location while the dialog is open means it is done.
  const { key } = useLocation();
  useEffect(() => closeDialog.current(), [key]);
  return (
    <Dialog
      open={session !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={session ? t("agenda.grid.editTitle", { title: session.title }) : null}
      wide
    >
      {session ? (
        <>
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
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
            <Link to={`/admin/events/${eventId}/agenda/${session.id}`} className="text-brand-700 underline">
              {t("agenda.grid.openPage")}
            </Link>
            <DialogClose className={buttonClass({ variant: "secondary" })}>{t("agenda.grid.close")}</DialogClose>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
