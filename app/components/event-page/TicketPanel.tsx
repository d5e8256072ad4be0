import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RegisterAction } from "~/models/registration-offer";
import type { EventPageView } from "~/route-helpers/event-page.server";
import { Card } from "~/components/ui/Card";

const actionWords: Record<RegisterAction, MessageKey> = {
  register: "eventPage.register",
  waitlist: "eventPage.joinWaitlist",
  sold_out: "eventPage.soldOut",
  not_yet_open: "eventPage.notYetOpen",
  closed: "eventPage.closed",
};

/** The register button's words for an event's state: never "register now" when the event is full. */
export function registerWords(action: RegisterAction): MessageKey {
  return actionWords[action];
}

/** A link to the form while one can register or join the waitlist; otherwise a disabled button saying why not. */
export function RegisterButton({ action, href, className = "" }: { action: RegisterAction; href: string; className?: string }) {
  const t = useT();
  const words = t(registerWords(action));
  if (action === "register" || action === "waitlist") {
    return (
      <Link to={href} className={`btn ${className}`} data-testid="register-button">
        {words}
      </Link>
    );
  }
  return (
    <button type="button" className={`btn ${className}`} disabled aria-disabled="true" data-testid="register-button">
      {words}
    </button>
  );
}

/** The categories anyone may pick, with seats left, approval and waitlist state, and the register button. */
export function TicketPanel({ tickets, registerHref }: { tickets: EventPageView["tickets"]; registerHref: string }) {
  const t = useT();
  return (
    <Card aria-labelledby="tickets-heading" as="section" data-testid="ticket-panel">
      <h2 id="tickets-heading" className="text-lg font-bold">
        {t("eventPage.tickets")}
      </h2>
      {tickets.categories.length ? (
        <ul className="mt-3 divide-y divide-line">
          {tickets.categories.map((category) => (
            <li key={category.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="font-medium text-ink">
                {category.name}
                {category.approval ? <span className="ml-2 rounded bg-warning-soft px-1.5 py-0.5 text-xs font-medium text-warning-ink">{t("eventPage.approval")}</span> : null}
              </span>
              <span className={`text-sm ${category.offer === "available" ? "text-success-ink" : category.offer === "waitlist" ? "text-warning-ink" : "text-muted"}`}>
                {category.offer === "sold_out"
                  ? t("eventPage.categorySoldOut")
                  : category.offer === "waitlist"
                    ? t("eventPage.categoryWaitlist")
                    : category.seatsLeft === null
                      ? t("eventPage.seatsOpen")
                      : t("eventPage.seatsLeft", { count: category.seatsLeft })}
              </span>
            </li>
          ))}
        </ul>
      ) : tickets.seatsLeft !== null && tickets.action === "register" ? (
        <p className="mt-2 text-sm text-success-ink">{t("eventPage.seatsLeft", { count: tickets.seatsLeft })}</p>
      ) : null}
      {tickets.action === "waitlist" ? <p className="mt-3 text-sm text-warning-ink">{t("eventPage.waitlistNote")}</p> : null}
      {tickets.action === "sold_out" ? <p className="mt-3 text-sm text-muted">{t("eventPage.soldOutNote")}</p> : null}
      {tickets.approval && (tickets.action === "register" || tickets.action === "waitlist") ? <p className="mt-3 text-sm text-muted">{t("eventPage.approvalNote")}</p> : null}
      {tickets.opensAt ? <p className="mt-3 text-sm text-muted">{t("eventPage.opensAt", { at: tickets.opensAt })}</p> : null}
      {tickets.closesAt ? <p className="mt-3 text-xs text-muted">{t("eventPage.closesAt", { at: tickets.closesAt })}</p> : null}
      <RegisterButton action={tickets.action} href={registerHref} className="mt-4 hidden w-full sm:flex" />
    </Card>
  );
}

/** On phones the register button stays at the bottom of the screen while the page scrolls. */
export function StickyRegisterBar({ action, href, title }: { action: RegisterAction; href: string; title: string }) {
  const t = useT();
  return (
    <div className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-white/95 px-4 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] backdrop-blur sm:hidden" data-testid="sticky-register">
      <div className="flex items-center gap-3">
        <p className="min-w-0 flex-1 truncate text-sm">
          <span className="sr-only">{t("eventPage.stickyLabel")}: </span>
          {title}
        </p>
        <RegisterButton action={action} href={href} className="shrink-0" />
      </div>
    </div>
  );
}
