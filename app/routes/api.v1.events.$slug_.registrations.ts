import { getPublishedEventBySlug } from "~/models/event.server";
import { registrationInputSchema } from "~/schemas/registration";
import { submitRegistration } from "~/models/registration-write.server";
import { apiErrorReply, clientAddress, fieldErrors, HttpError, jsonReply, readJson } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";
import { signedInContactFirmIds } from "~/auth/permissions.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { translateFields } from "~/i18n";

/** POST /api/v1/events/:slug/registrations (DESIGN.md §5). */
export const action = jsonEndpoint(async ({ request, params }) => {
  const { locale, t } = requestTranslator(request);
  if (request.method !== "POST") return apiErrorReply(405, "method_not_allowed", t("error.badRequest.title"), { headers: { Allow: "POST" } });
  const limit = hitRateLimit(`registration:${clientAddress(request)}`, 60, 60_000);
  if (!limit.allowed) {
    return apiErrorReply(429, "rate_limited", t("error.tooManyRequests"), { headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  const body = await readJson(request);
  const parsed = registrationInputSchema.safeParse(body);
  if (!parsed.success) {
    // An unknown event is a 404 whatever the body says.
    if (!(await getPublishedEventBySlug(params.slug ?? ""))) throw new HttpError(404, "not_found", "registration.error.notFound");
    return apiErrorReply(422, "invalid_input", t("form.fixErrors"), { fields: translateFields(fieldErrors(parsed.error), t) });
  }
  const idempotencyKey = request.headers.get("Idempotency-Key");
  if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
    return apiErrorReply(400, "invalid_idempotency_key", t("validation.invalid"));
  }
  const contactFirmIds = await signedInContactFirmIds(request);
  const answer = await submitRegistration({ slug: params.slug ?? "", input: parsed.data, idempotencyKey, locale: parsed.data.locale ?? locale, contactFirmIds });
  // 202 whatever the existing registration's state: the same answer for everybody, so it reveals nothing.
  if (answer.httpStatus === 202) return jsonReply({ ...answer.body, message: t("registration.result.resent.body") }, 202);
  if (answer.body.registration.status === "held") return jsonReply({ ...answer.body, message: t("registration.result.held.body") }, 201);
  return jsonReply(answer.body, answer.httpStatus);
});
