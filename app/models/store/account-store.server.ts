import { kysely, prepare } from "./query.server";

/** Accounts created by invitation and their one-time set-password links (app/models/account-setup.server.ts). */

export const accountByEmail = prepare((args: { email: string }) => kysely.selectFrom("User").select(["id", "passwordHash"]).where("email", "=", args.email));

/** An account without a password yet: its owner sets one through the link whose hash is stored here. */
export const insertInvitedAccount = prepare((args: { id: string; email: string; name: string; locale: string; at: string; setupTokenHash: string; setupTokenExpiresAt: string }) =>
  kysely.insertInto("User").values({
    id: args.id,
    email: args.email,
    name: args.name,
    passwordHash: null,
    locale: args.locale,
    createdAt: args.at,
    updatedAt: args.at,
    setupTokenHash: args.setupTokenHash,
    setupTokenExpiresAt: args.setupTokenExpiresAt,
  }),
);

export const renewSetupLink = prepare((args: { id: string; setupTokenHash: string; setupTokenExpiresAt: string; at: string }) =>
  kysely.updateTable("User").set({ setupTokenHash: args.setupTokenHash, setupTokenExpiresAt: args.setupTokenExpiresAt, updatedAt: args.at }).where("id", "=", args.id),
);

/** Sets the password while the link is still the account's and unexpired; the link is used up with it. */
export const setPasswordByLink = prepare((args: { id: string; setupTokenHash: string; passwordHash: string; at: string }) =>
  kysely
    .updateTable("User")
    .set({ passwordHash: args.passwordHash, setupTokenHash: null, setupTokenExpiresAt: null, updatedAt: args.at })
    .where("id", "=", args.id)
    .where("setupTokenHash", "=", args.setupTokenHash)
    .where("setupTokenExpiresAt", ">", args.at),
);

export const endAllSessions = prepare((args: { userId: string }) => kysely.deleteFrom("AuthSession").where("userId", "=", args.userId));
