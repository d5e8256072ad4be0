import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { translateMessage } from "~/i18n";
import { useT } from "~/i18n/react";

type Options<Schema extends z.ZodTypeAny> = {
  /** The action's answer (`handleSubmission`); only the answer to this form when a page has several. */
  lastResult?: SubmissionResult<string[]> | null;
  id?: string;
  defaultValue?: Partial<z.input<Schema>>;
};

/**
 * A form validated by the same Zod schema in the browser (on blur, then as the user types) and on the server
 * (`handleSubmission`). `errorOf(name)` is the field's message in the reader's language, whether the browser
 * or the server found it; `formErrors` are the messages that belong to no one field.
 */
export function useSubmissionForm<Schema extends z.ZodTypeAny>(schema: Schema, { lastResult, id, defaultValue }: Options<Schema> = {}) {
  const t = useT();
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errorOf = (name: string) => {
    const message = form.allErrors[name]?.[0];
    return message ? translateMessage(message, t) : undefined;
  };
  const formErrors = (form.errors ?? []).map((message) => translateMessage(message, t));
  return { form, fields, errorOf, formErrors };
}
