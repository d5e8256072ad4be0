import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmailStatusBadge, useEmailKindLabel } from "~/components/EmailLog";
import { useT } from "~/i18n/react";
import { emailPreviewHtml, getEmail } from "~/models/outbox.server";
import { renderQueuedEmail } from "~/models/queued-email-render.server";
import { requestTranslator } from "~/utils/i18n.server";
import { programmeZone, zonedStamp } from "~/utils/time";
import { resendLoggedEmail } from "~/models/registration-self-service.server";
import { notFound } from "~/utils/http.server";
import { requireEventManager, requireProgrammeManager } from "~/auth/permissions.server";
import { Flash } from "~/components/ui/Toast";
import { Button } from "~/components/ui/Button";

async function authorizedMessage(request: Request, messageId: string) {
  const message = await getEmail(messageId);
  if (!message) notFound();
  // As the log: an event's messages for its organizers, the programme's own for those who run the programme.
  if (message.eventId) await requireEventManager(request, message.eventId);
  else await requireProgrammeManager(request);
  return message;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const message = await authorizedMessage(request, params.messageId ?? "");
  const { locale } = requestTranslator(request);
  // Times in the event's zone, with the offset; the programme's zone for messages of no event.
  const zone = message.event?.timeZone ?? programmeZone;
  const rendered = message.html ? null : message.registrationId ? await renderQueuedEmail(message.kind, message.registrationId) : null;
  return {
    message: {
      id: message.id,
      kind: message.kind,
      toAddress: message.toAddress,
      subject: message.subject || rendered?.subject || "",
      status: message.status,
      text: message.text || rendered?.text || "",
      queuedAt: zonedStamp(message.createdAt, zone, locale),
      sentAt: message.sentAt ? zonedStamp(message.sentAt, zone, locale) : null,
      attachments: (rendered?.attachments ?? (JSON.parse(message.attachments) as { filename: string }[])).map((attachment) => attachment.filename),
      attempts: message.attemptLog.map((attempt) => ({ id: attempt.id, at: zonedStamp(attempt.at, zone, locale), ok: attempt.ok, responseCode: attempt.responseCode, response: attempt.response })),
    },
    html: await emailPreviewHtml(message, async () => rendered),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const message = await authorizedMessage(request, params.messageId ?? "");
  return { queued: await resendLoggedEmail(message) };
}

export default function EmailDetail() {
  const { message, html } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const kindLabel = useEmailKindLabel();
  return (
    <div>
      <h1 className="break-words text-xl font-bold">{message.subject || t("registration.admin.emails.notRendered")}</h1>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
        <EmailStatusBadge status={message.status} />
        <span>{kindLabel(message.kind)}</span>
        <span className="break-all">· {message.toAddress}</span>
      </p>
      <p className="text-xs text-muted">
        {message.sentAt ? t("registration.admin.emails.sentAt", { time: message.sentAt }) : t("registration.admin.emails.queuedAt", { time: message.queuedAt })}
        {message.attachments.length ? ` · ${t("registration.admin.emails.attachments", { names: message.attachments.join(", ") })}` : ""}
      </p>
      {message.status === "SENT" || message.status === "FAILED" ? (
        <Form method="post" className="my-2">
          <Button type="submit" variant="secondary">
            {t("registration.admin.emails.resend")}
          </Button>
        </Form>
      ) : null}
      <Flash message={actionData?.queued ? t("registration.manage.resent") : null} className="mt-3" />
      <h2 className="mt-3 font-semibold">{t("registration.admin.emails.attempts")}</h2>
      {message.attempts.length === 0 ? <p className="text-sm text-muted">{t("registration.admin.emails.noAttempts")}</p> : null}
      <ul className="text-sm">
        {message.attempts.map((attempt) => (
          <li key={attempt.id} className="break-words">
            {attempt.at} · {attempt.ok ? t("registration.admin.emails.attemptOk") : t("registration.admin.emails.attemptFailed")} · {attempt.responseCode ?? "—"} · {attempt.response}
          </li>
        ))}
      </ul>
      <h2 className="mt-3 font-semibold">{t("registration.admin.emails.preview")}</h2>
      {/* A sandbox with no permissions: the message's HTML can neither run script nor reach this page. */}
      <iframe title={t("registration.admin.emails.preview")} sandbox="" srcDoc={html} className="mt-2 h-[32rem] w-full rounded border bg-white" data-testid="email-preview" />
      <details className="mt-3">
        <summary>{t("registration.admin.emails.text")}</summary>
        <pre className="whitespace-pre-wrap text-xs">{message.text}</pre>
      </details>
    </div>
  );
}
