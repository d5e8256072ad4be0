import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { SheetDownloads } from "~/components/SheetDownloads";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listFirmsForAdmin } from "~/models/firm.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { formatDate, programmeZone } from "~/utils/time";
import { Localized } from "~/components/Localized";
import { titled } from "~/i18n/meta";
import { FormField } from "~/components/ui/FormField";
import { Button } from "~/components/ui/Button";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { Table, Td, Th, Tr } from "~/components/ui/Table";

export const meta = titled("title.admin-firms-index");

const statuses = ["ACTIVE", "SUSPENDED", "LEFT"] as const;
const firmStatusTone: Record<(typeof statuses)[number], BadgeTone> = { ACTIVE: "success", SUSPENDED: "warning", LEFT: "neutral" };

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    const params = new URL(request.url).searchParams;
    const q = (params.get("q") ?? "").trim().slice(0, 100);
    const requested = params.get("status") ?? "";
    const status = (statuses as readonly string[]).includes(requested) ? (requested as (typeof statuses)[number]) : undefined;
    const firms = await listFirmsForAdmin({ q: q || undefined, status });
    return {
      filter: { q, status: status ?? "" },
      firms: firms.map((firm) => ({
        id: firm.id,
        name: firm.name,
        nameEn: firm.nameEn,
        creditCode: firm.creditCode,
        industry: firm.industry,
        industryEn: firm.industryEn,
        city: firm.city,
        cityEn: firm.cityEn,
        founding: firm.founding,
        status: firm.status,
        contacts: firm._count.roles,
        memberSince: firm.memberSince?.toISOString() ?? null,
      })),
    };
  });
}

export default function AdminFirms() {
  const { filter, firms } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("programme.admin.firms")}</h1>
        <SheetDownloads href="/admin/firms/export" query={filter} />
      </div>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-2" role="search">
        <FormField id="firms-q" label={t("action.search")} className="min-w-0">
          <input name="q" type="search" defaultValue={filter.q} className="field-input" />
        </FormField>
        <FormField id="firms-status" label={t("programme.admin.status")} className="min-w-0">
          <select name="status" defaultValue={filter.status} className="field-input">
            <option value="">{t("programme.directory.all")}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`programme.firmStatus.${status}`)}
              </option>
            ))}
          </select>
        </FormField>
        <Button type="submit" variant="secondary">
          {t("action.search")}
        </Button>
      </Form>
      {firms.length === 0 ? (
        <p className="mt-4 text-muted">{t("programme.admin.noFirms")}</p>
      ) : (
        <div className="mt-4">
          <Table caption={t("programme.admin.firmsCaption")}>
            <thead>
              <Tr>
                <Th>{t("programme.admin.firmName")}</Th>
                <Th>{t("programme.field.industry")}</Th>
                <Th>{t("programme.field.city")}</Th>
                <Th>{t("programme.admin.contacts")}</Th>
                <Th>{t("programme.admin.status")}</Th>
                <Th>{t("programme.directory.memberSince", { date: "" }).trim()}</Th>
              </Tr>
            </thead>
            <tbody>
              {firms.map((firm) => (
                <Tr key={firm.id}>
                  <Td>
                    <Link to={`/admin/firms/${firm.id}`} className="font-medium text-brand-700 underline">
                      {localized(firm.name, firm.nameEn)}
                    </Link>
                    {firm.founding ? (
                      <Badge tone="brand" className="ml-2">
                        {t("programme.admin.founding")}
                      </Badge>
                    ) : null}
                    {firm.creditCode ? <span className="block font-mono text-xs text-muted">{firm.creditCode}</span> : null}
                  </Td>
                  <Td>
                    <Localized zh={firm.industry} en={firm.industryEn} />
                  </Td>
                  <Td>
                    <Localized zh={firm.city} en={firm.cityEn} />
                  </Td>
                  <Td>{firm.contacts}</Td>
                  <Td>
                    <Badge tone={firmStatusTone[firm.status]}>{t(`programme.firmStatus.${firm.status}`)}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{firm.memberSince ? formatDate(firm.memberSince, programmeZone, locale) : "—"}</Td>
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
