import { applicationAcceptedSchema, type ApplicationAccepted } from "~/schemas/api-programme";
import { applicationInputSchema, issueText } from "~/schemas/application";
import { applyRateLimit, submitApplication } from "~/models/application.server";
import { apiErrorReply, clientAddress, jsonReply, readJson } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

/**
 * `POST /api/v1/programme/applications`: the application form as JSON, validated by the same schema.
 * 201 created or linked to an earlier application with the same credit code; 200 when the same firm and
 * contact already have an open application (nothing new is stored).
 */
export const action = jsonEndpoint(async ({ request }) => {
  const { t, locale } = requestTranslator(request);
  if (request.method !== "POST") return apiErrorReply(405, "method_not_allowed", t("validation.invalid"));
  const limit = hitRateLimit(`programme-apply:${clientAddress(request)}`, applyRateLimit.limit, applyRateLimit.windowMs);
  if (!limit.allowed) {
    return apiErrorReply(429, "rate_limited", t("programme.apply.rateLimited", { seconds: limit.retryAfterSeconds }), { headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  const parsed = applicationInputSchema.safeParse(await readJson(request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issueText(issue.message, t as never);
    return apiErrorReply(422, "invalid_input", t("form.fixErrors"), { fields });
  }
  if (parsed.data.nickname) return apiErrorReply(422, "invalid_input", t("programme.validation.honeypot"));
  const { outcome, application } = await submitApplication({ input: parsed.data, locale });
  const answer: ApplicationAccepted = {
    application: { id: application.id, status: applicationAcceptedSchema.shape.application.shape.status.parse(application.status.toLowerCase()), outcome, duplicateOf: application.duplicateOfId },
  };
  return jsonReply(answer, outcome === "repeat" ? 200 : 201);
});
