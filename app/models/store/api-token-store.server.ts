import { kysely, prepare } from "./query.server";

/** The one token check of every bearer-token API: by the SHA-256 of the token (app/auth/bearer-token.server.ts). */
export const tokenByHash = prepare((args: { tokenHash: string }) => kysely.selectFrom("ApiToken").select(["id", "eventId", "role", "revokedAt"]).where("tokenHash", "=", args.tokenHash));

export const recordTokenUse = prepare((args: { id: string; at: string }) => kysely.updateTable("ApiToken").set({ lastUsedAt: args.at }).where("id", "=", args.id));
