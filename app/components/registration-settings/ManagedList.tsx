import { Form, useActionData } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import type { z } from "zod";
import { answerFor } from "~/components/forms/answerFor";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useT } from "~/i18n/react";
import { Section } from "./controls";
import { Button } from "~/components/ui/Button";

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
 * The form that changes one existing row, folded under the row and pre-filled: it opens by itself when the
 * action refused it, with each message at its field. `children` gets the field's error and an id per field.
 */
export function RowEditor<Schema extends z.ZodTypeAny>({
  schema,
  intent,
  keyName,
  keyValue,
  note,
  className,
  children,
}: {
  schema: Schema;
  intent: string;
  keyName: string;
  keyValue: string;
  note?: string;
  className: string;
  children: (field: { errorOf: (name: string) => string | undefined; idOf: (name: string) => string }) => ReactNode;
}) {
  const t = useT();
  const answer = answerFor(useActionData(), intent);
  const refused = answer?.result?.initialValue?.[keyName] === keyValue ? answer.result : undefined;
  const id = `${intent}-${keyValue}`.replace(/[^a-zA-Z0-9-]/g, "");
  const { form, errorOf, formErrors } = useSubmissionForm(schema, { id, lastResult: refused });
  const idOf = (name: string) => `${id}-${name}`;
  return (
    <details className="mt-1 w-full" open={refused?.error ? true : undefined}>
      <summary className="cursor-pointer text-sm text-brand-700 underline">{t("action.edit")}</summary>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className={`mt-2 rounded border border-line p-3 ${className}`}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={keyName} value={keyValue} />
        {note ? <p className="text-xs text-muted sm:col-span-full">{note}</p> : null}
        <div className="sm:col-span-full">
          <FormErrors messages={formErrors} />
        </div>
        {children({ errorOf, idOf })}
        <Button type="submit" className="sm:w-max">
          {t("action.save")}
        </Button>
      </Form>
    </details>
  );
}

/**
 * A settings list: one line per row with its edit form and remove button, then the form that adds a row.
 * Categories, firm quotas, questions and invite codes are all managed this way.
 */
export function ManagedList<Row>({
  title,
  rows,
  rowKey,
  describe,
  rowClassName,
  removal,
  edit,
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
  edit?: (row: Row) => ReactNode;
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
            <li key={rowKey(row)} className="border-b py-1">
              <div className="flex items-center justify-between gap-2">
                <span className={`min-w-0 break-words ${rowClassName?.(row) ?? ""}`}>{describe(row)}</span>
                {remove ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value={remove.intent} />
                    <input type="hidden" name={remove.name} value={remove.value} />
                    <Button type="submit" variant="danger" className="px-2 py-1 text-xs">
                      {remove.label}
                    </Button>
                  </Form>
                ) : null}
              </div>
              {edit?.(row)}
            </li>
          );
        })}
      </ul>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className={formClassName}>
        <input type="hidden" name="intent" value={addIntent} />
        {children}
        <Button type="submit" className="sm:w-max">
          {addLabel ?? t("action.save")}
        </Button>
      </Form>
    </Section>
  );
}
