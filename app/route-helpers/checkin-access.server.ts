import type { ZodType, ZodTypeDef } from "zod";
import { apiErrorReply, clientAddress, fieldErrors, HttpError, readJson, type JsonReply } from "~/utils/http.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { canCheckIn, requireEventToken, tokenMayAct } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { sessionUser } from "~/auth/session.server";
import { tokenFromRequest, type TokenPrincipal } from "~/auth/bearer-token.server";
import { getCheckInEventBySlug, getEventScope } from "~/models/event.server";

/**
 * Who is scanning, for the check-in API: a bearer token (scoped to one event) or a signed-in staff
 * session. Either is checked against the event the scan is for (DESIGN.md §4 invariant 7): a token or
 * role for event A is useless for event B (403); no or a revoked token, or no session, is 401.
 */
export type CheckInPrincipal = { staffUserId: string | null; apiTokenId: string | null; tokenEventId: string | null };

const unauthorized = () => new HttpError(401, "unauthorized", "error.unauthorized");
const forbidden = () => new HttpError(403, "forbidden", "error.forbidden.body");

/** Authenticates without an event yet: a token carries its event, a session is checked by `authorizeForEvent`. */
export async function authenticateCheckIn(request: Request): Promise<CheckInPrincipal & { token?: TokenPrincipal; user?: Awaited<ReturnType<typeof sessionUser>> }> {
  if (request.headers.has("Authorization")) {
    const token = await tokenFromRequest(request);
    if (!token) throw unauthorized();
    return { staffUserId: null, apiTokenId: token.tokenId, tokenEventId: token.eventId, token };
  }
  const user = await sessionUser(request);
  if (!user) throw unauthorized();
  return { staffUserId: user.id, apiTokenId: null, tokenEventId: null, user };
}

export async function authorizeForEvent(principal: Awaited<ReturnType<typeof authenticateCheckIn>>, eventId: string): Promise<CheckInPrincipal> {
  if (principal.token) {
    if (!tokenMayAct(principal.token, eventId, "CHECKIN")) throw forbidden();
    return principal;
  }
  const user = principal.user;
  if (!user) throw unauthorized();
  const event = await getEventScope(eventId);
  if (!event || !canCheckIn(user, event)) throw forbidden();
  return { staffUserId: user.id, apiTokenId: null, tokenEventId: null };
}

/** For the GET endpoints addressed by slug: 404 for an unknown slug, then the same scope rules. */
export async function requireCheckInAccess(
  request: Request,
  slug: string,
): Promise<{ principal: CheckInPrincipal; event: { id: string; slug: string; title: string; titleEn: string; timeZone: string } }> {
  const event = await getCheckInEventBySlug(slug);
  if (request.headers.has("Authorization")) {
    if (!event) throw new HttpError(404, "unknown_event", "checkin.error.unknownEvent");
    const token = await requireEventToken(request, event.id, "CHECKIN");
    return { principal: { staffUserId: null, apiTokenId: token.tokenId, tokenEventId: token.eventId }, event };
  }
  const principal = await authenticateCheckIn(request);
  if (!event) throw new HttpError(404, "unknown_event", "checkin.error.unknownEvent");
  return { principal: await authorizeForEvent(principal, event.id), event };
}

// Generous for a door full of scanners behind one address (20 requests/s), tight for scripted guessing.
const checkInRateLimit = { limit: 1200, windowMs: 60_000 };

/** The 429 for an address over the check-in rate limit, or null. */
export function checkInRateLimited(request: Request): JsonReply | null {
  const limit = hitRateLimit(`checkin:${clientAddress(request)}`, checkInRateLimit.limit, checkInRateLimit.windowMs);
  if (limit.allowed) return null;
  return apiErrorReply(429, "rate_limited", requestTranslator(request).t("error.tooManyRequests"), {
    headers: { "Retry-After": String(limit.retryAfterSeconds) },
  });
}

/** A scan request's JSON body (size-limited) checked against its schema; 422 with field errors otherwise. */
export async function readScanBody<T>(request: Request, schema: ZodType<T, ZodTypeDef, unknown>, limit: number): Promise<T> {
  const parsed = schema.safeParse(await readJson(request, limit));
  if (!parsed.success) throw new HttpError(422, "invalid_input", "checkin.error.invalidInput", undefined, fieldErrors(parsed.error));
  return parsed.data;
}
