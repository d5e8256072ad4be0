import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { SheetDownloads } from "~/components/SheetDownloads";
import { useLocale, useT } from "~/i18n/react";
import { applicationStatuses } from "~/schemas/application";
import { listApplications } from "~/models/application.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { formatDateTime } from "~/utils/time";
import { titled } from "~/i18n/meta";

export const meta = titled("title.admin-applications-index");

type Status = (typeof applicationStatuses)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    const params = new URL(request.url).searchParams;
    const requested = params.get("status") ?? "";
    const status = (applicationStatuses as readonly string[]).includes(requested) ? (requested as Status) : undefined;
    const q = (params.get("q") ?? "").trim().slice(0, 100);
    const { applications, counts } = await listApplications({ status, q: q || undefined });
    return {
      filter: { status: status ?? "", q },
      counts,
      applications: applications.map((application) => ({
        id: application.id,
        firmName: application.firmName,
        creditCode: application.creditCode,
        contactName: application.contactName,
        contactEmail: application.contactEmail,
        status: application.status,
        submittedAt: application.submittedAt.toISOString(),
        linked: Boolean(application.duplicateOfId) || application._count.duplicates > 0,
      })),
    };
  });
}

export default function ApplicationsQueue() {
  const { filter, counts, applications } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("programme.admin.applications")}</h1>
        <SheetDownloads href="/admin/applications/export" query={filter} />
      </div>
      <nav aria-label={t("programme.admin.filterStatus")} className="mt-3 flex flex-wrap gap-2 text-sm">
        <Link to="/admin/applications" className={`rounded px-3 py-1 ${filter.status === "" ? "bg-brand-700 text-white" : "bg-line"}`}>
          {t("programme.directory.all")}
        </Link>
        {applicationStatuses.map((status) => (
          <Link key={status} to={`/admin/applications?status=${status}`} className={`rounded px-3 py-1 ${filter.status === status ? "bg-brand-700 text-white" : "bg-line"}`}>
            {t(`programme.status.${status}`)} ({counts[status]})
          </Link>
        ))}
      </nav>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-2" role="search">
        {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
        <div>
          <label htmlFor="applications-q" className="field-label">
            {t("programme.admin.search")}
          </label>
          <input id="applications-q" name="q" type="search" defaultValue={filter.q} className="field-input" />
        </div>
        <button type="submit" className="btn-secondary">
          {t("action.search")}
        </button>
      </Form>
      {applications.length === 0 ? <p className="mt-4 text-muted">{t("programme.admin.noApplications")}</p> : null}
      <div className="mt-4 relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="py-2 pr-3">{t("programme.admin.firmName")}</th>
              <th className="py-2 pr-3">{t("programme.field.creditCode")}</th>
              <th className="py-2 pr-3">{t("programme.admin.contact")}</th>
              <th className="py-2 pr-3">{t("programme.admin.submittedAt")}</th>
              <th className="py-2">{t("programme.admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id} className="border-b">
                <td className="py-2 pr-3">
                  <Link to={`/admin/applications/${application.id}`} className="font-medium text-brand-700 underline">
                    {application.firmName}
                  </Link>
                  {application.linked ? <span className="ml-2 rounded bg-warning-soft px-1.5 text-xs text-warning-ink">{t("programme.admin.linked")}</span> : null}
                </td>
                <td className="py-2 pr-3 font-mono">{application.creditCode}</td>
                <td className="py-2 pr-3">
                  {application.contactName}
                  <span className="block text-xs text-muted">{application.contactEmail}</span>
                </td>
                <td className="py-2 pr-3">{formatDateTime(application.submittedAt, "Asia/Shanghai", locale)}</td>
                <td className="py-2" data-status={application.status}>
                  {t(`programme.status.${application.status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
