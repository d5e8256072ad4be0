import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { SheetDownloads } from "~/components/SheetDownloads";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listFirmsForAdmin } from "~/models/firm.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { page } from "~/utils/route.server";
import { formatDate } from "~/utils/time";
import { Localized } from "~/components/Localized";
import { titled } from "~/i18n/meta";

export const meta = titled("title.admin-firms-index");

const statuses = ["ACTIVE", "SUSPENDED", "LEFT"] as const;

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
        <div>
          <label htmlFor="firms-q" className="field-label">
            {t("action.search")}
          </label>
          <input id="firms-q" name="q" type="search" defaultValue={filter.q} className="field-input" />
        </div>
        <div>
          <label htmlFor="firms-status" className="field-label">
            {t("programme.admin.status")}
          </label>
          <select id="firms-status" name="status" defaultValue={filter.status} className="field-input">
            <option value="">{t("programme.directory.all")}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`programme.firmStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("action.search")}
        </button>
      </Form>
      {firms.length === 0 ? <p className="mt-4 text-muted">{t("programme.admin.noFirms")}</p> : null}
      <div className="mt-4 relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="py-2 pr-3">{t("programme.admin.firmName")}</th>
              <th className="py-2 pr-3">{t("programme.field.industry")}</th>
              <th className="py-2 pr-3">{t("programme.field.city")}</th>
              <th className="py-2 pr-3">{t("programme.admin.contacts")}</th>
              <th className="py-2 pr-3">{t("programme.admin.status")}</th>
              <th className="py-2">{t("programme.directory.memberSince", { date: "" }).trim()}</th>
            </tr>
          </thead>
          <tbody>
            {firms.map((firm) => (
              <tr key={firm.id} className="border-b">
                <td className="py-2 pr-3">
                  <Link to={`/admin/firms/${firm.id}`} className="font-medium text-brand-700 underline">
                    {localized(firm.name, firm.nameEn)}
                  </Link>
                  {firm.founding ? <span className="ml-2 rounded bg-warning-soft px-1.5 text-xs text-warning-ink">{t("programme.admin.founding")}</span> : null}
                  {firm.creditCode ? <span className="block font-mono text-xs text-muted">{firm.creditCode}</span> : null}
                </td>
                <td className="py-2 pr-3">
                  <Localized zh={firm.industry} en={firm.industryEn} />
                </td>
                <td className="py-2 pr-3">
                  <Localized zh={firm.city} en={firm.cityEn} />
                </td>
                <td className="py-2 pr-3">{firm.contacts}</td>
                <td className="py-2 pr-3">{t(`programme.firmStatus.${firm.status}`)}</td>
                <td className="py-2">{firm.memberSince ? formatDate(firm.memberSince, "Asia/Shanghai", locale) : "—"}</td>
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
