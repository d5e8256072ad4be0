import { sqlDate, writeTransaction } from "~/models/store/connection.server";
import { deleteIdempotencyRecordsBefore } from "~/models/store/idempotency-store.server";

/** How long an Idempotency-Key replays its first answer; after that the same key is a new request. */
export const idempotencyLifetimeMs = 24 * 60 * 60_000;

/** Records created at or before this (as stored) have expired. */
export function idempotencyCutoff(now: Date): string {
  return sqlDate(new Date(now.getTime() - idempotencyLifetimeMs));
}

/** Deletes the expired records (a background job); returns how many went. */
export async function purgeExpiredIdempotencyRecords(now = new Date()): Promise<number> {
  return writeTransaction((sql) => deleteIdempotencyRecordsBefore.run(sql, { cutoff: idempotencyCutoff(now) }).changes);
}
