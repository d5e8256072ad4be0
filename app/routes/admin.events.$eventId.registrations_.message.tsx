import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocale, useT } from "~/i18n/react";
import { bulkMessageSchema, filterFromSearchParams } from "~/schemas/registration-admin";
import { bulkProgress, bulkRecipients, previewBulkMessage, sendBulkMessage } from "~/models/registration-bulk.server";
import { handleSubmission } from "~/utils/route.server";
import { requireEventManager } from "~/auth/permissions.server";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = params.eventId ?? "";
  await requireEventManager(request, eventId);
  const url = new URL(request.url);
  const recipients = await bulkRecipients(eventId, filterFromSearchParams(url.searchParams));
  const batch = url.searchParams.get("batch");
  return { eventId, recipients: recipients.length, progress: batch ? await bulkProgress(batch) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  const user = await requireEventManager(request, eventId);
  const formData = await request.formData();
  return handleSubmission(
    request,
    bulkMessageSchema,
    async ({ intent, subject, body }, reply) => {
      if (intent === "preview") {
        const preview = await previewBulkMessage({ subject, body, locale: String(formData.get("locale") ?? "zh-CN") });
        return { result: reply(), preview: preview.html, batchId: null };
      }
      const filter = filterFromSearchParams(new URL(request.url).searchParams);
      const { batchId } = await sendBulkMessage({ eventId, filter, subject, body, actorUserId: user.id });
      return { result: reply(), preview: null, batchId };
    },
    formData,
  );
}

export default function BulkMessage() {
  const { eventId, recipients, progress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [searchParams, setSearchParams] = useSearchParams();
  const revalidator = useRevalidator();
  const { form, errorOf, formErrors } = useSubmissionForm(bulkMessageSchema, { lastResult: actionData?.result, id: "bulk-message" });
  const batchId = actionData && "batchId" in actionData ? actionData.batchId : null;
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  useEffect(() => {
    if (batchId && searchParams.get("batch") !== batchId) {
      const next = new URLSearchParams(searchParams);
      next.set("batch", batchId);
      setSearchParams(next, { replace: true });
    }
  }, [batchId, searchParams, setSearchParams]);
  useEffect(() => {
    if (!progress || progress.pending === 0) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1500);
    return () => clearInterval(timer);
  }, [progress, revalidator]);
  return (
    <div>
      <p className="text-sm">
        <Link to={`/admin/events/${eventId}/registrations?${searchParams.toString()}`} className="text-brand-700 underline">
          {t("registration.admin.list.title")}
        </Link>
      </p>
      <h2 className="text-xl font-semibold">{t("registration.admin.bulk.title")}</h2>
      {progress ? (
        <Card className="my-3" role="status" aria-live="polite">
          <p>{t("registration.admin.bulk.progress", { sent: progress.sent, total: progress.total, failed: progress.failed })}</p>
          <progress className="w-full" max={Math.max(progress.total, 1)} value={progress.sent + progress.failed} />
        </Card>
      ) : null}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} className="card mt-3" noValidate>
        <FormErrors messages={formErrors} />
        <input type="hidden" name="locale" value={locale} />
        <label className="field-label" htmlFor="bulk-subject">
          {t("registration.admin.bulk.subject")}
        </label>
        <input id="bulk-subject" name="subject" className="field-input" maxLength={200} required />
        {errorOf("subject") ? (
          <p className="field-error" role="alert">
            {errorOf("subject")}
          </p>
        ) : null}
        <label className="field-label mt-2" htmlFor="bulk-body">
          {t("registration.admin.bulk.body")}
        </label>
        <textarea id="bulk-body" name="body" rows={8} className="field-input" required />
        {errorOf("body") ? (
          <p className="field-error" role="alert">
            {errorOf("body")}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={navigation.state !== "idle"}>
            {t("registration.admin.bulk.preview")}
          </Button>
          <Button type="submit" name="intent" value="send" disabled={navigation.state !== "idle" || recipients === 0}>
            {t("registration.admin.bulk.send", { count: recipients })}
          </Button>
        </div>
      </Form>
      {preview ? <iframe title={t("registration.admin.bulk.preview")} sandbox="" srcDoc={preview} className="mt-3 h-96 w-full rounded border" /> : null}
    </div>
  );
}
