import { Form, useActionData } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { answerFor } from "~/components/forms/answerFor";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { createStepForm, editStepForms } from "~/schemas/onboarding";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export type ConfiguredStep = { id: string; title: string; titleEn: string; dueDays: number | null; position: number; archived: boolean };

type Values = { title?: string; titleEn?: string; dueDays?: number | null; position?: number };

/** The four fields of a step, each with its own error. */
function StepFields({ prefix, values, errorOf }: { prefix: string; values: Values; errorOf: (name: string) => string | undefined }) {
  const t = useT();
  return (
    <>
      <div className="sm:col-span-2">
        <Field label={t("programme.admin.stepTitle")} id={`${prefix}-title`} name="title" defaultValue={values.title} required maxLength={100} error={errorOf("title")} />
      </div>
      <Field label={t("programme.admin.stepTitleEn")} id={`${prefix}-titleEn`} name="titleEn" defaultValue={values.titleEn} maxLength={100} error={errorOf("titleEn")} />
      <Field label={t("programme.admin.stepDueDays")} id={`${prefix}-due`} name="dueDays" type="number" min={0} max={3650} defaultValue={values.dueDays ?? ""} error={errorOf("dueDays")} />
      <Field label={t("programme.admin.stepPosition")} id={`${prefix}-position`} name="position" type="number" min={0} max={1000} defaultValue={values.position} error={errorOf("position")} />
    </>
  );
}

// A step's form shares its intents with every other step's: the answer is this form's when it names this step.
function StepEditor({ step }: { step: ConfiguredStep }) {
  const t = useT();
  const answer = answerFor(useActionData(), "update");
  const lastResult = answer?.result?.initialValue?.stepId === step.id ? answer.result : undefined;
  const { form, errorOf } = useSubmissionForm(editStepForms, { id: `step-${step.id}`, lastResult });
  return (
    <li className={`rounded border p-3 ${step.archived ? "opacity-60" : ""}`}>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="grid gap-2 sm:grid-cols-5 sm:items-end">
        <input type="hidden" name="stepId" value={step.id} />
        <StepFields prefix={`step-${step.id}`} values={step} errorOf={errorOf} />
        <div className="flex gap-2 sm:col-span-5">
          <Button type="submit" name="intent" value="update" variant="secondary">
            {t("action.save")}
          </Button>
          <Button type="submit" name="intent" value={step.archived ? "restore" : "archive"} variant="secondary">
            {step.archived ? t("programme.admin.restoreStep") : t("programme.admin.archiveStep")}
          </Button>
          {step.archived ? <span className="self-center text-sm">{t("programme.admin.archived")}</span> : null}
        </div>
      </Form>
    </li>
  );
}

function NewStepForm({ position }: { position: number }) {
  const t = useT();
  const answer = answerFor(useActionData(), "create");
  const { form, errorOf } = useSubmissionForm(createStepForm, { id: "new-step", lastResult: answer?.result });
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-2 grid gap-2 sm:grid-cols-5 sm:items-end">
      <input type="hidden" name="intent" value="create" />
      <StepFields prefix="new-step" values={{ position }} errorOf={errorOf} />
      <div className="sm:col-span-5">
        <Button type="submit">{t("programme.admin.addStep")}</Button>
      </div>
    </Form>
  );
}

/** The programme's onboarding steps: each editable, archivable, and a form to add one. A refusal's message shows above the forms (`ActionNotice`), its field errors on the form sent. */
export function StepsSection({ steps }: { steps: ConfiguredStep[] }) {
  const t = useT();
  return (
    <Card aria-labelledby="steps-heading" as="section" className="mt-6">
      <h2 id="steps-heading" className="text-lg font-semibold">
        {t("programme.admin.configureSteps")}
      </h2>
      <ActionNotice intent="update" />
      <ActionNotice intent="archive" />
      <ActionNotice intent="restore" />
      <ul className="mt-3 space-y-3">
        {steps.map((step) => (
          <StepEditor key={step.id} step={step} />
        ))}
      </ul>
      <h3 className="mt-4 font-semibold">{t("programme.admin.addStep")}</h3>
      <ActionNotice intent="create" />
      <NewStepForm position={steps.length} />
    </Card>
  );
}
