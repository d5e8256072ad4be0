import type { TokenRole } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { audit } from "~/models/audit.server";
import { DomainError } from "~/utils/domain-error";

/** What the token model refuses: not found for the back office, and its English `message` for the admin CLI. */
export class TokenError extends DomainError {
  override readonly message: string;

  constructor(
    override readonly code: "unknown_event" | "unknown_token" | "ambiguous_token",
    message: string,
  ) {
    super("not_found", code, code === "unknown_event" ? "event.notFound" : "admin.eventAccess.unknownToken");
    this.message = message;
  }
}

const tokenPrefix = "evt_";

/**
 * Creates a token scoped to one event (by slug from the CLI, by id from the back office) and one role.
 * The token is returned once and stored only hashed.
 */
export async function createApiToken({ eventSlug, eventId, role, name, actorUserId }: { eventSlug?: string; eventId?: string; role: TokenRole; name?: string; actorUserId?: string }) {
  const db = await prisma();
  const event = eventId ? await db.event.findUnique({ where: { id: eventId } }) : eventSlug ? await db.event.findUnique({ where: { slug: eventSlug } }) : null;
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
