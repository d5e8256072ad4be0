import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { EmailLogData } from "~/route-helpers/email-log.server";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { Flash } from "~/components/ui/Toast";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

const statusTone: Record<string, BadgeTone> = { PENDING: "warning", SENDING: "info", SENT: "success", FAILED: "danger" };
const statuses = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
const knownKinds = new Set([
  "ticket",
  "waitlist-promoted",
  "registration-pending",
  "registration-waitlisted",
  "registration-rejected",
  "reminder",
  "email-confirmation",
  "bulk",
  "application-received",
  "application-needs-info",
  "application-decision",
  "firm-contact-invitation",
  "onboarding-reminder",
  "speaker_invitation",
  "password-reset",
]);

/** A message kind in words; a kind added later without a label reads "other e-mail", never its code. */
export function useEmailKindLabel() {
  const t = useT();
  return (kind: string) => t((knownKinds.has(kind) ? `registration.admin.emails.kind.${kind}` : "registration.admin.emails.kind.other") as MessageKey);
}

export function EmailStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={statusTone[status] ?? "neutral"}>{t(`registration.admin.emails.status.${statuses.find((known) => known === status) ?? "PENDING"}`)}</Badge>;
}

/** The e-mail log shared by the global and the per-event page: filters, then one card or row per message. */
export function EmailLog() {
  const { rows, smtpConfigured, filter, kinds } = useLoaderData<EmailLogData>();
  const resent = useActionData<{ resent: string | null }>();
  const t = useT();
  const kindLabel = useEmailKindLabel();
  return (
    <div>
      {!smtpConfigured ? <p className="card mb-3 text-sm text-warning-ink">{t("registration.admin.emails.noSmtp")}</p> : null}
      <Flash message={resent?.resent ? t("registration.manage.resent") : null} className="mb-3" />
      <Form method="get" className="mb-3 flex flex-wrap items-end gap-2" aria-label={t("registration.admin.emails.filters")}>
        <label className="flex flex-col text-sm">
          {t("registration.admin.emails.status")}
          <select name="status" defaultValue={filter.status} className="field-input">
            <option value="">{t("registration.admin.emails.anyStatus")}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`registration.admin.emails.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("registration.admin.emails.kind")}
          <select name="kind" defaultValue={filter.kind} className="field-input">
            <option value="">{t("registration.admin.emails.anyKind")}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("registration.admin.emails.to")}
          <input type="search" name="to" defaultValue={filter.to} className="field-input" maxLength={254} />
        </label>
        <Button type="submit" variant="secondary">
          {t("registration.admin.emails.filter")}
        </Button>
      </Form>
      {rows.length === 0 ? <p className="card text-sm text-muted">{t("registration.admin.emails.none")}</p> : null}
      <EmailMessageList rows={rows} />
    </div>
  );
}

/** Messages as cards: status and kind in words, the subject, the address, when; failed or sent ones can go again. */
export function EmailMessageList({ rows }: { rows: EmailLogData["rows"] }) {
  const t = useT();
  const kindLabel = useEmailKindLabel();
  return (
    <ul className="flex flex-col gap-2" data-testid="email-log">
      {rows.map((row) => (
        <Card key={row.id} as="li" className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:justify-between" data-status={row.status}>
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              <EmailStatusBadge status={row.status} />
              <span className="text-sm text-muted">{kindLabel(row.kind)}</span>
              {row.event ? <span className="text-sm text-muted">· {row.event}</span> : null}
            </p>
            <Link to={`/admin/emails/${row.id}`} className="mt-1 block break-words font-medium text-brand-700 underline">
              {row.subject || t("registration.admin.emails.notRendered")}
            </Link>
            <p className="break-all text-sm text-muted">{row.toAddress}</p>
            <p className="text-xs text-muted">
              {row.sentAt ? t("registration.admin.emails.sentAt", { time: row.sentAt }) : t("registration.admin.emails.queuedAt", { time: row.queuedAt })}
              {row.attempts > 1 ? ` · ${t("registration.admin.emails.attemptCount", { count: row.attempts })}` : ""}
            </p>
            {row.lastError && row.status !== "SENT" ? <p className="break-words text-xs text-danger">{row.lastError}</p> : null}
          </div>
          {row.status === "SENT" || row.status === "FAILED" ? (
            <Form method="post" className="shrink-0">
              <input type="hidden" name="intent" value="resend" />
              <input type="hidden" name="messageId" value={row.id} />
              <Button type="submit" variant="secondary">
                {t("registration.admin.emails.resend")}
              </Button>
            </Form>
          ) : null}
        </Card>
      ))}
    </ul>
  );
}
