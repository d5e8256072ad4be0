import { kysely, prepare } from "./query.server";

/** Sign-in attempts, counted per account for the lockout (app/auth/login.server.ts). */

export const failuresSince = prepare((args: { email: string; since: string }) =>
  kysely
    .selectFrom("LoginAttempt")
    .select((eb) => eb.fn.countAll<number>().as("failures"))
    .where("email", "=", args.email)
    .where("ok", "=", 0)
    .where("at", ">=", args.since),
);

/** An attempt is recorded as a failure before the password is checked, and turned into a success after. */
export const insertFailedAttempt = prepare((args: { id: string; userId: string | null; email: string; ip: string; at: string }) =>
  kysely.insertInto("LoginAttempt").values({ id: args.id, userId: args.userId, email: args.email, ip: args.ip, ok: 0, at: args.at }),
);
