import { kysely, prepare } from "./query.server";

/** The first answer to an Idempotency-Key, while it has not expired (created after `cutoff`). */
export const idempotencyRecord = prepare((args: { key: string; cutoff: string }) =>
  kysely.selectFrom("IdempotencyRecord").select(["status", "body", "scope"]).where("key", "=", args.key).where("createdAt", ">", args.cutoff),
);

// An expired record the cleanup job has not deleted yet is replaced.
export const recordIdempotentAnswer = prepare((args: { key: string; scope: string; status: number; body: string; createdAt: string }) =>
  kysely
    .insertInto("IdempotencyRecord")
    .values({ key: args.key, scope: args.scope, status: args.status, body: args.body, createdAt: args.createdAt })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet((eb) => ({
        scope: eb.ref("excluded.scope"),
        status: eb.ref("excluded.status"),
        body: eb.ref("excluded.body"),
        createdAt: eb.ref("excluded.createdAt"),
      })),
    ),
);

export const deleteIdempotencyRecordsBefore = prepare((args: { cutoff: string }) => kysely.deleteFrom("IdempotencyRecord").where("createdAt", "<=", args.cutoff));
