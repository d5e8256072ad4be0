import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RegistrationFilters } from "~/components/registrations/RegistrationFilters";
import type { MessageKey } from "~/i18n";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { decisionSchema, filterFromSearchParams } from "~/schemas/registration-admin";
import { firmNameSuggester } from "~/models/firm.server";
import { listFirms, registrationSettings } from "~/models/registration-settings.server";
import { cancelRegistration, decideRegistrations } from "~/models/registration-write.server";
import { listRegistrations, registrationCounts, setOrganizerNote } from "~/models/registration-queries.server";
import { reissueTicket } from "~/models/ticket.server";
import { requireEventManager } from "~/auth/permissions.server";
import { handleSubmission } from "~/utils/route.server";
import { formatDateTime } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = params.eventId ?? "";
  await requireEventManager(request, eventId);
  const url = new URL(request.url);
  const filter = filterFromSearchParams(url.searchParams);
  const [settings, firms, list, counts, suggestFirm] = await Promise.all([
    registrationSettings(eventId),
    listFirms(),
    listRegistrations(eventId, filter, 500),
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
      note: row.organizerNote,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  const user = await requireEventManager(request, eventId);
  return handleSubmission(request, decisionSchema, async ({ intent, ids, id, note }, reply) => {
    if (intent === "note" && id) {
      await setOrganizerNote(eventId, id, note ?? "");
      return { result: reply(), count: 1, error: false };
    }
    if (intent === "reissue") {
      const reissued = id ? await reissueTicket({ eventId, registrationId: id, actorUserId: user.id }) : false;
      if (!reissued) return data({ result: reply(), count: 0, error: true, reissue: "unavailable" as const }, { status: 422 });
      return { result: reply(), count: 0, error: false, reissue: "done" as const };
    }
    if (intent === "cancel") {
      let count = 0;
      const owned = new Set((await listRegistrations(eventId, {}, 100_000)).rows.map((row) => row.id));
      for (const chosen of ids) if (owned.has(chosen) && (await cancelRegistration(chosen))) count += 1;
      return { result: reply(), count, error: false };
    }
    const outcome = await decideRegistrations({ eventId, ids, decision: intent === "approve" ? "approve" : "reject", actorUserId: user.id });
    return { result: reply(), count: Object.values(outcome).filter((status) => status !== "unchanged").length, error: false };
  });
}

export default function RegistrationsAdmin() {
  const { eventId, counts, categories, firms, rows, total, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const base = `/admin/events/${eventId}/registrations`;
  const exportQuery = (format: string) => new URLSearchParams([...searchParams, ["format", format]]).toString();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-semibold">{t("registration.admin.list.title")}</h2>
        <p className="text-sm text-slate-700" data-testid="registration-counts">
          {t("registration.admin.list.counts", { confirmed: counts.confirmed, capacity: counts.capacity ?? "∞", waitlisted: counts.waitlisted, pending: counts.pending })}
        </p>
      </div>
      <nav className="my-3 flex flex-wrap gap-2 text-sm">
        <Link className="btn-secondary" to={`${base}?status=PENDING_APPROVAL`}>
          {t("registration.admin.list.queue")} ({counts.pending})
        </Link>
        <Link className="btn-secondary" to={base}>
          {t("registration.admin.list.all")}
        </Link>
        <a className="btn-secondary" href={`${base}/export?${exportQuery("xlsx")}`} download>
          {t("sheet.download.xlsx")}
        </a>
        <a className="btn-secondary" href={`${base}/export?${exportQuery("csv")}`} download>
          {t("sheet.download.csv")}
        </a>
        <Link className="btn-secondary" to={`${base}/import`}>
          {t("registration.admin.import.title")}
        </Link>
        <Link className="btn-secondary" to={`${base}/message?${searchParams.toString()}`}>
          {t("registration.admin.bulk.title")}
        </Link>
      </nav>
      <RegistrationFilters categories={categories} firms={firms} />
      {actionData && "reissue" in actionData ? (
        actionData.reissue === "done" ? (
          <p role="status" className="mb-2 rounded border border-green-300 bg-green-50 p-2 text-sm">
            {t("registration.admin.reissue.done")}
          </p>
        ) : (
          <p role="alert" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-sm">
            {t("registration.admin.reissue.unavailable")}
          </p>
        )
      ) : actionData && "count" in actionData && !actionData.error ? (
        <p role="status" className="mb-2 rounded border border-green-300 bg-green-50 p-2 text-sm">
          {t("registration.admin.list.decided", { count: actionData.count })}
        </p>
      ) : null}
      <p className="text-sm text-slate-600">{t("registration.admin.list.count", { count: total })}</p>
      <Form method="post" id="bulk-decisions">
        <div className="my-2 flex flex-wrap gap-2">
          <button type="submit" name="intent" value="approve" className="btn" disabled={navigation.state !== "idle"}>
            {t("registration.admin.list.approve")}
          </button>
          <button type="submit" name="intent" value="reject" className="btn-danger" disabled={navigation.state !== "idle"}>
            {t("registration.admin.list.reject")}
          </button>
          <button type="submit" name="intent" value="cancel" className="btn-secondary" disabled={navigation.state !== "idle"}>
            {t("registration.admin.list.cancel")}
          </button>
        </div>
      </Form>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                <span className="sr-only">✓</span>
              </th>
              <th scope="col" className="p-2">
                {t("registration.form.name")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.list.status")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.list.category")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.form.organization")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.list.checkedIn")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.list.note")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b align-top">
                <td className="p-2">
                  <input type="checkbox" name="ids" value={row.id} form="bulk-decisions" aria-label={row.name} />
                </td>
                <td className="p-2">
                  {row.name}
                  <span className="block text-xs text-slate-600">{row.email}</span>
                  <span className="block text-xs text-slate-500">{formatDateTime(row.createdAt, timeZone, locale)}</span>
                </td>
                <td className="p-2">
                  {t(`registration.status.${row.status}` as MessageKey)}
                  {row.status === "CONFIRMED" ? (
                    // A disclosure rather than one click: re-issuing kills the QR the attendee already holds.
                    <details className="mt-1 text-xs">
                      <summary className="cursor-pointer text-brand-700 underline">{t("registration.admin.reissue.button")}</summary>
                      <Form method="post" className="mt-1 grid gap-1">
                        <input type="hidden" name="intent" value="reissue" />
                        <input type="hidden" name="id" value={row.id} />
                        <p>{t("registration.admin.reissue.warning", { email: row.email })}</p>
                        <button type="submit" className="btn-danger px-2 py-1 text-xs" disabled={navigation.state !== "idle"}>
                          {t("registration.admin.reissue.confirm")}
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </td>
                <td className="p-2">{row.category ? localized(row.category.name, row.category.nameEn) : "—"}</td>
                <td className="p-2">
                  {row.organization}
                  {row.firm ? <span className="block text-xs text-brand-700">{row.firm}</span> : null}
                  {row.firmSuggestion ? <span className="block text-xs text-amber-700">{t("registration.admin.list.firmSuggestion", { firm: row.firmSuggestion })}</span> : null}
                </td>
                <td className="p-2">{row.checkedInAt ? formatDateTime(row.checkedInAt, timeZone, locale) : "—"}</td>
                <td className="p-2">
                  <Form method="post" className="flex gap-1">
                    <input type="hidden" name="intent" value="note" />
                    <input type="hidden" name="id" value={row.id} />
                    <label className="sr-only" htmlFor={`note-${row.id}`}>
                      {t("registration.admin.list.note")}
                    </label>
                    <input id={`note-${row.id}`} name="note" defaultValue={row.note} className="field-input py-1 text-xs" />
                    <button type="submit" className="btn-secondary px-2 py-1 text-xs">
                      {t("registration.admin.list.saveNote")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
