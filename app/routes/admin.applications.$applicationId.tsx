import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice, type FirmActionData } from "~/components/FirmPanels";
import { useLocale, useT } from "~/i18n/react";
import { reviewTransitions } from "~/models/application-review";
import { applicationStatuses } from "~/schemas/application";
import { addReviewerNote, getApplication, reviewApplication } from "~/models/application.server";
import { HttpError } from "~/utils/http.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { guardedAction, guardedLoader } from "~/route-helpers/programme-route.server";
import { zLongText } from "~/utils/text";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "入会申请 · Application" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return guardedLoader(request, async () => {
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

const reviewSchema = z.object({ to: z.enum(applicationStatuses), message: zLongText(4000) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await guardedLoader(request, () => requireProgrammeManager(request));
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const id = params.applicationId ?? "";
  return guardedAction(request, intent, async (t) => {
    if (intent === "note") {
      await addReviewerNote({ id, note: String(form.get("note") ?? ""), actor: { id: user.id, name: user.name } });
      return t("programme.review.noteAdded");
    }
    const parsed = reviewSchema.safeParse({ to: form.get("to"), message: form.get("message") ?? undefined });
    if (intent !== "review" || !parsed.success) throw new HttpError(400, "invalid_input", "validation.invalid");
    await reviewApplication({ id, action: { to: parsed.data.to, message: parsed.data.message }, actor: { id: user.id, name: user.name } });
    return t("programme.review.done", { status: t(`programme.status.${parsed.data.to}`) });
  });
}

export default function ApplicationDetail() {
  const { application, transitions } = useLoaderData<typeof loader>();
  const actionData = useActionData() as FirmActionData;
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const zone = "Asia/Shanghai";
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
      <p className="text-sm text-slate-600">{t("programme.review.charterAccepted", { version: application.charterVersion, date: formatDateTime(application.charterAcceptedAt, zone, locale) })}</p>
      {application.firm ? (
        <p className="mt-1 text-sm">
          {t("programme.review.memberFirm")}:{" "}
          <Link to={`/admin/firms/${application.firm.id}`} className="text-brand-700 underline">
            {application.firm.name}
          </Link>
        </p>
      ) : null}
      {application.duplicateOf ? (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          {t("programme.review.duplicateOf")}:{" "}
          <Link to={`/admin/applications/${application.duplicateOf.id}`} className="text-brand-700 underline">
            {application.duplicateOf.firmName} · {application.duplicateOf.contactEmail} · {t(`programme.status.${application.duplicateOf.status}`)}
          </Link>
        </p>
      ) : null}
      {application.duplicates.length > 0 ? (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
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
        </div>
      ) : null}
      <dl className="card mt-4 grid gap-2 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium text-slate-600">{label}</dt>
            <dd className="whitespace-pre-line break-words">{value || "—"}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="review-heading" className="card mt-4">
        <h2 id="review-heading" className="mb-2 text-lg font-semibold">
          {t("programme.admin.status")}
        </h2>
        <ActionNotice intent="review" />
        {transitions.length === 0 ? (
          <p className="text-slate-600">{t("programme.review.noTransitions")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="review" />
            <label htmlFor="review-message" className="field-label">
              {t("programme.review.message")}
            </label>
            <textarea id="review-message" name="message" rows={3} maxLength={4000} className="field-input" aria-invalid={actionData?.intent === "review" && !actionData.ok ? true : undefined} />
            <div className="mt-3 flex flex-wrap gap-2">
              {transitions.map((to) => (
                <button key={to} type="submit" name="to" value={to} className={to === "REJECTED" ? "btn-danger" : to === "APPROVED" ? "btn" : "btn-secondary"} disabled={navigation.state === "submitting"}>
                  {t(`programme.review.action.${to}`)}
                </button>
              ))}
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="notes-heading" className="card mt-4">
        <h2 id="notes-heading" className="mb-2 text-lg font-semibold">
          {t("programme.review.notes")}
        </h2>
        <pre className="mb-3 whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-sm">{application.reviewerNotes || "—"}</pre>
        <ActionNotice intent="note" />
        <Form method="post">
          <input type="hidden" name="intent" value="note" />
          <label htmlFor="review-note" className="field-label">
            {t("programme.review.addNote")}
          </label>
          <textarea id="review-note" name="note" rows={2} maxLength={4000} className="field-input" required />
          <button type="submit" className="btn-secondary mt-2">
            {t("programme.review.addNote")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
