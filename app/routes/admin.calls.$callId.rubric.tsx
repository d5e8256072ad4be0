import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Flash } from "~/components/ui/Toast";
import { replyErrors } from "~/components/case-call/replyErrors";
import { Field } from "~/components/ui/FormField";
import { FormErrors } from "~/components/forms/FormErrors";
import { useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { addCriterion, deleteCriterion, requireCall, setReviewSettings, updateCriterion } from "~/models/case-call.server";
import { requireCallManager } from "~/auth/permissions.server";
import { callRubricForms } from "~/schemas/case-call";
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
      criteria: call.criteria.map(({ id, key, name, nameEn, description, descriptionEn, weight }) => ({ id, key, name, nameEn, description, descriptionEn, weight })),
      review: { blindReview: call.blindReview, normaliseScores: call.normaliseScores, reviewersPerCase: call.reviewersPerCase },
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const user = await requireCallManager(request);
    const callId = params.callId ?? "";
    const { t } = requestTranslator(request);
    return handleSubmission(request, callRubricForms, async (form, reply) => {
      const actorUserId = user.id;
      if (form.intent === "criterion") {
        const { intent: _intent, ...input } = form;
        await addCriterion({ callId, input, actorUserId });
      } else if (form.intent === "editCriterion") {
        const { intent: _intent, id, ...input } = form;
        await updateCriterion({ callId, criterionId: id, input, actorUserId });
      } else if (form.intent === "deleteCriterion") {
        await deleteCriterion({ callId, criterionId: form.id, actorUserId });
      } else {
        const { intent: _intent, ...settings } = form;
        await setReviewSettings({ callId, settings, actorUserId });
      }
      return { result: reply({ resetForm: form.intent === "criterion" }), notice: t("cases.admin.saved") };
    });
  });
}

type CriterionValues = { name: string; nameEn: string; description: string; descriptionEn: string; weight: number };

function CriterionFields({ values, errorOf }: { values: CriterionValues; errorOf: (name: string) => string | undefined }) {
  const t = useT();
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <Field label={t("cases.admin.criterion.name")} name="name" required defaultValue={values.name} error={errorOf("name")} />
      <Field label={t("cases.admin.criterion.nameEn")} name="nameEn" defaultValue={values.nameEn} error={errorOf("nameEn")} />
      <Field label={t("cases.admin.criterion.description")} name="description" defaultValue={values.description} error={errorOf("description")} />
      <Field label={t("cases.admin.criterion.descriptionEn")} name="descriptionEn" defaultValue={values.descriptionEn} error={errorOf("descriptionEn")} />
      <Field label={t("cases.admin.criterion.weight")} name="weight" type="number" step="0.1" min={0.1} max={10} required defaultValue={values.weight} error={errorOf("weight")} />
    </div>
  );
}

export default function CallRubricTab() {
  const { criteria, review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const localized = useLocalized();
  const { errorOf, formErrors } = replyErrors(result?.result);
  return (
    <div className="space-y-6">
      <Flash message={result && "notice" in result ? result.notice : null} />
      <FormErrors messages={formErrors} />
      <Card as="section" aria-labelledby="rubric">
        <h2 id="rubric" className="mb-1 font-semibold">
          {t("cases.admin.rubric")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("cases.admin.rubricIntro")}</p>
        <ul className="space-y-3">
          {criteria.map((criterion) => (
            <li key={criterion.id} className="rounded border border-line p-3">
              <details>
                <summary className="cursor-pointer font-medium">
                  {localized(criterion.name, criterion.nameEn)} · {t("cases.admin.criterion.weight")} {criterion.weight}
                </summary>
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="editCriterion" />
                  <input type="hidden" name="id" value={criterion.id} />
                  <CriterionFields values={criterion} errorOf={() => undefined} />
                  <Button type="submit" variant="secondary">
                    {t("action.save")}
                  </Button>
                </Form>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="deleteCriterion" />
                  <input type="hidden" name="id" value={criterion.id} />
                  <button type="submit" className="text-sm text-danger underline">
                    {t("action.delete")}
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
        <h3 className="mb-2 mt-4 font-semibold">{t("cases.admin.addCriterion")}</h3>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="criterion" />
          <CriterionFields values={{ name: "", nameEn: "", description: "", descriptionEn: "", weight: 1 }} errorOf={errorOf} />
          <Button type="submit">{t("cases.admin.addCriterion")}</Button>
        </Form>
      </Card>
      <Card as="section" aria-labelledby="review">
        <h2 id="review" className="mb-3 font-semibold">
          {t("cases.admin.review")}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="review" />
          <label className="mb-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="blindReview" defaultChecked={review.blindReview} /> {t("cases.admin.blindReview")}
          </label>
          <label className="mb-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="normaliseScores" defaultChecked={review.normaliseScores} /> {t("cases.admin.normaliseScores")}
          </label>
          <Field label={t("cases.admin.reviewersPerCase")} name="reviewersPerCase" type="number" min={1} max={10} required defaultValue={review.reviewersPerCase} error={errorOf("reviewersPerCase")} />
          <Button type="submit">{t("action.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}
