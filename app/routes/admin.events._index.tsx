import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listManageableEvents } from "~/models/event.server";
import { canManageProgramme, requireBackOffice } from "~/auth/permissions.server";
import { formatDate } from "~/utils/time";
import { Localized } from "~/components/Localized";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";

const statusTone: Record<"DRAFT" | "PUBLISHED" | "ARCHIVED", BadgeTone> = { DRAFT: "warning", PUBLISHED: "success", ARCHIVED: "neutral" };

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
        {canCreate ? <ButtonLink to="/admin/events/new">{t("agenda.admin.events.new")}</ButtonLink> : null}
      </div>
      {events.length === 0 ? (
        <div className="mt-4">
          <EmptyState title={t("agenda.admin.events.none")} />
        </div>
      ) : null}
      <ul className="mt-4 grid gap-3">
        {events.map((event) => (
          <Card as="li" key={event.id}>
            <p className="flex flex-wrap items-center gap-2 text-xs font-semibold text-brand-700">
              <Badge tone={statusTone[event.status]}>{t(`admin.event.status.${event.status}`)}</Badge>
              {t(`event.kind.${event.kind}`)} · v{event.publishedVersion}
            </p>
            <h2 className="mt-1 font-semibold">
              <Link to={`/admin/events/${event.id}`} className="hover:underline">
                {localized(event.title, event.titleEn)}
              </Link>
            </h2>
            <p className="text-sm text-muted">
              {formatDate(event.startsAt, event.timeZone, locale)} · <Localized zh={event.city} en={event.cityEn} /> ·{" "}
              <Link to={`/admin/events/${event.id}/agenda`} className="underline">
                {t("admin.eventTabs.agenda")}
              </Link>
            </p>
          </Card>
        ))}
      </ul>
    </div>
  );
}
