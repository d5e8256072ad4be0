import type { SubmissionResult } from "@conform-to/react";

/** The errors of a form the server refused (already in the reader's language): by field, and for the form. */
export function replyErrors(result: SubmissionResult<string[]> | null | undefined) {
  const errors = result?.error ?? {};
  return {
    errorOf: (name: string) => errors[name]?.[0] ?? undefined,
    formErrors: errors[""] ?? [],
  };
}
