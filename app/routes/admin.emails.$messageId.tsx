import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { emailPreviewHtml, getEmail } from "~/models/outbox.server";
import { renderLazyEmail } from "~/models/registration-emails.server";
import { resendLoggedEmail } from "~/models/registration-self-service.server";
import { notFound } from "~/utils/http.server";
import { requireAdmin, requireEventManager } from "~/auth/permissions.server";

async function authorizedMessage(request: Request, messageId: string) {
  const message = await getEmail(messageId);
  if (!message) notFound();
  if (message.eventId) await requireEventManager(request, message.eventId);
  else await requireAdmin(request);
  return message;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const message = await authorizedMessage(request, params.messageId ?? "");
  return {
    message: {
      id: message.id,
      kind: message.kind,
      toAddress: message.toAddress,
      subject: message.subject,
      status: message.status,
      text: message.text,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
      attachments: (JSON.parse(message.attachments) as { filename: string }[]).map((attachment) => attachment.filename),
      attempts: message.attemptLog.map((attempt) => ({ at: attempt.at.toISOString(), ok: attempt.ok, responseCode: attempt.responseCode, response: attempt.response })),
    },
    html: await emailPreviewHtml(message, renderLazyEmail),
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
  return (
    <div>
      <h1 className="text-xl font-bold">{message.subject || t("registration.admin.emails.notRendered")}</h1>
      <p className="text-sm text-slate-600">
        {message.kind} · {message.toAddress} · {message.status} · {message.attachments.join(", ")}
      </p>
      {message.status === "SENT" || message.status === "FAILED" ? (
        <Form method="post" className="my-2">
          <button type="submit" className="btn-secondary">
            {t("registration.admin.emails.resend")}
          </button>
        </Form>
      ) : null}
      {actionData?.queued ? <p role="status">{t("registration.manage.resent")}</p> : null}
      <h2 className="mt-3 font-semibold">{t("registration.admin.emails.attempts")}</h2>
      <ul className="text-sm">
        {message.attempts.map((attempt) => (
          <li key={attempt.at}>
            {attempt.at} · {attempt.ok ? "OK" : "✗"} · {attempt.responseCode ?? "—"} · {attempt.response}
          </li>
        ))}
      </ul>
      <h2 className="mt-3 font-semibold">{t("registration.admin.emails.preview")}</h2>
      {/* A sandbox with no permissions: the message's HTML can neither run script nor reach this page. */}
      <iframe title={t("registration.admin.emails.preview")} sandbox="" srcDoc={html} className="mt-2 h-[32rem] w-full rounded border bg-white" />
      <details className="mt-3">
        <summary>Text</summary>
        <pre className="whitespace-pre-wrap text-xs">{message.text}</pre>
      </details>
    </div>
  );
}
