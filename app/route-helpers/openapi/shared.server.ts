import { extendZodWithOpenApi, type OpenAPIRegistry, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodTypeAny } from "zod";
import { apiErrorSchema } from "~/schemas/api-common";
import type { ApiErrorBody } from "~/utils/http.server";

/**
 * What every area of the OpenAPI document shares: the `Error` component (the one error shape of `/api/*`),
 * the bearer token scheme, and small builders for JSON answers and the `:slug` parameter.
 */
extendZodWithOpenApi(z);

// The document describes the body the server really sends: a change to either side fails to compile.
const sameErrorShape: [z.infer<typeof apiErrorSchema>, ApiErrorBody] extends [ApiErrorBody, z.infer<typeof apiErrorSchema>] ? true : never = true;
void sameErrorShape;

export const bearerAuth = "bearerAuth";

const errorSchema = apiErrorSchema.openapi("Error");

export function registerShared(registry: OpenAPIRegistry) {
  registry.register("Error", errorSchema);
  registry.registerComponent("securitySchemes", bearerAuth, {
    type: "http",
    scheme: "bearer",
    description: "An API token scoped to one event and role, created by organizers or with `npm run admin -- create-token`. A signed-in staff session is accepted too.",
  });
}

export const slugParams = z.object({ slug: z.string().openapi({ description: "The event's slug", example: "shanghai-finance-2026" }) });

export function json(description: string, schema: ZodTypeAny, example?: unknown): ResponseConfig {
  return { description, content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } } };
}

const errorExamples: Record<number, { description: string; code: string; message: string; fields?: Record<string, string> }> = {
  400: { description: "Malformed request", code: "bad_request", message: "The request could not be read." },
  401: { description: "No valid token or session", code: "unauthorized", message: "Sign in or send a valid token." },
  403: { description: "The token or user may not act on this event", code: "forbidden", message: "You do not have access to this." },
  404: { description: "Unknown event", code: "not_found", message: "Event not found." },
  405: { description: "Wrong method", code: "method_not_allowed", message: "Use POST." },
  409: { description: "Conflicts with the current state", code: "closed", message: "Registration for this event is closed." },
  413: { description: "Body too large", code: "too_large", message: "The request body is too large." },
  422: { description: "Invalid input, every field at once", code: "invalid_input", message: "Please fix the highlighted fields.", fields: { email: "Enter a valid e-mail address." } },
  429: { description: "Rate limited (see Retry-After)", code: "rate_limited", message: "Too many requests. Try again later." },
};

/** Error answers by status, each the `Error` component; `overrides` names a status's own codes. */
export function errors(statuses: number[], overrides: Record<number, { description?: string; code?: string; message?: string; fields?: Record<string, string> }> = {}) {
  return Object.fromEntries(
    statuses.map((status) => {
      const { description, code, message, fields } = { ...errorExamples[status], ...overrides[status] };
      return [String(status), json(description, errorSchema, { error: { code, message, ...(fields ? { fields } : {}) } })];
    }),
  );
}
