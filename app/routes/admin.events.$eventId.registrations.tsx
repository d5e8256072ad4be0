import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { BulkActions, type Selection } from "~/components/registrations/BulkActions";
import { RegistrationFilters } from "~/components/registrations/RegistrationFilters";
import { RegistrationTable } from "~/components/registrations/RegistrationTable";
import { useT } from "~/i18n/react";
import { decisionSchema, filterFromSearchParams } from "~/schemas/registration-admin";
import { firmNameSuggester } from "~/models/firm.server";
import { applyBulkAction } from "~/models/registration-bulk.server";
import { listFirms, registrationSettings } from "~/models/registration-settings.server";
import { listRegistrations, registrationCounts } from "~/models/registration-queries.server";
import { reissueTicket } from "~/models/ticket.server";
import { requireEventManager } from "~/auth/permissions.server";
import { handleSubmission, page } from "~/utils/route.server";
import { Flash } from "~/components/ui/Toast";
import { ButtonLink } from "~/components/ui/Button";
import { SheetDownloads } from "~/components/SheetDownloads";

const pageSize = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    await requireEventManager(request, eventId);
    const url = new URL(request.url);
    const filter = filterFromSearchParams(url.searchParams);
    const requestedPage = Math.max(1, Math.min(100_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
    const [settings, firms, list, counts, suggestFirm] = await Promise.all([
      registrationSettings(eventId),
      listFirms(),
      listRegistrations(eventId, filter, pageSize, (requestedPage - 1) * pageSize),
      registrationCounts(eventId),
      firmNameSuggester(),
    ]);
    return {
      eventId,
      timeZone: settings.timeZone,
      counts,
      categories: settings.ticketCategories.map(({ id, name, nameEn }) => ({ id, name, nameEn })),
      firms,
      total: list.total,
      page: requestedPage,
      pages: Math.max(1, Math.ceil(list.total / pageSize)),
      rows: list.rows.map((row) => ({
        id: row.id,
        status: row.status,
        name: row.name,
        email: row.email,
        organization: row.organization,
        category: row.category ? { name: row.category.name, nameEn: row.category.nameEn } : null,
        firm: row.firm?.name ?? null,
        firmSuggestion: row.firm ? null : suggestFirm(row.organization),
        createdAt: row.createdAt.toISOString(),
        checkedInAt: row.checkedInAt?.toISOString() ?? null,
      })),
    };
  });
}

// The form posts to the list's own address, so a bulk action over the filtered set reads the filter the
// organizer was looking at from the query string, and evaluates it again now.
export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  const user = await requireEventManager(request, eventId);
  return handleSubmission(request, decisionSchema, async ({ intent, scope, ids, expected, id }, reply) => {
    if (intent === "reissue") {
      const reissued = id ? await reissueTicket({ eventId, registrationId: id, actorUserId: user.id }) : false;
      if (!reissued) return data({ result: reply(), count: 0, error: true, reissue: "unavailable" as const }, { status: 422 });
      return { result: reply(), count: 0, error: false, reissue: "done" as const };
    }
    const selection = scope === "filter" ? { filter: filterFromSearchParams(new URL(request.url).searchParams), expected: expected ?? 0 } : { ids };
    const count = await applyBulkAction({ eventId, selection, action: intent, actorUserId: user.id });
    return { result: reply({ resetForm: true }), count, error: false };
  });
}

export default function RegistrationsAdmin() {
  const { eventId, counts, categories, firms, rows, total, timeZone, page: current, pages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [searchParams] = useSearchParams();
  const base = `/admin/events/${eventId}/registrations`;
  const pageLink = (to: number) => `?${new URLSearchParams([...[...searchParams].filter(([name]) => name !== "page"), ["page", String(to)]]).toString()}`;
  const [selection, setSelection] = useState<Selection>({ ids: new Set(), allFiltered: false });
  const clear = () => setSelection({ ids: new Set(), allFiltered: false });
  // A new filter, page or finished action starts from nothing selected: a selection never outlives what it was made on.
  const [madeOn, setMadeOn] = useState({ searchParams, actionData });
  if (madeOn.searchParams !== searchParams || madeOn.actionData !== actionData) {
    setMadeOn({ searchParams, actionData });
    clear();
  }
  const toggle = (id: string) =>
    setSelection(({ ids }) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return { ids: next, allFiltered: false };
    });
  const togglePage = (select: boolean) => setSelection({ ids: select ? new Set(rows.map((row) => row.id)) : new Set(), allFiltered: false });
  const formError = actionData && "result" in actionData ? actionData.result.error?.[""]?.[0] : undefined;
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-semibold">{t("registration.admin.list.title")}</h2>
        <p className="text-sm text-muted" data-testid="registration-counts">
          {t("registration.admin.list.counts", { confirmed: counts.confirmed, capacity: counts.capacity ?? "∞", waitlisted: counts.waitlisted, pending: counts.pending })}
        </p>
      </div>
      <nav className="my-3 flex flex-wrap gap-2 text-sm">
        <ButtonLink variant="secondary" to={`${base}?status=PENDING_APPROVAL`}>
          {t("registration.admin.list.queue")} ({counts.pending})
        </ButtonLink>
        <ButtonLink variant="secondary" to={base}>
          {t("registration.admin.list.all")}
        </ButtonLink>
        <ButtonLink variant="secondary" to={`${base}/import`}>
          {t("registration.admin.import.title")}
        </ButtonLink>
        <ButtonLink variant="secondary" to={`${base}/message?${searchParams.toString()}`}>
          {t("registration.admin.bulk.title")}
        </ButtonLink>
        <SheetDownloads href={`${base}/export`} query={Object.fromEntries([...searchParams].filter(([name]) => name !== "page"))} />
      </nav>
      <RegistrationFilters categories={categories} firms={firms} />
      {formError ? (
        <Flash tone="danger" message={formError} className="mb-2" />
      ) : actionData && "reissue" in actionData && actionData.reissue !== "done" ? (
        <Flash tone="danger" message={t("registration.admin.reissue.unavailable")} className="mb-2" />
      ) : (
        <Flash
          message={
            actionData && "reissue" in actionData
              ? t("registration.admin.reissue.done")
              : actionData && "count" in actionData && !actionData.error
                ? t("registration.admin.list.decided", { count: actionData.count })
                : null
          }
          className="mb-2"
        />
      )}
      <p className="text-sm text-muted">{t("registration.admin.list.count", { count: total })}</p>
      <BulkActions selection={selection} pageIds={rows.map((row) => row.id)} total={total} onSelectFiltered={() => setSelection(({ ids }) => ({ ids, allFiltered: true }))} onClear={clear} />
      <RegistrationTable rows={rows} base={base} timeZone={timeZone} selection={selection} onToggle={toggle} onTogglePage={togglePage} />
      {pages > 1 ? (
        <nav className="mt-3 flex flex-wrap items-center gap-3 text-sm" aria-label={t("registrations.list.page", { page: current, pages })}>
          {current > 1 ? (
            <ButtonLink variant="secondary" to={pageLink(current - 1)}>
              {t("registrations.list.previous")}
            </ButtonLink>
          ) : null}
          <span>{t("registrations.list.page", { page: current, pages })}</span>
          {current < pages ? (
            <ButtonLink variant="secondary" to={pageLink(current + 1)}>
              {t("registrations.list.next")}
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
