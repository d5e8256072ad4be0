import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmailLog } from "~/components/EmailLog";
import { useT } from "~/i18n/react";
import { listEmails } from "~/models/outbox.server";
import { env } from "~/utils/env.server";
import { requireEventManager } from "~/auth/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = params.eventId ?? "";
  await requireEventManager(request, eventId);
  const rows = await listEmails({ eventId, status: new URL(request.url).searchParams.get("status") });
  return {
    smtpConfigured: Boolean(env().SMTP_URL),
    rows: rows.map(({ html: _html, ...row }) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

export default function EventEmails() {
  const { rows, smtpConfigured } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h2 className="mb-3 text-xl font-semibold">{t("registration.admin.emails.title")}</h2>
      <EmailLog rows={rows} smtpConfigured={smtpConfigured} />
    </div>
  );
}
