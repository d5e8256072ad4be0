import { Form, useActionData } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import type { z } from "zod";
import { answerFor } from "~/components/forms/answerFor";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { Section } from "./controls";

/** The form that removes one row: its intent, the hidden field naming the row, and the button's label. */
export type RowRemoval = { intent: string; name: string; value: string; label: string };

type AddForm = { id: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void };

/**
 * A list's add form (validated by its schema) and what the action refused to its remove buttons, each from
 * its own answer so no list shows another form's errors.
 */
export function useListForm<Schema extends z.ZodTypeAny>(schema: Schema, addIntent: string, removeIntent: string) {
  const actionData = useActionData();
  const { form, errorOf, formErrors } = useSubmissionForm(schema, { id: addIntent, lastResult: answerFor(actionData, addIntent)?.result });
  const refused = Object.values(answerFor(actionData, removeIntent)?.result?.error ?? {}).flatMap((messages) => messages ?? []);
  return { form, errorOf, errors: [...formErrors, ...refused] };
}

/**
 * A settings list: one line per row with its remove button, then the form that adds a row. Categories,
 * firm quotas, questions and invite codes are all edited this way.
 */
export function ManagedList<Row>({
  title,
  rows,
  rowKey,
  describe,
  rowClassName,
  removal,
  addIntent,
  addLabel,
  form,
  errors,
  formClassName,
  children,
}: {
  title: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  describe: (row: Row) => ReactNode;
  rowClassName?: (row: Row) => string;
  removal: (row: Row) => RowRemoval | null;
  addIntent: string;
  addLabel?: string;
  form: AddForm;
  errors: string[];
  formClassName: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Section title={title}>
      <FormErrors messages={errors} />
      <ul className="mb-3 text-sm">
        {rows.map((row) => {
          const remove = removal(row);
          return (
            <li key={rowKey(row)} className="flex items-center justify-between border-b py-1">
              <span className={rowClassName?.(row)}>{describe(row)}</span>
              {remove ? (
                <Form method="post">
                  <input type="hidden" name="intent" value={remove.intent} />
                  <input type="hidden" name={remove.name} value={remove.value} />
                  <button type="submit" className="btn-danger px-2 py-1 text-xs">
                    {remove.label}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className={formClassName}>
        <input type="hidden" name="intent" value={addIntent} />
        {children}
        <button type="submit" className="btn sm:w-max">
          {addLabel ?? t("action.save")}
        </button>
      </Form>
    </Section>
  );
}
