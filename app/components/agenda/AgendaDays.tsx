import { FallbackText } from "~/components/Localized";
import type { Translate } from "~/i18n";
import { Card } from "~/components/ui/Card";

export type AgendaDaySession = {
  id: string;
  time: string;
  title: string;
  typeLabel: string;
  room: string | null;
  track: string | null;
  trackColor: string | null;
  description: string;
  roles: { label: string; people: string[] }[];
  mark: "new" | "changed" | null;
  fallback: { title: boolean; room: boolean; track: boolean };
};

export type AgendaDay = { day: string; label: string; slots: { time: string; sessions: AgendaDaySession[] }[] };

/**
 * The agenda by day and time slot. Rendered to static HTML once per published version, language and
 * filter on the server (the page's budget is p95 < 50 ms for 200 sessions), so it must not use hooks.
 * The favourite buttons start hidden and are wired up by the page's script.
 */
export function AgendaDays({ days, t }: { days: AgendaDay[]; t: Translate }) {
  return (
    <>
      {days.map((day) => (
        <section key={day.day} className="mt-6" aria-labelledby={`day-${day.day}`}>
          <h3 id={`day-${day.day}`} className="sticky top-0 z-10 bg-canvas py-2 text-lg font-bold">
            {day.label}
          </h3>
          {day.slots.map((slot) => (
            <div key={slot.time} className="mt-3 grid gap-2 sm:grid-cols-[4rem_1fr]">
              <p className="text-sm font-semibold text-brand-700">{slot.time}</p>
              <ul className="grid gap-2">
                {slot.sessions.map((session) => (
                  <Card key={session.id} id={`session-${session.id}`} as="li" className="scroll-mt-4" data-session-id={session.id}>
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="text-sm text-muted">
                          <span className="font-semibold text-ink">{session.time}</span>
                          {` · ${session.typeLabel}`}
                          {session.room ? (
                            <>
                              {" · "}
                              <FallbackText text={session.room} fallback={session.fallback.room} t={t} />
                            </>
                          ) : null}
                          {session.mark ? (
                            <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold ${session.mark === "new" ? "bg-success-soft text-success-ink" : "bg-warning-soft text-warning-ink"}`}>
                              {t(session.mark === "new" ? "agenda.public.new" : "agenda.public.changed")}
                            </span>
                          ) : null}
                        </p>
                        <h4 className="mt-1 font-semibold leading-snug">
                          <FallbackText text={session.title} fallback={session.fallback.title} t={t} />
                        </h4>
                        {session.track ? (
                          <p className="mt-1 text-sm">
                            <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: session.trackColor ?? undefined }} />
                            <FallbackText text={session.track} fallback={session.fallback.track} t={t} />
                          </p>
                        ) : null}
                      </div>
                      <button
                        type="button"
                        hidden
                        data-favourite={session.id}
                        aria-pressed="false"
                        aria-label={`${t("agenda.public.favourite")}: ${session.title}`}
                        className="min-h-11 min-w-11 shrink-0 rounded-md border border-line-strong text-xl text-muted aria-pressed:border-warning aria-pressed:bg-warning-soft aria-pressed:text-warning"
                      >
                        ☆
                      </button>
                    </div>
                    {session.roles.length ? (
                      <dl className="mt-2 space-y-1 text-sm">
                        {session.roles.map((role) => (
                          <div key={role.label}>
                            <dt className="inline font-medium">{t("punctuation.label", { label: role.label })}</dt>
                            <dd className="inline">{role.people.join(t("punctuation.nameSeparator"))}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                    {session.description ? <p className="mt-2 text-sm text-muted">{session.description}</p> : null}
                  </Card>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
