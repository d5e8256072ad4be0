import type { TokenRole } from "~/generated/prisma/client";
import { groupedWrite, prisma, rawSql, sqlDate } from "~/utils/db.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { audit } from "./audit.server";

export class TokenError extends Error {
  constructor(readonly code: "unknown_event" | "unknown_token" | "ambiguous_token", message: string) {
    super(message);
  }
}

const tokenPrefix = "evt_";

/**
 * Creates a token scoped to one event (by slug from the CLI, by id from the back office) and one role.
 * The token is returned once and stored only hashed.
 */
export async function createApiToken({
  eventSlug,
  eventId,
  role,
  name,
  actorUserId,
}: { eventSlug?: string; eventId?: string; role: TokenRole; name?: string; actorUserId?: string }) {
  const db = await prisma();
  const event = eventId
    ? await db.event.findUnique({ where: { id: eventId } })
    : eventSlug
      ? await db.event.findUnique({ where: { slug: eventSlug } })
      : null;
  if (!event) throw new TokenError("unknown_event", `No event with ${eventId ? `id ${eventId}` : `slug ${eventSlug}`}`);
  const token = tokenPrefix + randomSecret(24);
  const record = await db.apiToken.create({
    data: {
      name: name?.trim() || `${role.toLowerCase()} ${new Date().toISOString().slice(0, 10)}`,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, tokenPrefix.length + 6),
      eventId: event.id,
      role,
      createdById: actorUserId ?? null,
    },
  });
  await audit({ action: "token.created", actorUserId, targetType: "api_token", targetId: record.id, eventId: event.id, details: { role, name: record.name } });
  return { token, record };
}

export async function listApiTokens({ eventSlug, eventId }: { eventSlug?: string; eventId?: string } = {}) {
  const db = await prisma();
  return db.apiToken.findMany({
    where: eventId ? { eventId } : eventSlug ? { event: { slug: eventSlug } } : {},
    include: { event: { select: { slug: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Revokes by id or by the listed prefix. `eventId` limits the search to one event (the back office passes
 * the event of the page, so a token id of another event is "unknown" there: no IDOR).
 */
export async function revokeApiToken({ id, eventId, actorUserId }: { id: string; eventId?: string; actorUserId?: string }) {
  const db = await prisma();
  const matches = await db.apiToken.findMany({ where: { OR: [{ id }, { prefix: id }], ...(eventId ? { eventId } : {}) }, take: 2 });
  if (matches.length === 0) throw new TokenError("unknown_token", `No token with id or prefix ${id}`);
  if (matches.length > 1) throw new TokenError("ambiguous_token", `Several tokens start with ${id}; use the id`);
  const [token] = matches;
  if (token.revokedAt) return token;
  const revoked = await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  await audit({ action: "token.revoked", actorUserId, targetType: "api_token", targetId: token.id, eventId: token.eventId });
  return revoked;
}

export type TokenPrincipal = { tokenId: string; eventId: string; role: TokenRole };

/**
 * The live token in `Authorization: Bearer …` (SHA-256 of it matches, not revoked), or null: the one token
 * check of every bearer-token API (check-in scan and batch, stats, search, offline index). One prepared
 * statement, cheap enough for the scan hot path (DESIGN.md §6: ≥ 1,000 scans/s). Callers still check that
 * the token may act on the event (`tokenMayAct`).
 */
export async function tokenFromRequest(request: Request): Promise<TokenPrincipal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "");
  if (!match) return null;
  const row = (await rawSql()).get<{ id: string; eventId: string; role: TokenRole; revokedAt: string | null }>(
    "SELECT id, eventId, role, revokedAt FROM ApiToken WHERE tokenHash = ?",
    hashSecret(match[1]),
  );
  if (!row || row.revokedAt) return null;
  await recordUse(row.id);
  return { tokenId: row.id, eventId: row.eventId, role: row.role };
}

// When each token's lastUsedAt was last written by this process: a token in use at a door is written
// once a minute, not once per scan.
const lastUseWrites = new Map<string, number>();
const lastUseEveryMs = 60_000;

async function recordUse(tokenId: string, now = Date.now()) {
  const written = lastUseWrites.get(tokenId);
  if (written !== undefined && now - written < lastUseEveryMs) return;
  if (lastUseWrites.size > 10_000) lastUseWrites.clear();
  lastUseWrites.set(tokenId, now);
  try {
    await groupedWrite((sql) => sql.run("UPDATE ApiToken SET lastUsedAt = ? WHERE id = ?", sqlDate(new Date(now)), tokenId));
  } catch (error) {
    // A note for the token list, never a reason to refuse the request; the next use tries again.
    lastUseWrites.delete(tokenId);
    console.error("Could not record a token's last use:", error);
  }
}
