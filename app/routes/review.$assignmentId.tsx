import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { Button } from "~/components/ui/Button";
import { Card, CardTitle } from "~/components/ui/Card";
import { reviewedCallIds, requireReviewer } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { reviewerCase, saveReview } from "~/models/case-review.server";
import { scoreSheetForm } from "~/schemas/case-review";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { formatDateTime, programmeZone } from "~/utils/time";
import { Notice } from "~/components/ui/Toast";

export const meta = titled("title.review-assignmentId");

/** One assigned case as the reviewer may see it (an allow-list of its fields) and the score sheet. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireReviewer(request);
    const review = await reviewerCase(params.assignmentId ?? "", user.id, reviewedCallIds(user));
    return { ...review, completedAt: review.completedAt?.toISOString() ?? null };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await page(request, () => requireReviewer(request));
  const { t } = requestTranslator(request);
  return handleSubmission(request, scoreSheetForm, async (form) => {
    const complete = form.intent === "complete";
    await saveReview({ assignmentId: params.assignmentId ?? "", userId: user.id, reviewedCallIds: reviewedCallIds(user), scores: form.scores, comment: form.comment, complete });
    return { intent: "score", notice: t(complete ? "caseReview.score.completedNotice" : "caseReview.score.saved") };
  });
}

function Section({ title, zh, en }: { title: string; zh: string; en: string }) {
  const text = useLocalized();
  if (!zh && !en) return null;
  return (
    <section className="mt-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 whitespace-pre-line break-words">{text(zh, en)}</p>
    </section>
  );
}

export default function ReviewCase() {
  const review = useLoaderData<typeof loader>();
  const t = useT();
  const text = useLocalized();
  const locale = useLocale();
  const kase = review.case;
  const scoreOf = (criterionId: string) => review.scores.find((score) => score.criterionId === criterionId);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <Link to="/review" className="text-sm text-brand-700 underline">
        ← {t("caseReview.case.back")}
      </Link>
      <p className="mt-2 text-sm text-muted">{text(review.call.title, review.call.titleEn)}</p>
      <h1 className="text-2xl font-bold">{text(kase.title, kase.titleEn)}</h1>
      {review.call.blindReview ? <p className="mt-2 rounded border border-line-strong bg-canvas p-2 text-sm">{t("caseReview.case.blind")}</p> : null}
      {review.submitters ? (
        <p className="mt-2 text-sm">
          {t("caseReview.case.submitters")}: {text(review.submitters.lead.name, review.submitters.lead.nameEn)}
          {review.submitters.coSubmitters.length > 0
            ? ` · ${t("caseReview.case.coSubmitters")}: ${review.submitters.coSubmitters.map((co) => text(co.name, co.nameEn)).join(locale === "en" ? ", " : "、")}`
            : null}
        </p>
      ) : null}
      <dl className="mt-2 flex flex-wrap gap-4 text-sm">
        {kase.industry ? (
          <div>
            <dt className="inline text-muted">{t("caseReview.case.industry")}: </dt>
            <dd className="inline">{text(kase.industry.name, kase.industry.nameEn)}</dd>
          </div>
        ) : null}
        {kase.scenario ? (
          <div>
            <dt className="inline text-muted">{t("caseReview.case.scenario")}: </dt>
            <dd className="inline">{text(kase.scenario.name, kase.scenario.nameEn)}</dd>
          </div>
        ) : null}
      </dl>
      <Section title={t("caseReview.case.summary")} zh={kase.summary} en={kase.summaryEn} />
      <Section title={t("caseReview.case.problem")} zh={kase.problem} en={kase.problemEn} />
      <Section title={t("caseReview.case.solution")} zh={kase.solution} en={kase.solutionEn} />
      <Section title={t("caseReview.case.results")} zh={kase.results} en={kase.resultsEn} />
      {kase.figures.length > 0 ? (
        <section className="mt-4">
          <h2 className="text-lg font-semibold">{t("caseReview.case.figures")}</h2>
          <ul className="mt-1 list-disc pl-5">
            {kase.figures.map((figure, index) => (
              <li key={index}>
                {text(figure.label, figure.labelEn)}: {figure.value}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {kase.answers.some((answer) => answer.answer) ? (
        <section className="mt-4">
          <h2 className="text-lg font-semibold">{t("caseReview.case.answers")}</h2>
          <dl className="mt-1">
            {kase.answers.map((answer) => (
              <div key={answer.key} className="mt-2">
                <dt className="text-sm text-muted">{text(answer.label, answer.labelEn)}</dt>
                <dd className="whitespace-pre-line break-words">{answer.answer || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section className="mt-4">
        <h2 className="text-lg font-semibold">{t("caseReview.case.attachments")}</h2>
        {kase.attachments.length === 0 ? (
          <p className="text-muted">{t("caseReview.case.noAttachments")}</p>
        ) : (
          <ul className="mt-1 list-disc pl-5">
            {kase.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/review/${review.assignmentId}/attachments/${attachment.id}`} className="text-brand-700 underline" download>
                  {attachment.name}
                </a>{" "}
                <span className="text-sm text-muted">({Math.ceil(attachment.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Card as="section" className="mt-6" aria-labelledby="score-heading">
        <CardTitle>
          <span id="score-heading">{t("caseReview.score.heading")}</span>
        </CardTitle>
        <ActionNotice intent="score" />
        {review.closed ? (
          <Notice tone="warning" className="mb-2 text-sm">
            {t("caseReview.score.closed")}
          </Notice>
        ) : null}
        {review.completedAt ? <p className="mb-2 text-sm text-muted">{t("caseReview.score.completedAt", { date: formatDateTime(review.completedAt, programmeZone, locale) })}</p> : null}
        <Form method="post">
          <fieldset disabled={review.closed}>
            {review.criteria.map((criterion, index) => (
              <fieldset key={criterion.id} className="mt-3 border-t border-line pt-3">
                <legend className="font-medium">
                  {text(criterion.name, criterion.nameEn)} <span className="text-sm font-normal text-muted">({t("caseReview.score.weight", { weight: criterion.weight })})</span>
                </legend>
                {criterion.description || criterion.descriptionEn ? <p className="text-sm text-muted">{text(criterion.description, criterion.descriptionEn)}</p> : null}
                <input type="hidden" name={`scores[${index}].criterionId`} value={criterion.id} />
                <label htmlFor={`score-${criterion.id}`} className="field-label">
                  {t("caseReview.score.value")}
                </label>
                <select id={`score-${criterion.id}`} name={`scores[${index}].score`} defaultValue={scoreOf(criterion.id)?.score ?? ""} className="field-input">
                  <option value="">{t("caseReview.score.none")}</option>
                  {[1, 2, 3, 4, 5].map((value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </select>
                <label htmlFor={`comment-${criterion.id}`} className="field-label">
                  {t("caseReview.score.comment")}
                </label>
                <textarea id={`comment-${criterion.id}`} name={`scores[${index}].comment`} rows={2} maxLength={2000} defaultValue={scoreOf(criterion.id)?.comment ?? ""} className="field-input" />
              </fieldset>
            ))}
            <label htmlFor="review-comment" className="field-label mt-4">
              {t("caseReview.score.overall")}
            </label>
            <textarea id="review-comment" name="comment" rows={4} maxLength={4000} defaultValue={review.comment} className="field-input" />
            <div className="mt-3 flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="save" variant="secondary">
                {t("caseReview.score.save")}
              </Button>
              <Button type="submit" name="intent" value="complete">
                {t("caseReview.score.complete")}
              </Button>
            </div>
          </fieldset>
        </Form>
      </Card>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
