import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Flash } from "~/components/ui/Toast";
import { replyErrors } from "~/components/case-call/replyErrors";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { FormField } from "~/components/ui/FormField";
import { useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { addQuestion, deleteQuestion, requireCall, setAttachmentLimits, updateQuestion } from "~/models/case-call.server";
import { requireCallManager } from "~/auth/permissions.server";
import { callFormForms, questionKinds } from "~/schemas/case-call";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-calls");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCallManager(request);
    const call = await requireCall(params.callId ?? "");
    return {
      questions: call.questions.map(({ id, key, label, labelEn, kind, required, options }) => ({ id, key, label, labelEn, kind, required, options: options.map((option) => option.label).join("\n") })),
      maxAttachments: call.maxAttachments,
      maxAttachmentMb: Math.round(call.maxAttachmentBytes / 1024 / 1024),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const user = await requireCallManager(request);
    const callId = params.callId ?? "";
    const { t } = requestTranslator(request);
    return handleSubmission(request, callFormForms, async (form, reply) => {
      const actorUserId = user.id;
      if (form.intent === "question") {
        const { intent: _intent, key, ...input } = form;
        await addQuestion({ callId, key, input, actorUserId });
      } else if (form.intent === "editQuestion") {
        const { intent: _intent, id, ...input } = form;
        await updateQuestion({ callId, questionId: id, input, actorUserId });
      } else if (form.intent === "deleteQuestion") {
        await deleteQuestion({ callId, questionId: form.id, actorUserId });
      } else {
        await setAttachmentLimits({ callId, maxAttachments: form.maxAttachments, maxAttachmentMb: form.maxAttachmentMb, actorUserId });
      }
      return { result: reply({ resetForm: form.intent === "question" }), intent: form.intent, notice: t("cases.admin.saved") };
    });
  });
}

type QuestionValues = { key?: string; label: string; labelEn: string; kind: string; required: boolean; options: string };

function QuestionFields({ values, errorOf }: { values: QuestionValues; errorOf: (name: string) => string | undefined }) {
  const t = useT();
  return (
    <>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label={t("cases.admin.question.label")} name="label" required defaultValue={values.label} error={errorOf("label")} />
        <Field label={t("cases.admin.question.labelEn")} name="labelEn" defaultValue={values.labelEn} error={errorOf("labelEn")} />
      </div>
      <FormField id={`kind-${values.key ?? "new"}`} label={t("cases.admin.question.kind")}>
        <select name="kind" defaultValue={values.kind} className="field-input">
          {questionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`cases.kind.${kind}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`options-${values.key ?? "new"}`} label={t("cases.admin.question.options")} error={errorOf("options")}>
        <textarea name="options" rows={3} defaultValue={values.options} className="field-input" />
      </FormField>
      <label className="mb-4 flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={values.required} /> {t("cases.admin.question.required")}
      </label>
    </>
  );
}

export default function CallFormTab() {
  const { questions, maxAttachments, maxAttachmentMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const localized = useLocalized();
  const { errorOf, formErrors } = replyErrors(result?.result);
  return (
    <div className="space-y-6">
      <Flash message={result && "notice" in result ? result.notice : null} />
      <FormErrors messages={formErrors} />
      <Card as="section" aria-labelledby="questions">
        <h2 id="questions" className="mb-1 font-semibold">
          {t("cases.admin.questions")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("cases.admin.questionsIntro")}</p>
        {questions.length === 0 ? <p className="text-muted">{t("cases.admin.noQuestions")}</p> : null}
        <ul className="space-y-3">
          {questions.map((question) => (
            <li key={question.id} className="rounded border border-line p-3">
              <details>
                <summary className="cursor-pointer font-medium">
                  {localized(question.label, question.labelEn)} · {t(`cases.kind.${question.kind}`)}
                  {question.required ? ` · ${t("cases.admin.question.required")}` : ""} <code className="text-xs text-muted">{question.key}</code>
                </summary>
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="editQuestion" />
                  <input type="hidden" name="id" value={question.id} />
                  <QuestionFields values={question} errorOf={() => undefined} />
                  <Button type="submit" variant="secondary">
                    {t("action.save")}
                  </Button>
                </Form>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="deleteQuestion" />
                  <input type="hidden" name="id" value={question.id} />
                  <button type="submit" className="text-sm text-danger underline">
                    {t("action.delete")}
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
        <h3 className="mb-2 mt-4 font-semibold">{t("cases.admin.addQuestion")}</h3>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="question" />
          <Field label={t("cases.admin.question.key")} name="key" required hint={t("cases.admin.question.keyHint")} error={errorOf("key")} />
          <QuestionFields values={{ label: "", labelEn: "", kind: "TEXT", required: false, options: "" }} errorOf={errorOf} />
          <Button type="submit">{t("cases.admin.addQuestion")}</Button>
        </Form>
      </Card>
      <Card as="section" aria-labelledby="attachments">
        <h2 id="attachments" className="mb-1 font-semibold">
          {t("cases.admin.attachments")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("cases.admin.attachmentsIntro")}</p>
        <Form method="post" noValidate className="grid gap-x-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="attachments" />
          <Field label={t("cases.admin.maxAttachments")} name="maxAttachments" type="number" min={0} max={20} required defaultValue={maxAttachments} error={errorOf("maxAttachments")} />
          <Field label={t("cases.admin.maxAttachmentMb")} name="maxAttachmentMb" type="number" min={1} max={50} required defaultValue={maxAttachmentMb} error={errorOf("maxAttachmentMb")} />
          <div>
            <Button type="submit">{t("action.save")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
