import { useEffect, useState } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

/** The attendee's ticket: the QR inline (it works offline once loaded), and full screen for the door scanner. */
export function TicketCard({ qr, code, holder, statusKey }: { qr: string | null; code: string | null; holder: string; statusKey: string }) {
  const t = useT();
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    if (!fullScreen) return;
    const close = (keyEvent: KeyboardEvent) => keyEvent.key === "Escape" && setFullScreen(false);
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [fullScreen]);
  return (
    <>
      <Card as="section" className="mt-4 text-center" aria-labelledby="ticket-heading">
        <h2 id="ticket-heading" className="font-semibold">
          {t("registration.manage.ticket")} · <span data-testid="registration-status">{t(`registration.status.${statusKey}` as MessageKey)}</span>
        </h2>
        {qr ? (
          <>
            <img src={qr} alt={t("registration.email.qrAlt")} className="mx-auto mt-3 w-64 max-w-full" data-testid="ticket-qr" />
            {code ? (
              <p className="mt-2">
                <span className="block text-xs text-muted">{t("registration.manage.ticketCode")}</span>
                <code className="font-mono text-lg tracking-wide" data-testid="ticket-code" translate="no">
                  {code}
                </code>
              </p>
            ) : null}
            <Button type="button" className="mt-3" onClick={() => setFullScreen(true)}>
              {t("registration.manage.showQr")}
            </Button>
            <p className="mt-2 text-xs text-muted">{t("registration.manage.offlineHint")}</p>
          </>
        ) : (
          <p className="mt-2 text-muted">{t("registration.manage.noTicket")}</p>
        )}
      </Card>
      {fullScreen && qr ? (
        <div role="dialog" aria-modal="true" aria-label={t("registration.manage.ticket")} className="fixed inset-0 z-50 flex flex-col items-center justify-center bg-white p-4">
          <img src={qr} alt={t("registration.email.qrAlt")} className="aspect-square w-full max-w-[90vmin]" data-testid="ticket-qr-fullscreen" />
          <p className="mt-2 text-lg font-semibold">{holder}</p>
          {code ? (
            <code className="mt-1 font-mono text-lg tracking-wide" translate="no">
              {code}
            </code>
          ) : null}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a modal dialog moves focus into itself when it opens (WAI-ARIA dialog pattern) */}
          <Button type="button" variant="secondary" className="mt-4" onClick={() => setFullScreen(false)} autoFocus>
            {t("registration.manage.closeQr")}
          </Button>
        </div>
      ) : null}
    </>
  );
}
