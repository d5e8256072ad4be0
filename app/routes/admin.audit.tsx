import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SheetDownloads } from "~/components/SheetDownloads";
import { z } from "zod";
import { useT } from "~/i18n/react";
import { auditActions, listAudit } from "~/models/audit.server";
import { requireAdmin } from "~/auth/permissions.server";

export const meta: MetaFunction = () => [{ title: "审计日志 · Audit log" }];

const pageSize = 200;
const filterSchema = z.object({ action: z.string().trim().max(100).optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const parsed = filterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const action = parsed.success && parsed.data.action ? parsed.data.action : undefined;
  const [entries, actions] = await Promise.all([listAudit({ action, take: pageSize }), auditActions()]);
  return {
    action: action ?? "",
    actions,
    entries: entries.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      action: entry.action,
      actorEmail: entry.actorEmail,
      actorTokenId: entry.actorTokenId,
      target: [entry.targetType, entry.targetId].filter(Boolean).join(" "),
      ip: entry.ip,
      details: entry.details === "{}" ? "" : entry.details,
    })),
  };
}

export default function AuditLog() {
  const { action, actions, entries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("admin.audit.heading")}</h1>
      <SheetDownloads href="/admin/audit/export" query={{ action }} />
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="audit-action" className="field-label">
            {t("admin.audit.filterLabel")}
          </label>
          <select id="audit-action" name="action" defaultValue={action} className="field-input">
            <option value="">{t("admin.audit.allActions")}</option>
            {actions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("admin.audit.filter")}
        </button>
      </Form>
      <p className="mt-3 text-sm text-slate-600">{t("admin.audit.showing", { count: entries.length })}</p>
      {entries.length === 0 ? (
        <p className="mt-4 text-slate-600">{t("admin.audit.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.audit.at")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.audit.action")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.audit.actor")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.audit.target")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("admin.audit.ip")}
                </th>
                <th scope="col" className="py-2">
                  {t("admin.audit.details")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-slate-200 align-top">
                  <td className="whitespace-nowrap py-2 pr-3">{entry.at.slice(0, 19).replace("T", " ")} UTC</td>
                  <td className="py-2 pr-3 font-mono text-xs">{entry.action}</td>
                  <td className="py-2 pr-3">{entry.actorEmail ?? (entry.actorTokenId ? t("admin.audit.token", { id: entry.actorTokenId }) : t("admin.audit.system"))}</td>
                  <td className="break-all py-2 pr-3 font-mono text-xs">{entry.target}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{entry.ip}</td>
                  <td className="break-all py-2 font-mono text-xs">{entry.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
