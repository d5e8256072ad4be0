import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmailLog } from "~/components/EmailLog";
import { useT } from "~/i18n/react";
import { listEmails } from "~/models/outbox.server";
import { env } from "~/utils/env.server";
import { requireAdmin } from "~/auth/permissions.server";

/** Every message of the platform (administrators); organizers use their event's e-mail tab. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const rows = await listEmails({ status: new URL(request.url).searchParams.get("status") });
  return {
    smtpConfigured: Boolean(env().SMTP_URL),
    rows: rows.map(({ html: _html, ...row }) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

export default function AllEmails() {
  const { rows, smtpConfigured } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1 className="mb-3 text-2xl font-bold">{t("registration.admin.emails.title")}</h1>
      <EmailLog rows={rows} smtpConfigured={smtpConfigured} />
    </div>
  );
}
