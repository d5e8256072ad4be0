import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { SheetDownloads } from "~/components/SheetDownloads";
import { useLocale, useT } from "~/i18n/react";
import { applicationStatuses } from "~/schemas/application";
import { listApplications } from "~/models/application.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { formatDateTime, programmeZone } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { FormField } from "~/components/ui/FormField";
import { Button } from "~/components/ui/Button";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { Table, Td, Th, Tr } from "~/components/ui/Table";

export const meta = titled("title.admin-applications-index");

type Status = (typeof applicationStatuses)[number];

/** An application's state on its colour: new blue, in review amber, waiting for the firm amber, approved green, rejected red. */
const applicationTone: Record<Status, BadgeTone> = { SUBMITTED: "info", UNDER_REVIEW: "warning", NEEDS_MORE_INFO: "warning", APPROVED: "success", REJECTED: "danger" };

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
        <FormField id="applications-q" label={t("programme.admin.search")} className="min-w-0">
          <input name="q" type="search" defaultValue={filter.q} className="field-input" />
        </FormField>
        <Button type="submit" variant="secondary">
          {t("action.search")}
        </Button>
      </Form>
      {applications.length === 0 ? (
        <p className="mt-4 text-muted">{t("programme.admin.noApplications")}</p>
      ) : (
        <div className="mt-4">
          <Table caption={t("programme.admin.applicationsCaption")}>
            <thead>
              <Tr>
                <Th>{t("programme.admin.firmName")}</Th>
                <Th>{t("programme.field.creditCode")}</Th>
                <Th>{t("programme.admin.contact")}</Th>
                <Th>{t("programme.admin.submittedAt")}</Th>
                <Th>{t("programme.admin.status")}</Th>
              </Tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <Tr key={application.id}>
                  <Td>
                    <Link to={`/admin/applications/${application.id}`} className="font-medium text-brand-700 underline">
                      {application.firmName}
                    </Link>
                    {application.linked ? (
                      <Badge tone="warning" className="ml-2">
                        {t("programme.admin.linked")}
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="font-mono">{application.creditCode}</Td>
                  <Td>
                    {application.contactName}
                    <span className="block break-all text-xs text-muted">{application.contactEmail}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(application.submittedAt, programmeZone, locale)}</Td>
                  <Td data-status={application.status}>
                    <Badge tone={applicationTone[application.status]}>{t(`programme.status.${application.status}`)}</Badge>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
