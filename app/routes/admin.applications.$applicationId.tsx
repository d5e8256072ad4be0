import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { answerFor } from "~/components/forms/answerFor";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocale, useT } from "~/i18n/react";
import { reviewTransitions } from "~/models/application-review";
import { applicationReviewForms, reviewerNoteForm, reviewForm } from "~/schemas/application-review";
import { addReviewerNote, getApplication, reviewApplication } from "~/models/application.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { formatDateTime, programmeZone } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { Notice } from "~/components/ui/Toast";

export const meta = titled("title.admin-applications-applicationId");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    const application = await getApplication(params.applicationId ?? "");
    const date = (value: Date | null) => value?.toISOString() ?? null;
    return {
      application: {
        ...application,
        submittedAt: application.submittedAt.toISOString(),
        charterAcceptedAt: application.charterAcceptedAt.toISOString(),
        decidedAt: date(application.decidedAt),
        updatedAt: application.updatedAt.toISOString(),
        amendTokenHash: undefined,
        duplicateOf: application.duplicateOf ? { ...application.duplicateOf, submittedAt: application.duplicateOf.submittedAt.toISOString() } : null,
        duplicates: application.duplicates.map((duplicate) => ({ ...duplicate, submittedAt: duplicate.submittedAt.toISOString() })),
      },
      transitions: reviewTransitions[application.status],
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await page(request, () => requireProgrammeManager(request));
  const { t } = requestTranslator(request);
  const id = params.applicationId ?? "";
  const actor = { id: user.id, name: user.name };
  return handleSubmission(request, applicationReviewForms, async (form) => {
    if (form.intent === "note") {
      await addReviewerNote({ id, note: form.note, actor });
      return { intent: form.intent, notice: t("programme.review.noteAdded") };
    }
    await reviewApplication({ id, action: { to: form.to, message: form.message }, actor });
    return { intent: form.intent, notice: t("programme.review.done", { status: t(`programme.status.${form.to}`) }) };
  });
}

export default function ApplicationDetail() {
  const { application, transitions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const review = useSubmissionForm(reviewForm, { id: "application-review", lastResult: answerFor(actionData, "review")?.result });
  const note = useSubmissionForm(reviewerNoteForm, { id: "application-note", lastResult: answerFor(actionData, "note")?.result });
  const t = useT();
  const locale = useLocale();
  const zone = programmeZone;
  const rows: [string, string | null][] = [
    [t("programme.field.creditCode"), application.creditCode],
    [t("programme.field.industry"), application.industry],
    [t("programme.field.city"), application.city],
    [t("programme.field.website"), application.website],
    [t("programme.field.size"), application.size],
    [t("programme.field.offers"), application.offers],
    [t("programme.field.needs"), application.needs],
    [t("programme.field.contactName"), application.contactName],
    [t("programme.field.contactEmail"), application.contactEmail],
    [t("programme.field.contactPhone"), application.contactPhone],
    [t("programme.admin.submittedAt"), formatDateTime(application.submittedAt, zone, locale)],
  ];
  return (
    <div className="max-w-3xl">
      <Link to="/admin/applications" className="text-sm text-brand-700 underline">
        ← {t("programme.admin.applications")}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{application.firmName}</h1>
      <p className="mt-1" data-status={application.status}>
        {t("programme.admin.status")}: <strong>{t(`programme.status.${application.status}`)}</strong>
      </p>
      <p className="text-sm text-muted">{t("programme.review.charterAccepted", { version: application.charterVersion, date: formatDateTime(application.charterAcceptedAt, zone, locale) })}</p>
      {application.firm ? (
        <p className="mt-1 text-sm">
          {t("programme.review.memberFirm")}:{" "}
          <Link to={`/admin/firms/${application.firm.id}`} className="text-brand-700 underline">
            {application.firm.name}
          </Link>
        </p>
      ) : null}
      {application.duplicateOf ? (
        <Notice tone="warning" className="mt-2 text-sm">
          {t("programme.review.duplicateOf")}:{" "}
          <Link to={`/admin/applications/${application.duplicateOf.id}`} className="text-brand-700 underline">
            {application.duplicateOf.firmName} · {application.duplicateOf.contactEmail} · {t(`programme.status.${application.duplicateOf.status}`)}
          </Link>
        </Notice>
      ) : null}
      {application.duplicates.length > 0 ? (
        <Notice tone="warning" className="mt-2 text-sm">
          <p>{t("programme.review.duplicates")}:</p>
          <ul className="list-disc pl-5">
            {application.duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <Link to={`/admin/applications/${duplicate.id}`} className="text-brand-700 underline">
                  {duplicate.firmName} · {duplicate.contactEmail} · {t(`programme.status.${duplicate.status}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <dl className="card mt-4 grid gap-2 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium text-muted">{label}</dt>
            <dd className="whitespace-pre-line break-words">{value || "—"}</dd>
          </div>
        ))}
      </dl>

      <Card aria-labelledby="review-heading" as="section" className="mt-4">
        <h2 id="review-heading" className="mb-2 text-lg font-semibold">
          {t("programme.admin.status")}
        </h2>
        <ActionNotice intent="review" />
        {transitions.length === 0 ? (
          <p className="text-muted">{t("programme.review.noTransitions")}</p>
        ) : (
          <Form method="post" id={review.form.id} onSubmit={review.form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="review" />
            <label htmlFor="review-message" className="field-label">
              {t("programme.review.message")}
            </label>
            <textarea id="review-message" name="message" rows={3} maxLength={4000} className="field-input" aria-invalid={review.errorOf("message") ? true : undefined} />
            {review.errorOf("message") ? (
              <p className="field-error" role="alert">
                {review.errorOf("message")}
              </p>
            ) : null}
            <div className="mt-3 flex flex-wrap gap-2">
              {transitions.map((to) => (
                <Button key={to} type="submit" name="to" value={to} variant={to === "REJECTED" ? "danger" : to === "APPROVED" ? "primary" : "secondary"} disabled={navigation.state === "submitting"}>
                  {t(`programme.review.action.${to}`)}
                </Button>
              ))}
            </div>
          </Form>
        )}
      </Card>

      <Card aria-labelledby="notes-heading" as="section" className="mt-4">
        <h2 id="notes-heading" className="mb-2 text-lg font-semibold">
          {t("programme.review.notes")}
        </h2>
        <pre className="mb-3 whitespace-pre-wrap rounded bg-canvas p-2 font-sans text-sm">{application.reviewerNotes || "—"}</pre>
        <ActionNotice intent="note" />
        <Form method="post" id={note.form.id} onSubmit={note.form.onSubmit} noValidate>
          <input type="hidden" name="intent" value="note" />
          <label htmlFor="review-note" className="field-label">
            {t("programme.review.addNote")}
          </label>
          <textarea id="review-note" name="note" rows={2} maxLength={4000} className="field-input" required aria-invalid={note.errorOf("note") ? true : undefined} />
          {note.errorOf("note") ? (
            <p className="field-error" role="alert">
              {note.errorOf("note")}
            </p>
          ) : null}
          <Button type="submit" variant="secondary" className="mt-2">
            {t("programme.review.addNote")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
