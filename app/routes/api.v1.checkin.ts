import { authenticateCheckIn, authorizeForEvent, checkInRateLimited, readScanBody } from "~/route-helpers/checkin-access.server";
import { normalizeTicketCode } from "~/utils/ticket-code";
import { resolveScanTarget, scanRequestSchema, scanTicket, scanTimeProblem } from "~/models/checkin-scan.server";
import { apiErrorReply, HttpError, jsonReply } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";

/**
 * POST /api/v1/checkin (DESIGN.md §5). The event is the one of `list`, else of the `event` slug, else of
 * the bearer token. 200 carries the decision (`result`); 4xx are requests that could not be decided.
 */
export const action = jsonEndpoint(async ({ request }) => {
  if (request.method !== "POST") return apiErrorReply(405, "method_not_allowed", "POST");
  const refused = checkInRateLimited(request);
  if (refused) return refused;
  const principal = await authenticateCheckIn(request);
  const body = await readScanBody(request, scanRequestSchema, 8 * 1024);
  const target = await resolveScanTarget({
    list: body.list,
    event: body.event,
    fallbackEventId: principal.tokenEventId ?? undefined,
  });
  const allowed = await authorizeForEvent(principal, target.eventId);
  const scannedAt = body.scannedAt ?? new Date();
  const problem = scanTimeProblem(scannedAt);
  if (problem) throw new HttpError(problem.status, problem.code, problem.messageKey);
  const outcome = await scanTicket({
    ...target,
    code: body.code ? normalizeTicketCode(body.code) : undefined,
    registrationId: body.registrationId,
    direction: body.direction,
    nonce: body.nonce,
    scannedAt,
    deviceId: body.deviceId,
    staffUserId: allowed.staffUserId,
    apiTokenId: allowed.apiTokenId,
    offline: body.offline,
  });
  if (!outcome.ok) return apiErrorReply(outcome.status, outcome.code, requestTranslator(request).t(outcome.messageKey));
  return jsonReply(outcome.answer);
});
