import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listManageableEvents } from "~/models/event.server";
import { requireBackOffice } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBackOffice(request);
  const events = await listManageableEvents(user);
  return {
    user: { name: user.name, email: user.email },
    events: events.map((event) => ({
      id: event.id,
      slug: event.slug,
      title: event.title,
      titleEn: event.titleEn,
      status: event.status,
      kind: event.kind,
      startsAt: event.startsAt.toISOString(),
      timeZone: event.timeZone,
      city: event.city,
      cityEn: event.cityEn,
      capacity: event.capacity,
      confirmed: event.confirmedCount,
    })),
  };
}

export default function AdminDashboard() {
  const { user, events } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("admin.dashboard.signedInAs", user)}</p>
      <h2 className="mt-6 text-lg font-semibold">{t("admin.dashboard.heading")}</h2>
      {events.length === 0 ? <p className="mt-2 text-slate-600">{t("admin.dashboard.none")}</p> : null}
      <ul className="mt-3 grid gap-3 lg:grid-cols-2">
        {events.map((event) => (
          <li key={event.id} className="card">
            <p className="text-xs font-semibold text-brand-700">
              {t(`event.kind.${event.kind}`)} · {t(`admin.event.status.${event.status}`)}
            </p>
            <h3 className="mt-1 font-semibold">
              <Link to={`/admin/events/${event.id}`} className="hover:underline">
                {localized(event.title, event.titleEn)}
              </Link>
            </h3>
            <p className="mt-1 text-sm text-slate-700">
              {formatDate(event.startsAt, event.timeZone, locale)} · {localized(event.city, event.cityEn)} ·{" "}
              {t("admin.event.confirmed", {
                confirmed: event.confirmed,
                capacity: event.capacity ?? t("admin.event.unlimited"),
              })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
