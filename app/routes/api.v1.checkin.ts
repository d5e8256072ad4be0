import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateCheckIn, authorizeForEvent, checkInApi, readScanJson } from "~/models/checkin-access.server";
import { normalizeCode, resolveScanTarget, scanRequestSchema, scanTicket, scanTimeProblem } from "~/models/checkin.server";
import { apiError, clientAddress, fieldErrors, HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

// Generous for a door full of scanners behind one address (20 requests/s), tight for scripted guessing.
const checkInRateLimit = { limit: 1200, windowMs: 60_000 };

/**
 * POST /api/v1/checkin (DESIGN.md §5). The event is the one of `list`, else of the `event` slug, else of
 * the bearer token. 200 carries the decision (`result`); 4xx are requests that could not be decided.
 */
export async function action({ request }: ActionFunctionArgs) {
  return checkInApi(request, async () => {
    if (request.method !== "POST") return apiError(405, "method_not_allowed", "POST");
    const limit = hitRateLimit(`checkin:${clientAddress(request)}`, checkInRateLimit.limit, checkInRateLimit.windowMs);
    if (!limit.allowed) {
      return apiError(429, "rate_limited", requestTranslator(request).t("error.tooManyRequests"), { headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    }
    const principal = await authenticateCheckIn(request);
    const parsed = scanRequestSchema.safeParse(await readScanJson(request, 8 * 1024));
    if (!parsed.success) {
      throw new HttpError(422, "invalid_input", "checkin.error.invalidInput", undefined, fieldErrors(parsed.error));
    }
    const body = parsed.data;
    const target = await resolveScanTarget({ list: body.list, event: body.event, fallbackEventId: principal.tokenEventId ?? undefined });
    const allowed = await authorizeForEvent(principal, target.eventId);
    const scannedAt = body.scannedAt ?? new Date();
    const problem = scanTimeProblem(scannedAt);
    if (problem) throw new HttpError(problem.status, problem.code, problem.messageKey);
    const outcome = await scanTicket({
      ...target,
      code: body.code ? normalizeCode(body.code) : undefined,
      registrationId: body.registrationId,
      direction: body.direction,
      nonce: body.nonce,
      scannedAt,
      deviceId: body.deviceId,
      staffUserId: allowed.staffUserId,
      apiTokenId: allowed.apiTokenId,
      offline: body.offline,
    });
    if (!outcome.ok) return apiError(outcome.status, outcome.code, requestTranslator(request).t(outcome.messageKey));
    return Response.json(outcome.answer);
  });
}

export function loader() {
  return apiError(405, "method_not_allowed", "POST");
}
