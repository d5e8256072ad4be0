import { compiled, kysely } from "./query.server";
import type { Sql } from "./statements.server";

/** What an attendee changes from the manage link: some of their details, or their answers (stored as JSON). */
export type OwnChanges = { name?: string; organization?: string; phone?: string | null; jobTitle?: string | null; answers?: string };

/**
 * Writes the attendee's own edit unless the registration was closed meanwhile, and for answers only over the
 * answers the edit was checked against (a concurrent edit is not overwritten). The set of columns depends on
 * the edit, so the statement is built per call (`compiled`): the manage page is no hot path.
 */
export function writeOwnChanges(sql: Sql, { id, changes, answersBefore, now }: { id: string; changes: OwnChanges; answersBefore: string | null; now: string }): boolean {
  let query = kysely
    .updateTable("Registration")
    .set({ ...changes, updatedAt: now })
    .where("id", "=", id)
    .where("status", "not in", ["CANCELLED", "REJECTED"]);
  if (answersBefore !== null) query = query.where("answers", "=", answersBefore);
  return compiled(query).run(sql).changes === 1;
}
