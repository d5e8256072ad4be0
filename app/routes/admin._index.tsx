import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { backOfficeDashboard } from "~/models/dashboard.server";
import { isAdmin, isBackOfficeUser, requireBackOffice } from "~/auth/permissions.server";
import { homeOf, mayOpenPath } from "~/auth/navigation.server";
import { formatDate } from "~/utils/time";
import { Card } from "~/components/ui/Card";

// The programme's queues, each shown only to whom its list opens (the navigation's rules).
const queuePaths = { applications: "/admin/applications?status=SUBMITTED", onboarding: "/admin/onboarding?overdue=1", emails: "/admin/emails?status=FAILED" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBackOffice(request);
  // Check-in staff have no dashboard: their work is the scanner.
  if (!isBackOfficeUser(user)) throw redirect(homeOf(user));
  const may = (path: string) => mayOpenPath(user, path);
  // The all-events count of failed e-mails is for admins; organizers see their events' counts below.
  const dashboard = await backOfficeDashboard({ user, programme: may(queuePaths.applications) && may(queuePaths.onboarding), emails: may(queuePaths.emails) && isAdmin(user) });
  const queues: { key: keyof typeof queuePaths; label: MessageKey; count: number | null }[] = [
    { key: "applications", label: "admin.dashboard.applicationsWaiting", count: dashboard.applicationsWaiting },
    { key: "onboarding", label: "admin.dashboard.firmsOverdue", count: dashboard.firmsOverdue },
    { key: "emails", label: "admin.dashboard.failedEmails", count: dashboard.failedEmails },
  ];
  return {
    user: { name: user.name, email: user.email },
    queues: queues.flatMap(({ key, label, count }) => (count === null ? [] : [{ to: queuePaths[key], label, count }])),
    events: dashboard.events.map(({ event, registered, checkedIn, pendingApproval, failedEmails }) => ({
      id: event.id,
      title: event.title,
      titleEn: event.titleEn,
      status: event.status,
      kind: event.kind,
      startsAt: event.startsAt.toISOString(),
      timeZone: event.timeZone,
      city: event.city,
      cityEn: event.cityEn,
      capacity: event.capacity,
      registered,
      checkedIn,
      pendingApproval,
      failedEmails,
    })),
  };
}

function Figure({ to, label, value, alert = false }: { to: string; label: string; value: string | number; alert?: boolean }) {
  return (
    <Link to={to} className={`block rounded border px-3 py-2 hover:border-brand-700 ${alert ? "border-warning/40 bg-warning-soft" : "border-line bg-white"}`}>
      <span className="block text-lg font-semibold tabular-nums">{value}</span>
      <span className="block text-xs text-muted">{label}</span>
    </Link>
  );
}

export default function AdminDashboard() {
  const { user, queues, events } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("admin.dashboard.signedInAs", user)}</p>
      {queues.length > 0 ? (
        <section aria-labelledby="queues-heading" className="mt-6">
          <h2 id="queues-heading" className="text-lg font-semibold">
            {t("admin.dashboard.waiting")}
          </h2>
          <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
            {queues.map((queue) => (
              <li key={queue.to}>
                <Figure to={queue.to} label={t(queue.label)} value={queue.count} alert={queue.count > 0} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="events-heading" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="events-heading" className="text-lg font-semibold">
            {t("admin.dashboard.heading")}
          </h2>
          <Link to="/admin/events" className="text-sm text-brand-700 hover:underline">
            {t("admin.dashboard.allEvents")}
          </Link>
        </div>
        {events.length === 0 ? <p className="mt-2 text-muted">{t("admin.dashboard.noUpcoming")}</p> : null}
        <ul className="mt-3 grid gap-3 lg:grid-cols-2">
          {events.map((event) => {
            const base = `/admin/events/${event.id}`;
            return (
              <Card key={event.id} as="li" data-testid="dashboard-event">
                <p className="text-xs font-semibold text-brand-700">
                  {t(`event.kind.${event.kind}`)} · {t(`admin.event.status.${event.status}`)}
                </p>
                <h3 className="mt-1 font-semibold">
                  <Link to={base} className="hover:underline">
                    {localized(event.title, event.titleEn)}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-muted">
                  {formatDate(event.startsAt, event.timeZone, locale)} · {localized(event.city, event.cityEn)}
                </p>
                <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  <Figure
                    to={`${base}/registrations?status=CONFIRMED`}
                    label={t("admin.dashboard.registered")}
                    value={event.capacity === null ? event.registered : `${event.registered} / ${event.capacity}`}
                  />
                  <Figure to={`${base}/registrations?checkedIn=yes`} label={t("admin.dashboard.checkedIn")} value={event.checkedIn} />
                  <Figure to={`${base}/registrations?status=PENDING_APPROVAL`} label={t("admin.dashboard.pendingApproval")} value={event.pendingApproval} alert={event.pendingApproval > 0} />
                  <Figure to={`${base}/emails?status=FAILED`} label={t("admin.dashboard.eventFailedEmails")} value={event.failedEmails} alert={event.failedEmails > 0} />
                </div>
              </Card>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
