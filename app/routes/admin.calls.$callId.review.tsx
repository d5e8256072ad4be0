import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { Badge } from "~/components/ui/Badge";
import { Button } from "~/components/ui/Button";
import { Card, CardTitle } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { requireCaseCallManager } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { publishCase, unpublishCase } from "~/models/case-library.server";
import { addReviewer, assignAutomatically, assignByHand, decideCase, recordConflict, removeConflict, reviewOverview, setShortlisted, unassign } from "~/models/case-review.server";
import { callReviewForms, caseDecisions } from "~/schemas/case-review";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { localized } from "~/i18n";

export const meta = titled("title.admin-calls-callId-review");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCaseCallManager(request);
    const { call, cases, reviewers, firms } = await reviewOverview(params.callId ?? "");
    return {
      call: { id: call.id, title: call.title, titleEn: call.titleEn, blindReview: call.blindReview, normaliseScores: call.normaliseScores, reviewersPerCase: call.reviewersPerCase },
      cases,
      reviewers,
      firms,
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await page(request, () => requireCaseCallManager(request));
  const { t, locale } = requestTranslator(request);
  const callId = params.callId ?? "";
  const actorUserId = user.id;
  return handleSubmission(request, callReviewForms, async (form) => {
    const answer = (notice: string) => ({ intent: form.intent, notice });
    switch (form.intent) {
      case "add-reviewer":
        await addReviewer({ callId, email: form.email, name: form.name, locale: form.locale, actorUserId });
        return answer(t("caseReview.reviewers.added"));
      case "record-conflict":
        await recordConflict({ callId, userId: form.userId, firmId: form.firmId, kind: form.kind, note: form.note, actorUserId });
        return answer(t("caseReview.conflicts.recorded"));
      case "remove-conflict":
        await removeConflict({ callId, conflictId: form.conflictId, actorUserId });
        return answer(t("caseReview.conflicts.removed"));
      case "assign":
        await assignByHand({ callId, submissionId: form.submissionId, reviewerUserId: form.reviewerUserId, actorUserId });
        return answer(t("caseReview.assign.assigned"));
      case "unassign":
        await unassign({ callId, assignmentId: form.assignmentId, actorUserId });
        return answer(t("caseReview.assign.removed"));
      case "auto-assign": {
        const plan = await assignAutomatically({ callId, actorUserId });
        const { cases } = await reviewOverview(callId);
        const titles = plan.underAssigned.map((short) => {
          const kase = cases.find((candidate) => candidate.id === short.caseId);
          return kase ? localized(locale, kase.title, kase.titleEn) : short.caseId;
        });
        const done = t("caseReview.assign.autoDone", { added: plan.added.length });
        return answer(titles.length > 0 ? `${done} ${t("caseReview.assign.underAssigned", { count: titles.length, titles: titles.join(locale === "en" ? ", " : "、") })}` : done);
      }
      case "shortlist":
        await setShortlisted({ callId, submissionId: form.submissionId, shortlisted: form.shortlisted, actorUserId });
        return answer(t("caseReview.ranking.shortlisted"));
      case "decide": {
        const { changed } = await decideCase({ callId, submissionId: form.submissionId, decision: form.decision, actorUserId });
        return answer(t(changed ? "caseReview.ranking.decided" : "caseReview.ranking.unchanged"));
      }
      case "publish":
        await publishCase({ callId, submissionId: form.submissionId, actorUserId });
        return answer(t("caseLibrary.admin.done.published"));
      case "unpublish":
        await unpublishCase({ callId, submissionId: form.submissionId, actorUserId });
        return answer(t("caseLibrary.admin.done.unpublished"));
    }
  });
}

const figure = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/** Completed over assigned reviews as a bar: the small progress chart of each reviewer and each case. */
function ProgressBar({ completed, assigned, label }: { completed: number; assigned: number; label: string }) {
  const share = assigned === 0 ? 0 : Math.round((completed / assigned) * 100);
  return (
    <div className="flex items-center gap-2" role="img" aria-label={label}>
      <div className="h-2 w-24 overflow-hidden rounded bg-line">
        <div className="h-2 bg-brand-600" style={{ width: `${share}%` }} />
      </div>
      <span className="text-xs text-muted">{label}</span>
    </div>
  );
}

export default function CallReview() {
  const { call, cases, reviewers, firms } = useLoaderData<typeof loader>();
  const t = useT();
  const text = useLocalized();
  const locale = useLocale();
  const list = (names: { name: string; nameEn: string }[]) => names.map((name) => text(name.name, name.nameEn)).join(locale === "en" ? ", " : "、");
  return (
    <div>
      <h2 className="text-xl font-semibold">{t("caseReview.admin.heading", { call: text(call.title, call.titleEn) })}</h2>
      <p className="mt-1 text-sm text-muted">
        {t("caseReview.admin.settings", {
          count: call.reviewersPerCase,
          blind: t(call.blindReview ? "caseReview.admin.blindOn" : "caseReview.admin.blindOff"),
          normalise: t(call.normaliseScores ? "caseReview.admin.normaliseOn" : "caseReview.admin.normaliseOff"),
        })}
      </p>

      <Card as="section" className="mt-4" aria-labelledby="reviewers-heading">
        <CardTitle>
          <span id="reviewers-heading">{t("caseReview.reviewers.heading")}</span>
        </CardTitle>
        <ActionNotice intent="add-reviewer" />
        <ActionNotice intent="record-conflict" />
        <ActionNotice intent="remove-conflict" />
        {reviewers.length === 0 ? (
          <EmptyState title={t("caseReview.reviewers.none")} />
        ) : (
          <ul className="divide-y divide-line">
            {reviewers.map((reviewer) => (
              <li key={reviewer.userId} className="py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <strong>{reviewer.name || reviewer.email}</strong> <span className="text-sm text-muted">{reviewer.email}</span>{" "}
                    {reviewer.active ? null : <Badge tone="warning">{t("caseReview.reviewers.invited")}</Badge>}
                  </span>
                  <ProgressBar completed={reviewer.completed} assigned={reviewer.assigned} label={t("caseReview.admin.progressOf", { completed: reviewer.completed, assigned: reviewer.assigned })} />
                </div>
                <p className="mt-1 text-sm">
                  {t("caseReview.conflicts.heading")}: {reviewer.conflicts.length === 0 ? t("caseReview.conflicts.none") : null}
                </p>
                <ul className="text-sm">
                  {reviewer.conflicts.map((conflict) => (
                    <li key={conflict.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {text(conflict.firm.name, conflict.firm.nameEn)} · {t(`caseReview.conflicts.kind.${conflict.kind}`)}
                        {conflict.note ? ` · ${conflict.note}` : ""}
                      </span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-conflict" />
                        <input type="hidden" name="conflictId" value={conflict.id} />
                        <Button type="submit" variant="ghost" size="sm">
                          {t("caseReview.conflicts.remove")}
                        </Button>
                      </Form>
                    </li>
                  ))}
                </ul>
                <Form method="post" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
                  <input type="hidden" name="intent" value="record-conflict" />
                  <input type="hidden" name="userId" value={reviewer.userId} />
                  <label className="flex flex-col">
                    {t("caseReview.conflicts.firm")}
                    <select name="firmId" className="field-input" required>
                      {firms.map((firm) => (
                        <option key={firm.id} value={firm.id}>
                          {text(firm.name, firm.nameEn)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col">
                    {t("caseReview.conflicts.note")}
                    <input name="note" maxLength={500} className="field-input" />
                  </label>
                  <Button type="submit" variant="secondary" size="sm">
                    {t("caseReview.conflicts.add")}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="mt-4 flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="add-reviewer" />
          <label className="flex flex-col text-sm">
            {t("caseReview.reviewers.email")}
            <input name="email" type="email" required maxLength={254} className="field-input" />
          </label>
          <label className="flex flex-col text-sm">
            {t("caseReview.reviewers.name")}
            <input name="name" maxLength={100} className="field-input" />
          </label>
          <label className="flex flex-col text-sm">
            {t("caseReview.reviewers.locale")}
            <select name="locale" className="field-input" defaultValue={locale}>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <Button type="submit">{t("caseReview.reviewers.add")}</Button>
        </Form>
      </Card>

      <Card as="section" className="mt-4" aria-labelledby="assign-heading">
        <CardTitle>
          <span id="assign-heading">{t("caseReview.assign.heading")}</span>
        </CardTitle>
        <ActionNotice intent="auto-assign" />
        <ActionNotice intent="assign" />
        <ActionNotice intent="unassign" />
        <Form method="post" className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="intent" value="auto-assign" />
          <Button type="submit">{t("caseReview.assign.auto")}</Button>
          <span className="text-sm text-muted">{t("caseReview.assign.autoHint")}</span>
        </Form>
      </Card>

      <Card as="section" className="mt-4" aria-labelledby="ranking-heading">
        <CardTitle>
          <span id="ranking-heading">{t("caseReview.ranking.heading")}</span>
        </CardTitle>
        <ActionNotice intent="shortlist" />
        <ActionNotice intent="decide" />
        <ActionNotice intent="publish" />
        <ActionNotice intent="unpublish" />
        {cases.length === 0 ? (
          <EmptyState title={t("caseReview.admin.noCases")} />
        ) : (
          <Table>
            <thead>
              <Tr>
                <Th>{t("caseReview.ranking.rank")}</Th>
                <Th>{t("caseReview.ranking.case")}</Th>
                <Th>{t("caseReview.ranking.mean")}</Th>
                {call.normaliseScores ? <Th>{t("caseReview.ranking.normalised")}</Th> : null}
                <Th>{t("caseReview.ranking.reviews")}</Th>
                <Th>{t("caseReview.ranking.shortlist")}</Th>
                <Th>{t("caseReview.ranking.decision")}</Th>
              </Tr>
            </thead>
            <tbody>
              {cases.map((kase) => (
                <Tr key={kase.id} data-case={kase.id}>
                  <Td>{kase.rank ?? "—"}</Td>
                  <Td>
                    <strong>{text(kase.title, kase.titleEn)}</strong>
                    <div className="text-xs text-muted">{list([kase.lead, ...kase.coSubmitters])}</div>
                  </Td>
                  <Td>{figure(kase.mean)}</Td>
                  {call.normaliseScores ? <Td>{figure(kase.normalised)}</Td> : null}
                  <Td>
                    <ProgressBar completed={kase.completed} assigned={kase.assigned} label={t("caseReview.admin.progressOf", { completed: kase.completed, assigned: kase.assigned })} />
                    <ul className="mt-1 text-xs">
                      {kase.reviewers.map((reviewer) => (
                        <li key={reviewer.assignmentId} className="flex items-center gap-1">
                          {reviewer.name} {reviewer.completed ? "✓" : ""}
                          {reviewer.scored ? null : (
                            <Form method="post">
                              <input type="hidden" name="intent" value="unassign" />
                              <input type="hidden" name="assignmentId" value={reviewer.assignmentId} />
                              <Button type="submit" variant="ghost" size="sm">
                                {t("caseReview.assign.remove")}
                              </Button>
                            </Form>
                          )}
                        </li>
                      ))}
                    </ul>
                    <Form method="post" className="mt-1 flex items-center gap-1">
                      <input type="hidden" name="intent" value="assign" />
                      <input type="hidden" name="submissionId" value={kase.id} />
                      <select name="reviewerUserId" aria-label={t("caseReview.assign.reviewer")} className="field-input text-xs">
                        {reviewers
                          .filter((reviewer) => !kase.reviewers.some((assigned) => assigned.userId === reviewer.userId))
                          .map((reviewer) => (
                            <option key={reviewer.userId} value={reviewer.userId}>
                              {reviewer.name || reviewer.email}
                            </option>
                          ))}
                      </select>
                      <Button type="submit" variant="secondary" size="sm">
                        {t("caseReview.assign.add")}
                      </Button>
                    </Form>
                  </Td>
                  <Td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="shortlist" />
                      <input type="hidden" name="submissionId" value={kase.id} />
                      <input type="hidden" name="shortlisted" value={kase.shortlisted ? "false" : "true"} />
                      <Button type="submit" variant={kase.shortlisted ? "primary" : "secondary"} size="sm" aria-pressed={kase.shortlisted}>
                        {t(kase.shortlisted ? "caseReview.ranking.shortlistOff" : "caseReview.ranking.shortlistOn")}
                      </Button>
                    </Form>
                  </Td>
                  <Td>
                    <p className="text-sm">{kase.decision ? t(`caseReview.decision.${kase.decision}`) : t("caseReview.ranking.undecided")}</p>
                    <Form method="post" className="mt-1 flex flex-wrap gap-1">
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="submissionId" value={kase.id} />
                      {caseDecisions.map((decision) => (
                        <Button key={decision} type="submit" name="decision" value={decision} size="sm" variant={kase.decision === decision ? "primary" : "secondary"}>
                          {t(`caseReview.decision.${decision}`)}
                        </Button>
                      ))}
                    </Form>
                    {kase.decision === "TYPICAL" || kase.decision === "EXCELLENT" ? (
                      kase.consent ? (
                        <Form method="post" className="mt-1 flex flex-wrap items-center gap-1">
                          <input type="hidden" name="intent" value={kase.published ? "unpublish" : "publish"} />
                          <input type="hidden" name="submissionId" value={kase.id} />
                          <Badge tone={kase.published ? "success" : "neutral"}>{t(kase.published ? "caseLibrary.admin.published" : "caseLibrary.admin.unpublished")}</Badge>
                          <Button type="submit" size="sm" variant={kase.published ? "ghost" : "primary"}>
                            {t(kase.published ? "caseLibrary.admin.unpublish" : "caseLibrary.admin.publish")}
                          </Button>
                        </Form>
                      ) : (
                        <p className="mt-1 text-xs text-muted">{t("caseLibrary.admin.consentMissing")}</p>
                      )
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
