import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { EventAdminTabs } from "~/components/EventAdminTabs";
import { useLocalized, useT } from "~/i18n/react";
import { getEventById } from "~/models/event.server";
import { notFound } from "~/utils/http.server";
import { page } from "~/utils/route.server";
import { requireEventManager } from "~/auth/permissions.server";

/** Layout of one event's back office: title, tabs, and the tab's page. Each child checks permissions itself. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireEventManager(request, params.eventId ?? "");
    const event = await getEventById(params.eventId ?? "");
    if (!event) notFound();
    return { event: { id: event.id, slug: event.slug, title: event.title, titleEn: event.titleEn, status: event.status } };
  });
}

export default function EventAdminLayout() {
  const { event } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  return (
    <div>
      <p className="text-sm">
        <Link to="/admin/events" className="text-brand-700 underline">
          {t("admin.nav.events")}
        </Link>
      </p>
      <h1 className="mb-3 mt-1 text-2xl font-bold">
        {localized(event.title, event.titleEn)} <span className="align-middle text-sm font-medium text-muted">{t(`admin.event.status.${event.status}`)}</span>
      </h1>
      <EventAdminTabs eventId={event.id} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
