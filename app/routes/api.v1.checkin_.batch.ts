import { authenticateCheckIn, authorizeForEvent, checkInRateLimited, readScanBody } from "~/route-helpers/checkin-access.server";
import { batchRequestSchema, reconcileScans, resolveScanTarget } from "~/models/checkin-scan.server";
import { apiErrorReply, jsonReply } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { jsonEndpoint } from "~/utils/route.server";

/**
 * POST /api/v1/checkin/batch: one device uploads its offline queue (≤ 500 scans). Each scan gets its own
 * answer or error, in the order sent; the server applies them in scan-time order.
 */
export const action = jsonEndpoint(async ({ request }) => {
  if (request.method !== "POST") return apiErrorReply(405, "method_not_allowed", "POST");
  const refused = checkInRateLimited(request);
  if (refused) return refused;
  const principal = await authenticateCheckIn(request);
  const body = await readScanBody(request, batchRequestSchema, 512 * 1024);
  const target = await resolveScanTarget({
    list: body.list,
    event: body.event,
    fallbackEventId: principal.tokenEventId ?? undefined,
  });
  const allowed = await authorizeForEvent(principal, target.eventId);
  const outcomes = await reconcileScans(target, body.scans, {
    deviceId: body.deviceId,
    staffUserId: allowed.staffUserId,
    apiTokenId: allowed.apiTokenId,
    listFor: async (list) => {
      const resolved = await resolveScanTarget({ list });
      if (resolved.eventId !== target.eventId) throw new Error("list of another event");
      return resolved.listId;
    },
  });
  const { t } = requestTranslator(request);
  return jsonReply({
    results: outcomes.map((outcome) =>
      outcome.ok
        ? { nonce: outcome.nonce, ...outcome.answer }
        : {
            nonce: outcome.nonce,
            error: {
              status: outcome.status,
              code: outcome.code,
              message: t(outcome.messageKey),
            },
          },
    ),
  });
});
