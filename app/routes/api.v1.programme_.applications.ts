import type { ActionFunctionArgs } from "@remix-run/node";
import { applicationInputSchema, issueText } from "~/schemas/application";
import { applyRateLimit, submitApplication } from "~/models/application.server";
import { apiError, clientAddress, readJson } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { apiRouteErrors } from "~/route-helpers/programme-route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

/**
 * `POST /api/v1/programme/applications`: the application form as JSON, validated by the same schema.
 * 201 created or linked to an earlier application with the same credit code; 200 when the same firm and
 * contact already have an open application (nothing new is stored).
 */
export async function action({ request }: ActionFunctionArgs) {
  return apiRouteErrors(request, async () => {
    const { t, locale } = requestTranslator(request);
    if (request.method !== "POST") return apiError(405, "method_not_allowed", t("validation.invalid"));
    const limit = hitRateLimit(`programme-apply:${clientAddress(request)}`, applyRateLimit.limit, applyRateLimit.windowMs);
    if (!limit.allowed) {
      return apiError(429, "rate_limited", t("programme.apply.rateLimited", { seconds: limit.retryAfterSeconds }), { headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    }
    const body = await readJson(request);
    const parsed = applicationInputSchema.safeParse(body);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issueText(issue.message, t as never);
      return apiError(422, "invalid_input", t("form.fixErrors"), { fields });
    }
    if (parsed.data.nickname) return apiError(422, "invalid_input", t("programme.validation.honeypot"));
    const { outcome, application } = await submitApplication({ input: parsed.data, locale });
    return Response.json(
      { application: { id: application.id, status: application.status.toLowerCase(), outcome, duplicateOf: application.duplicateOfId } },
      { status: outcome === "repeat" ? 200 : 201 },
    );
  });
}

export async function loader() {
  return Response.json({ error: { code: "method_not_allowed", message: "POST only" } }, { status: 405 });
}
