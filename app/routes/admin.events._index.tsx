import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listManageableEvents } from "~/models/event.server";
import { canManageProgramme, requireBackOffice } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";
import { Localized } from "~/components/Localized";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBackOffice(request);
  const events = await listManageableEvents(user);
  return {
    canCreate: canManageProgramme(user),
    events: events.map((event) => ({
      id: event.id,
      slug: event.slug,
      title: event.title,
      titleEn: event.titleEn,
      status: event.status,
      kind: event.kind,
      city: event.city,
      cityEn: event.cityEn,
      startsAt: event.startsAt.toISOString(),
      timeZone: event.timeZone,
      publishedVersion: event.publishedVersion,
    })),
  };
}

export default function AdminEvents() {
  const { events, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("agenda.admin.events.heading")}</h1>
        {canCreate ? (
          <Link to="/admin/events/new" className="btn">
            {t("agenda.admin.events.new")}
          </Link>
        ) : null}
      </div>
      {events.length === 0 ? <p className="mt-4 text-slate-600">{t("agenda.admin.events.none")}</p> : null}
      <ul className="mt-4 grid gap-3">
        {events.map((event) => (
          <li key={event.id} className="card">
            <p className="text-xs font-semibold text-brand-700">
              {t(`event.kind.${event.kind}`)} · {t(`admin.event.status.${event.status}`)} · v{event.publishedVersion}
            </p>
            <h2 className="mt-1 font-semibold">
              <Link to={`/admin/events/${event.id}`} className="hover:underline">
                {localized(event.title, event.titleEn)}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">
              {formatDate(event.startsAt, event.timeZone, locale)} · <Localized zh={event.city} en={event.cityEn} /> ·{" "}
              <Link to={`/admin/events/${event.id}/agenda`} className="underline">
                {t("admin.eventTabs.agenda")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
