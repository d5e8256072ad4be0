import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { StepsSection } from "~/components/onboarding/StepForms";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { onboardingForms } from "~/schemas/onboarding";
import { createStep, listSteps, newStepKey, progressMatrix, sendOverdueReminders, setStepArchived, setStepCompletion, updateStep } from "~/models/onboarding.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { formatDate, programmeZone } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.admin-onboarding");

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    const overdueOnly = new URL(request.url).searchParams.get("overdue") === "1";
    const [{ steps, rows }, allSteps] = await Promise.all([progressMatrix(), listSteps({ includeArchived: true })]);
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      steps: steps.map((step) => ({ id: step.id, key: step.key, title: step.title, titleEn: step.titleEn })),
      overdueOnly,
      rows: rows
        .filter((row) => !overdueOnly || row.overdue > 0)
        .map((row) => ({
          firm: { ...row.firm, memberSince: iso(row.firm.memberSince) },
          done: row.done,
          total: row.total,
          overdue: row.overdue,
          stuckAt: row.stuckAt ? { title: row.stuckAt.title, titleEn: row.stuckAt.titleEn } : null,
          steps: row.steps.map((state) => ({ stepId: state.stepId, completedAt: iso(state.completedAt), overdue: state.overdue, dueAt: iso(state.dueAt) })),
        })),
      allSteps: allSteps.map((step) => ({ id: step.id, key: step.key, title: step.title, titleEn: step.titleEn, dueDays: step.dueDays, position: step.position, archived: Boolean(step.archivedAt) })),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await page(request, () => requireProgrammeManager(request));
  const { t } = requestTranslator(request);
  return handleSubmission(request, onboardingForms, async (form) => {
    const saved = { intent: form.intent, notice: t("programme.onboarding.saved") };
    switch (form.intent) {
      case "reminders": {
        const { firms, emails } = await sendOverdueReminders({ force: true });
        return { intent: form.intent, notice: t("programme.admin.remindersSent", { firms, emails }) };
      }
      case "toggle":
        await setStepCompletion({ firmId: form.firmId, stepId: form.stepId, done: form.done, actorUserId: user.id });
        return saved;
      case "create": {
        const { intent: _intent, ...input } = form;
        await createStep({ input: { key: newStepKey(), ...input }, actorUserId: user.id });
        return saved;
      }
      case "update": {
        const { intent: _intent, stepId, ...input } = form;
        await updateStep({ stepId, input, actorUserId: user.id });
        return saved;
      }
      case "archive":
      case "restore":
        await setStepArchived({ stepId: form.stepId, archived: form.intent === "archive", actorUserId: user.id });
        return saved;
    }
  });
}

export default function AdminOnboarding() {
  const { steps, rows, allSteps, overdueOnly } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("programme.admin.onboarding")}</h1>
      <p className="mt-1 text-muted">{t("programme.admin.onboardingIntro")}</p>
      <ActionNotice intent="reminders" />
      <ActionNotice intent="toggle" />
      <Form method="post" className="mt-3">
        <input type="hidden" name="intent" value="reminders" />
        <Button type="submit" variant="secondary">
          {t("programme.admin.sendReminders")}
        </Button>
      </Form>
      {overdueOnly ? (
        <p className="mt-3 text-sm text-muted">
          {t("admin.dashboard.overdueFilter")}{" "}
          <Link to="/admin/onboarding" className="text-brand-700 underline">
            {t("admin.dashboard.showAllFirms")}
          </Link>
        </p>
      ) : null}
      <div className="mt-4">
        <Table caption={t("programme.admin.onboardingCaption")}>
          <thead>
            <Tr>
              <Th>{t("programme.admin.firmName")}</Th>
              <Th>{t("programme.admin.progress")}</Th>
              {steps.map((step) => (
                <Th key={step.id} className="min-w-24 px-1! whitespace-normal">
                  {localized(step.title, step.titleEn)}
                </Th>
              ))}
              <Th>{t("programme.admin.stuckAt")}</Th>
            </Tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Tr key={row.firm.id} data-firm={row.firm.name}>
                <th scope="row" className="min-w-36 px-3 py-2 font-medium">
                  <Link to={`/admin/firms/${row.firm.id}`} className="text-brand-700 underline">
                    {localized(row.firm.name, row.firm.nameEn)}
                  </Link>
                </th>
                <Td className="whitespace-nowrap">
                  {row.done}/{row.total}
                </Td>
                {row.steps.map((state, index) => {
                  const label = t("programme.admin.toggleStep", { firm: localized(row.firm.name, row.firm.nameEn), step: localized(steps[index].title, steps[index].titleEn) });
                  const statusText = state.completedAt
                    ? t("programme.onboarding.doneOn", { date: formatDate(state.completedAt, programmeZone, locale) })
                    : state.overdue
                      ? t("programme.onboarding.overdue")
                      : t("programme.onboarding.open");
                  return (
                    <Td
                      key={state.stepId}
                      className={`px-1! py-1! text-center ${state.completedAt ? "bg-success-soft" : state.overdue ? "bg-danger-soft" : "bg-canvas"}`}
                      data-state={state.completedAt ? "done" : state.overdue ? "overdue" : "open"}
                    >
                      <Form method="post">
                        <input type="hidden" name="intent" value="toggle" />
                        <input type="hidden" name="firmId" value={row.firm.id} />
                        <input type="hidden" name="stepId" value={state.stepId} />
                        <input type="hidden" name="done" value={state.completedAt ? "0" : "1"} />
                        <button type="submit" className="min-h-11 w-full" title={statusText}>
                          <span aria-hidden="true">{state.completedAt ? "✓" : state.overdue ? "!" : "·"}</span>
                          <span className="sr-only">
                            {label}: {statusText}
                          </span>
                        </button>
                      </Form>
                    </Td>
                  );
                })}
                <Td className="min-w-32">{row.stuckAt ? localized(row.stuckAt.title, row.stuckAt.titleEn) : t("programme.admin.allDone")}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </div>

      <StepsSection steps={allSteps} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
