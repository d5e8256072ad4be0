import type { TokenRole } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { audit } from "./audit.server";

export class TokenError extends Error {
  constructor(readonly code: "unknown_event" | "unknown_token", message: string) {
    super(message);
  }
}

const tokenPrefix = "evt_";

/** Creates a token scoped to one event and one role. The token is returned once and stored only hashed. */
export async function createApiToken({ eventSlug, role, name, actorUserId }: { eventSlug: string; role: TokenRole; name?: string; actorUserId?: string }) {
  const db = await prisma();
  const event = await db.event.findUnique({ where: { slug: eventSlug } });
  if (!event) throw new TokenError("unknown_event", `No event with slug ${eventSlug}`);
  const token = tokenPrefix + randomSecret(24);
  const record = await db.apiToken.create({
    data: {
      name: name ?? `${role.toLowerCase()} ${new Date().toISOString().slice(0, 10)}`,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, tokenPrefix.length + 6),
      eventId: event.id,
      role,
      createdById: actorUserId ?? null,
    },
  });
  await audit({ action: "token.created", actorUserId, targetType: "api_token", targetId: record.id, eventId: event.id, details: { role } });
  return { token, record };
}

export async function listApiTokens({ eventSlug }: { eventSlug?: string } = {}) {
  const db = await prisma();
  return db.apiToken.findMany({
    where: eventSlug ? { event: { slug: eventSlug } } : {},
    include: { event: { select: { slug: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken({ id, actorUserId }: { id: string; actorUserId?: string }) {
  const db = await prisma();
  const token = await db.apiToken.findFirst({ where: { OR: [{ id }, { prefix: id }] } });
  if (!token) throw new TokenError("unknown_token", `No token with id or prefix ${id}`);
  await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: token.revokedAt ?? new Date() } });
  await audit({ action: "token.revoked", actorUserId, targetType: "api_token", targetId: token.id, eventId: token.eventId });
  return token;
}

export type TokenPrincipal = { tokenId: string; eventId: string; role: TokenRole };

/** The live token in `Authorization: Bearer …`, or null. Callers still check it matches the event. */
export async function tokenFromRequest(request: Request): Promise<TokenPrincipal | null> {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return null;
  const db = await prisma();
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(match[1]) } });
  if (!token || token.revokedAt) return null;
  return { tokenId: token.id, eventId: token.eventId, role: token.role };
}
