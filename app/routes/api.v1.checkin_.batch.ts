import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateCheckIn, authorizeForEvent, checkInApi, readScanJson } from "~/models/checkin-access.server";
import { batchRequestSchema, reconcileScans, resolveScanTarget } from "~/models/checkin.server";
import { apiError, clientAddress, fieldErrors, HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

// Generous for a door full of scanners behind one address (20 requests/s), tight for scripted guessing.
const checkInRateLimit = { limit: 1200, windowMs: 60_000 };

/**
 * POST /api/v1/checkin/batch: one device uploads its offline queue (≤ 500 scans). Each scan gets its own
 * answer or error, in the order sent; the server applies them in scan-time order.
 */
export async function action({ request }: ActionFunctionArgs) {
  return checkInApi(request, async () => {
    if (request.method !== "POST") return apiError(405, "method_not_allowed", "POST");
    const limit = hitRateLimit(`checkin:${clientAddress(request)}`, checkInRateLimit.limit, checkInRateLimit.windowMs);
    if (!limit.allowed) {
      return apiError(429, "rate_limited", requestTranslator(request).t("error.tooManyRequests"), { headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    }
    const principal = await authenticateCheckIn(request);
    const parsed = batchRequestSchema.safeParse(await readScanJson(request, 512 * 1024));
    if (!parsed.success) {
      throw new HttpError(422, "invalid_input", "checkin.error.invalidInput", undefined, fieldErrors(parsed.error));
    }
    const body = parsed.data;
    const target = await resolveScanTarget({ list: body.list, event: body.event, fallbackEventId: principal.tokenEventId ?? undefined });
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
    return Response.json({
      results: outcomes.map((outcome) =>
        outcome.ok
          ? { nonce: outcome.nonce, ...outcome.answer }
          : { nonce: outcome.nonce, error: { status: outcome.status, code: outcome.code, message: t(outcome.messageKey) } },
      ),
    });
  });
}

export function loader() {
  return apiError(405, "method_not_allowed", "POST");
}
