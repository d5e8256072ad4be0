import { z } from "zod";

/**
 * The one error shape of every `/api/*` answer (`ApiErrorBody` in app/utils/http.server.ts): a stable
 * `code` for programs, a `message` in the reader's language, and per-field messages for invalid input.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
