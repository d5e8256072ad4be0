import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/ErrorPage";
import { ActionNotice } from "~/components/FirmPanels";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { issueText } from "~/schemas/application";
import { createStep, listSteps, newStepKey, progressMatrix, sendOverdueReminders, setStepArchived, setStepCompletion, updateStep } from "~/models/onboarding.server";
import { HttpError } from "~/utils/http.server";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { guardedAction, guardedLoader } from "~/route-helpers/programme-route.server";
import { formatDate } from "~/utils/time";
import { zOptionalText, zText } from "~/utils/text";

export const meta: MetaFunction = () => [{ title: "入会进度 · Onboarding" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return guardedLoader(request, async () => {
    await requireProgrammeManager(request);
    const [{ steps, rows }, allSteps] = await Promise.all([progressMatrix(), listSteps({ includeArchived: true })]);
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      steps: steps.map((step) => ({ id: step.id, key: step.key, title: step.title, titleEn: step.titleEn })),
      rows: rows.map((row) => ({
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

const stepSchema = z.object({
  title: zText(100),
  titleEn: zOptionalText(100),
  dueDays: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (Number.isInteger(value) && value >= 0 && value <= 3650), "validation.invalid"),
  position: z.coerce.number().int().min(0).max(1000).default(0),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await guardedLoader(request, () => requireProgrammeManager(request));
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  return guardedAction(request, intent, async (t) => {
    const parseStep = () => {
      const parsed = stepSchema.safeParse({ title: form.get("title"), titleEn: form.get("titleEn") ?? "", dueDays: form.get("dueDays") ?? "", position: form.get("position") ?? 0 });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HttpError(422, "invalid_input", "form.fixErrors", undefined, { [String(issue.path[0])]: issueText(issue.message, t as never) });
      }
      return parsed.data;
    };
    switch (intent) {
      case "reminders": {
        const { firms, emails } = await sendOverdueReminders({ force: true });
        return t("programme.admin.remindersSent", { firms, emails });
      }
      case "toggle": {
        await setStepCompletion({ firmId: String(form.get("firmId") ?? ""), stepId: String(form.get("stepId") ?? ""), done: form.get("done") === "1", actorUserId: user.id });
        return t("programme.onboarding.saved");
      }
      case "create": {
        await createStep({ input: { key: newStepKey(), ...parseStep() }, actorUserId: user.id });
        return t("programme.onboarding.saved");
      }
      case "update": {
        await updateStep({ stepId: String(form.get("stepId") ?? ""), input: parseStep(), actorUserId: user.id });
        return t("programme.onboarding.saved");
      }
      case "archive":
      case "restore": {
        await setStepArchived({ stepId: String(form.get("stepId") ?? ""), archived: intent === "archive", actorUserId: user.id });
        return t("programme.onboarding.saved");
      }
      default:
        throw new HttpError(400, "unknown_intent", "validation.invalid");
    }
  });
}

export default function AdminOnboarding() {
  const { steps, rows, allSteps } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("programme.admin.onboarding")}</h1>
      <p className="mt-1 text-slate-700">{t("programme.admin.onboardingIntro")}</p>
      <ActionNotice intent="reminders" />
      <ActionNotice intent="toggle" />
      <Form method="post" className="mt-3">
        <input type="hidden" name="intent" value="reminders" />
        <button type="submit" className="btn-secondary">
          {t("programme.admin.sendReminders")}
        </button>
      </Form>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" aria-label={t("programme.admin.onboarding")}>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-2 pr-3">
                {t("programme.admin.firmName")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("programme.admin.progress")}
              </th>
              {steps.map((step) => (
                <th key={step.id} scope="col" className="min-w-24 px-1 py-2 text-xs font-medium">
                  {localized(step.title, step.titleEn)}
                </th>
              ))}
              <th scope="col" className="py-2 pl-3">
                {t("programme.admin.stuckAt")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.firm.id} className="border-b" data-firm={row.firm.name}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link to={`/admin/firms/${row.firm.id}`} className="text-brand-700 underline">
                    {localized(row.firm.name, row.firm.nameEn)}
                  </Link>
                </th>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {row.done}/{row.total}
                </td>
                {row.steps.map((state, index) => {
                  const label = t("programme.admin.toggleStep", { firm: localized(row.firm.name, row.firm.nameEn), step: localized(steps[index].title, steps[index].titleEn) });
                  const statusText = state.completedAt
                    ? t("programme.onboarding.doneOn", { date: formatDate(state.completedAt, "Asia/Shanghai", locale) })
                    : state.overdue
                      ? t("programme.onboarding.overdue")
                      : t("programme.onboarding.open");
                  return (
                    <td key={state.stepId} className={`px-1 py-1 text-center ${state.completedAt ? "bg-green-100" : state.overdue ? "bg-red-100" : "bg-slate-50"}`} data-state={state.completedAt ? "done" : state.overdue ? "overdue" : "open"}>
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
                    </td>
                  );
                })}
                <td className="py-2 pl-3">{row.stuckAt ? localized(row.stuckAt.title, row.stuckAt.titleEn) : t("programme.admin.allDone")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="steps-heading" className="card mt-6">
        <h2 id="steps-heading" className="text-lg font-semibold">
          {t("programme.admin.configureSteps")}
        </h2>
        <ActionNotice intent="update" />
        <ActionNotice intent="archive" />
        <ActionNotice intent="restore" />
        <ul className="mt-3 space-y-3">
          {allSteps.map((step) => (
            <li key={step.id} className={`rounded border p-3 ${step.archived ? "opacity-60" : ""}`}>
              <Form method="post" className="grid gap-2 sm:grid-cols-5 sm:items-end">
                <input type="hidden" name="stepId" value={step.id} />
                <div className="sm:col-span-2">
                  <label htmlFor={`step-title-${step.id}`} className="field-label">
                    {t("programme.admin.stepTitle")}
                  </label>
                  <input id={`step-title-${step.id}`} name="title" defaultValue={step.title} required maxLength={100} className="field-input" />
                </div>
                <div>
                  <label htmlFor={`step-titleEn-${step.id}`} className="field-label">
                    {t("programme.admin.stepTitleEn")}
                  </label>
                  <input id={`step-titleEn-${step.id}`} name="titleEn" defaultValue={step.titleEn} maxLength={100} className="field-input" />
                </div>
                <div>
                  <label htmlFor={`step-due-${step.id}`} className="field-label">
                    {t("programme.admin.stepDueDays")}
                  </label>
                  <input id={`step-due-${step.id}`} name="dueDays" type="number" min={0} max={3650} defaultValue={step.dueDays ?? ""} className="field-input" />
                </div>
                <div>
                  <label htmlFor={`step-position-${step.id}`} className="field-label">
                    {t("programme.admin.stepPosition")}
                  </label>
                  <input id={`step-position-${step.id}`} name="position" type="number" min={0} max={1000} defaultValue={step.position} className="field-input" />
                </div>
                <div className="flex gap-2 sm:col-span-5">
                  <button type="submit" name="intent" value="update" className="btn-secondary">
                    {t("action.save")}
                  </button>
                  <button type="submit" name="intent" value={step.archived ? "restore" : "archive"} className="btn-secondary">
                    {step.archived ? t("programme.admin.restoreStep") : t("programme.admin.archiveStep")}
                  </button>
                  {step.archived ? <span className="self-center text-sm">{t("programme.admin.archived")}</span> : null}
                </div>
              </Form>
            </li>
          ))}
        </ul>
        <h3 className="mt-4 font-semibold">{t("programme.admin.addStep")}</h3>
        <ActionNotice intent="create" />
        <Form method="post" className="mt-2 grid gap-2 sm:grid-cols-5 sm:items-end">
          <input type="hidden" name="intent" value="create" />
          <div className="sm:col-span-2">
            <label htmlFor="new-step-title" className="field-label">
              {t("programme.admin.stepTitle")}
            </label>
            <input id="new-step-title" name="title" required maxLength={100} className="field-input" />
          </div>
          <div>
            <label htmlFor="new-step-titleEn" className="field-label">
              {t("programme.admin.stepTitleEn")}
            </label>
            <input id="new-step-titleEn" name="titleEn" maxLength={100} className="field-input" />
          </div>
          <div>
            <label htmlFor="new-step-due" className="field-label">
              {t("programme.admin.stepDueDays")}
            </label>
            <input id="new-step-due" name="dueDays" type="number" min={0} max={3650} className="field-input" />
          </div>
          <div>
            <label htmlFor="new-step-position" className="field-label">
              {t("programme.admin.stepPosition")}
            </label>
            <input id="new-step-position" name="position" type="number" min={0} max={1000} defaultValue={allSteps.length} className="field-input" />
          </div>
          <div className="sm:col-span-5">
            <button type="submit" className="btn">
              {t("programme.admin.addStep")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
