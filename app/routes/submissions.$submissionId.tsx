import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Flash, Notice } from "~/components/ui/Toast";
import { SubmissionFields } from "~/components/case-call/SubmissionFields";
import { replyErrors } from "~/components/case-call/replyErrors";
import { ErrorPage } from "~/components/ErrorPage";
import { FormErrors } from "~/components/forms/FormErrors";
import { LocalTime } from "~/components/LocalTime";
import { Localized } from "~/components/Localized";
import { Badge } from "~/components/ui/Badge";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { requireCall } from "~/models/case-call.server";
import { callPhase } from "~/models/case-deadline";
import { addAttachment, attachmentTooLarge, deleteAttachment, readAnswers, requireSubmission, saveSubmission, withdrawSubmission } from "~/models/case-submission.server";
import { listMembers } from "~/models/firm.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { requireSubmissionReader } from "~/auth/permissions.server";
import { submissionForms } from "~/schemas/case-call";
import { DomainError } from "~/utils/domain-error";
import { HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { zonedStamp } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.submission", { name: "robots", content: "noindex" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const submissionId = params.submissionId ?? "";
    const { mayEdit } = await requireSubmissionReader(request, submissionId);
    const submission = await requireSubmission(submissionId);
    const call = await requireCall(submission.callId);
    const [taxonomy, members] = await Promise.all([listTaxonomy(), listMembers()]);
    const phase = callPhase(call, new Date());
    const term = ({ code, name, nameEn }: { code: string; name: string; nameEn: string }) => ({ code, name, nameEn });
    return {
      editable: mayEdit && phase === "open" && submission.status !== "WITHDRAWN",
      phase,
      call: {
        slug: call.slug,
        title: call.title,
        titleEn: call.titleEn,
        timeZone: call.timeZone,
        closesAt: call.closesAt.toISOString(),
        blindReview: call.blindReview,
        licence: call.licence,
        licenceEn: call.licenceEn,
        licenceVersion: call.licenceVersion,
        maxAttachments: call.maxAttachments,
        maxAttachmentMb: Math.round(call.maxAttachmentBytes / 1024 / 1024),
        questions: call.questions.map(({ key, label, labelEn, kind, required, options }) => ({ key, label, labelEn, kind, required, options })),
      },
      submission: {
        id: submission.id,
        status: submission.status,
        organization: submission.firm ? { name: submission.firm.name, nameEn: submission.firm.nameEn } : { name: submission.organizationName, nameEn: submission.organizationNameEn },
        title: submission.title,
        titleEn: submission.titleEn,
        industry: submission.industry?.code ?? "",
        scenario: submission.scenario?.code ?? "",
        summary: submission.summary,
        problem: submission.problem,
        solution: submission.solution,
        results: submission.results,
        figures: submission.figures,
        answers: submission.answers,
        coSubmitters: submission.coSubmitters.map((row) => ({ firmId: row.firmId ?? "", name: row.name })),
        contactName: submission.contactName,
        contactEmail: submission.contactEmail,
        contactPhone: submission.contactPhone,
        publicationConsent: submission.publicationConsent,
        consentAt: submission.consentAt?.toISOString() ?? null,
        licenceVersion: submission.licenceVersion,
        attachments: submission.attachments.map((file) => ({ id: file.id, fileName: file.fileName, size: file.size })),
      },
      taxonomy: { industries: taxonomy.industries.map(term), scenarios: taxonomy.scenarios.map(term) },
      firms: members.firms.filter((firm) => firm.id !== submission.firmId).map((firm) => ({ id: firm.id, name: firm.name, nameEn: firm.nameEn })),
    };
  });
}

const uploadIntent = z.object({ intent: z.literal("upload") });

async function upload(request: Request, submissionId: string, actorUserId: string) {
  const { t } = requestTranslator(request);
  const form = new FormData();
  form.set("intent", "upload");
  return handleSubmission(
    request,
    uploadIntent,
    async (_value, reply) => {
      const submission = await requireSubmission(submissionId);
      const call = await requireCall(submission.callId);
      if (Number(request.headers.get("Content-Length") ?? "0") > call.maxAttachmentBytes + 64 * 1024) throw attachmentTooLarge(call.maxAttachmentBytes);
      let parts: FormData;
      try {
        parts = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: call.maxAttachmentBytes }));
      } catch (error) {
        if (error instanceof MaxPartSizeExceededError) throw attachmentTooLarge(call.maxAttachmentBytes);
        throw error;
      }
      const file = parts.get("file");
      if (!file || typeof file === "string") throw new DomainError("invalid", "attachment_missing", "cases.attachment.missing", undefined, { file: "cases.attachment.missing" });
      await addAttachment({ submissionId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), actorUserId });
      return { result: reply(), notice: t("cases.attachment.uploaded") };
    },
    form,
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const submissionId = params.submissionId ?? "";
    const { user, mayEdit } = await requireSubmissionReader(request, submissionId);
    if (!mayEdit) throw new HttpError(403, "forbidden", "error.forbidden.body");
    if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return upload(request, submissionId, user.id);
    const { t } = requestTranslator(request);
    const formData = await request.formData();
    return handleSubmission(
      request,
      submissionForms,
      async (form, reply) => {
        if (form.intent === "withdraw") {
          await withdrawSubmission({ submissionId, actorUserId: user.id });
          return { result: reply(), notice: t("cases.submission.withdrawn") };
        }
        if (form.intent === "deleteAttachment") {
          await deleteAttachment({ submissionId, attachmentId: form.attachmentId, actorUserId: user.id });
          return { result: reply(), notice: t("cases.attachment.deleted") };
        }
        const call = await requireCall((await requireSubmission(submissionId)).callId);
        const { answers, errors } = readAnswers(formData, call);
        if (Object.keys(errors).length) throw new DomainError("invalid", "invalid_case", "cases.submission.invalid", undefined, errors);
        const { intent: _intent, ...draft } = form;
        const outcome = await saveSubmission({ submissionId, draft, answers, submit: form.intent === "submit", actorUserId: user.id });
        const saved = await requireSubmission(submissionId);
        const notice = outcome.submitted ? "cases.submission.submitted" : saved.status === "SUBMITTED" ? "cases.submission.savedSubmitted" : "cases.submission.saved";
        return { result: reply(), notice: t(notice) };
      },
      formData,
    );
  });
}

export default function SubmissionPage() {
  const { editable, phase, call, submission, taxonomy, firms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const { errorOf, formErrors } = replyErrors(result?.result);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/calls/${call.slug}`} className="text-brand-700 underline">
          {t("cases.submission.forCall", { call: localized(call.title, call.titleEn) })}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold text-ink">{submission.title ? <Localized zh={submission.title} en={submission.titleEn} /> : t("cases.submission.heading")}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={submission.status === "SUBMITTED" ? "success" : "neutral"}>{t(`cases.status.${submission.status}`)}</Badge>
        <span>{t("cases.submission.organization", { name: localized(submission.organization.name, submission.organization.nameEn) })}</span>
      </p>
      <Card className="mt-4 text-sm">
        <p className="font-semibold">{t("cases.submission.deadline", { when: zonedStamp(call.closesAt, call.timeZone, locale), zone: call.timeZone })}</p>
        <p className="text-muted">
          {t("cases.submission.deadlineYours", { when: "" })}
          <LocalTime iso={call.closesAt} />
        </p>
        {phase === "closed" ? (
          <p role="status" className="mt-2 font-semibold text-danger-ink">
            {t("cases.public.closedNote")}
          </p>
        ) : null}
        {!editable && phase !== "closed" ? <p className="mt-2">{t("cases.submission.readOnly")}</p> : null}
      </Card>
      <div className="mt-4">
        <Flash message={result && "notice" in result ? result.notice : null} />
        <FormErrors messages={formErrors} />
      </div>
      {call.blindReview && editable ? (
        <Notice tone="warning" className="mt-4">
          {t("cases.submission.blindWarning")}
        </Notice>
      ) : null}
      <SubmissionFields editable={editable} call={call} submission={submission} taxonomy={taxonomy} firms={firms} errorOf={errorOf} />
      {editable && submission.status !== "WITHDRAWN" ? (
        <Form method="post" className="mt-4" onSubmit={(event) => (window.confirm(t("cases.submission.withdrawConfirm")) ? undefined : event.preventDefault())}>
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="text-sm text-danger underline">
            {t("cases.submission.withdraw")}
          </button>
        </Form>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
