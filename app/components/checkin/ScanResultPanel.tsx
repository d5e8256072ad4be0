import { useT } from "~/i18n/react";
import { badgeHref } from "./Badge";
import type { Display } from "./display";
import type { Tone } from "./feedback";

const tones: Record<Tone, string> = {
  green: "bg-success text-white",
  yellow: "bg-amber-300 text-ink",
  red: "bg-danger text-white",
};

/** The last scan's answer, announced assertively so a screen reader interrupts with it. */
export function ScanResultPanel({ display, online, eventSlug }: { display: Display | null; online: boolean; eventSlug: string }) {
  const t = useT();
  return (
    <section
      aria-live="assertive"
      data-testid="result"
      data-result={display?.result ?? ""}
      data-offline={display?.offline ? "true" : "false"}
      className={`flex min-h-48 flex-col justify-center rounded-xl p-4 text-center ${display ? tones[display.tone] : "bg-line text-muted"}`}
    >
      {display ? (
        <>
          <p className="text-3xl font-extrabold">{display.title}</p>
          {display.name ? <p className="mt-2 text-4xl font-bold">{display.name}</p> : null}
          {display.organization ? <p className="mt-1 text-xl">{display.organization}</p> : null}
          {display.lines.map((line) => (
            <p key={line} className="mt-1 text-lg">
              {line}
            </p>
          ))}
          {/* The badge page is rendered by the server, so offline the link would only fail. */}
          {display.registrationId && online ? (
            <a className="mt-2 text-base underline" href={badgeHref(display.registrationId, eventSlug)} target="_blank" rel="noreferrer">
              {t("checkin.search.badge")}
            </a>
          ) : null}
        </>
      ) : (
        <p className="text-2xl font-bold">{t("checkin.result.ready")}</p>
      )}
    </section>
  );
}
