import type { TokenRole } from "~/generated/prisma/client";
import { recordTokenUse, tokenByHash } from "~/models/store/api-token-store.server";
import { groupedWrite, rawSql, sqlDate } from "~/models/store/connection.server";
import { hashSecret } from "~/utils/secrets.server";

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
  const row = tokenByHash.get(await rawSql(), { tokenHash: hashSecret(match[1]) });
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
    await groupedWrite((sql) => recordTokenUse.run(sql, { id: tokenId, at: sqlDate(new Date(now)) }));
  } catch (error) {
    // A note for the token list, never a reason to refuse the request; the next use tries again.
    lastUseWrites.delete(tokenId);
    console.error("Could not record a token's last use:", error);
  }
}
