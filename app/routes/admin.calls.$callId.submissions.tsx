import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/ui/EmptyState";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { requireCall } from "~/models/case-call.server";
import { listCallSubmissions, type SubmissionFilters } from "~/models/case-submission.server";
import { requireCallManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { zonedStamp } from "~/utils/time";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.admin-calls");

const statuses = ["DRAFT", "SUBMITTED", "WITHDRAWN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCallManager(request);
    const call = await requireCall(params.callId ?? "");
    const wanted = new URL(request.url).searchParams.get("status");
    const status = statuses.find((value) => value === wanted);
    const filters: SubmissionFilters = status ? { status } : {};
    const rows = await listCallSubmissions(call.id, filters);
    return {
      status: status ?? "",
      timeZone: call.timeZone,
      submissions: rows.map((row) => ({
        id: row.id,
        title: row.title,
        titleEn: row.titleEn,
        status: row.status,
        organization: row.firm ? { name: row.firm.name, nameEn: row.firm.nameEn } : { name: row.organizationName, nameEn: row.organizationNameEn },
        industry: row.industry,
        scenario: row.scenario,
        attachments: row._count.attachments,
        submittedAt: row.submittedAt?.toISOString() ?? null,
      })),
    };
  });
}

export default function CallSubmissions() {
  const { status, timeZone, submissions } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <select name="status" defaultValue={status} className="field-input w-auto" aria-label={t("cases.submission.status", { status: "" })}>
          <option value="">{t("cases.admin.filter.all")}</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`cases.status.${value}`)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary">
          {t("cases.admin.filter.apply")}
        </Button>
      </Form>
      {submissions.length === 0 ? (
        <EmptyState title={t("cases.admin.submissions.none")} />
      ) : (
        <Table>
          <thead>
            <Tr>
              <Th>{t("cases.submission.field.title")}</Th>
              <Th>{t("cases.admin.submissions.firm")}</Th>
              <Th>{t("cases.submission.field.industry")}</Th>
              <Th>{t("cases.submission.field.scenario")}</Th>
              <Th>{t("cases.admin.submissions.attachments")}</Th>
              <Th>{t("cases.submission.status", { status: "" })}</Th>
            </Tr>
          </thead>
          <tbody>
            {submissions.map((row) => (
              <Tr key={row.id}>
                <Td>
                  <Link to={`/submissions/${row.id}`} className="text-brand-700 underline">
                    {row.title ? localized(row.title, row.titleEn) : t("cases.public.untitled")}
                  </Link>
                </Td>
                <Td>{localized(row.organization.name, row.organization.nameEn)}</Td>
                <Td>{row.industry ? localized(row.industry.name, row.industry.nameEn) : ""}</Td>
                <Td>{row.scenario ? localized(row.scenario.name, row.scenario.nameEn) : ""}</Td>
                <Td>{row.attachments}</Td>
                <Td>
                  {t(`cases.status.${row.status}`)}
                  {row.submittedAt ? ` · ${zonedStamp(row.submittedAt, timeZone, locale)}` : ""}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
