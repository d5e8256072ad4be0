import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/react";

type Row = { id: string; kind: string; toAddress: string; subject: string; status: string; attempts: number; lastError: string | null; createdAt: string };

/** The e-mail log table shared by the global and the per-event page. */
export function EmailLog({ rows, smtpConfigured }: { rows: Row[]; smtpConfigured: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      {!smtpConfigured ? <p className="card mb-3 text-sm text-amber-800">{t("registration.admin.emails.noSmtp")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                {t("registration.admin.emails.status")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.emails.kind")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.emails.to")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.emails.subject")}
              </th>
              <th scope="col" className="p-2">
                {t("registration.admin.emails.attempts")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b">
                <td className="p-2">{row.status}</td>
                <td className="p-2">{row.kind}</td>
                <td className="p-2">{row.toAddress}</td>
                <td className="p-2">
                  <Link to={`/admin/emails/${row.id}`} className="text-brand-700 underline">
                    {row.subject || t("registration.admin.emails.notRendered")}
                  </Link>
                  <span className="block text-xs text-slate-500">{new Date(row.createdAt).toLocaleString(locale)}</span>
                </td>
                <td className="p-2">
                  {row.attempts}
                  {row.lastError ? <span className="block text-xs text-red-700">{row.lastError}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
