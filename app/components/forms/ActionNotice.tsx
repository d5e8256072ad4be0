import { useActionData } from "@remix-run/react";
import { Flash } from "~/components/ui/Toast";
import { answerFor } from "./answerFor";
import { FormErrors } from "./FormErrors";

/**
 * The answer to the form with this intent, next to that form: its notice, or why it was refused. A refusal
 * already said on its field (a taken e-mail) is not repeated above the form.
 */
export function ActionNotice({ intent }: { intent: string }) {
  const answer = answerFor(useActionData(), intent);
  if (answer && !answer.notice) {
    const { "": general = [], ...onFields } = answer.result?.error ?? {};
    const said = new Set(Object.values(onFields).flat());
    return <FormErrors messages={(general ?? []).filter((message) => !said.has(message))} />;
  }
  return <Flash message={answer?.notice} className="mb-3" />;
}
