import { randomUUID } from "node:crypto";
import { sqlDate, type Sql } from "~/models/store/connection.server";
import { availabilityOf, insertMeeting, insertSeat, registrationOfProfile, seatsOf, setupOf, slotsOfEvent, tablesTaken } from "~/models/store/matchmaking-store.server";
import { placementCandidates } from "./matchmaking-rules";
import { enqueueRenderLaterInTransaction } from "./outbox.server";

/**
 * Placing a meeting without double-booking (issue 18 §3, DESIGN.md §4). Every function here runs inside the
 * caller's `writeTransaction`. The batch scheduler calls `placeMeetingInTransaction` for each (request, slot,
 * table) it chose; an accept calls `placeInEarliestSlot`.
 */
export const meetingScheduleEmailKind = "meeting-schedule";

export type PlacementRequest = { id: string; eventId: string; fromProfileId: string; toProfileId: string };

/**
 * The guarded insert: the meeting and both seats, in one SAVEPOINT. Any of the three rows meeting a unique
 * key (the table is taken in that slot, a side already sits in a meeting in it, the request is placed) rolls
 * back all three and answers null; the placement then never half-exists. Availability is the caller's rule.
 */
export function placeMeetingInTransaction(sql: Sql, request: PlacementRequest, slotId: string, table: number, now: Date): { meetingId: string } | null {
  const meetingId = randomUUID();
  sql.run("SAVEPOINT place_meeting");
  try {
    insertMeeting.run(sql, { id: meetingId, eventId: request.eventId, requestId: request.id, slotId, table, now: sqlDate(now) });
    insertSeat.run(sql, { slotId, profileId: request.fromProfileId, meetingId });
    insertSeat.run(sql, { slotId, profileId: request.toProfileId, meetingId });
    sql.run("RELEASE place_meeting");
  } catch (error) {
    sql.run("ROLLBACK TO place_meeting");
    sql.run("RELEASE place_meeting");
    if (isUniqueConflict(error)) return null;
    throw error;
  }
  return { meetingId };
}

function isUniqueConflict(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * The earliest slot both sides are available in and neither sits in a meeting, at a free table: candidates
 * in order, the next one tried whenever the guarded insert meets a conflict. Null when none is left.
 */
export function placeInEarliestSlot(sql: Sql, request: PlacementRequest, now: Date): { meetingId: string; slotId: string; table: number } | null {
  const setup = setupOf.get(sql, { eventId: request.eventId });
  if (!setup) return null;
  const slotIdsOf = (rows: { slotId: string }[]) => new Set(rows.map((row) => row.slotId));
  const taken = new Map<string, Set<number>>();
  for (const row of tablesTaken.all(sql, { eventId: request.eventId })) {
    const tables = taken.get(row.slotId) ?? new Set<number>();
    tables.add(row.table);
    taken.set(row.slotId, tables);
  }
  const candidates = placementCandidates({
    slotIds: slotsOfEvent.all(sql, { eventId: request.eventId }).map((slot) => slot.id),
    tables: setup.tables,
    availableA: slotIdsOf(availabilityOf.all(sql, { profileId: request.fromProfileId })),
    availableB: slotIdsOf(availabilityOf.all(sql, { profileId: request.toProfileId })),
    busyA: slotIdsOf(seatsOf.all(sql, { profileId: request.fromProfileId })),
    busyB: slotIdsOf(seatsOf.all(sql, { profileId: request.toProfileId })),
    takenTables: taken,
  });
  for (const candidate of candidates) {
    const placed = placeMeetingInTransaction(sql, request, candidate.slotId, candidate.table, now);
    if (placed) return { ...placed, ...candidate };
  }
  return null;
}

/**
 * Both sides get their schedule by e-mail, rendered when it is sent (so it shows the schedule as it is then,
 * in their language); one message per meeting and side, ever.
 */
export function enqueueScheduleEmailsInTransaction(sql: Sql, request: PlacementRequest, meetingId: string, now: Date) {
  for (const profileId of [request.fromProfileId, request.toProfileId]) {
    const registration = registrationOfProfile.get(sql, { profileId });
    if (!registration) continue;
    enqueueRenderLaterInTransaction(
      sql,
      { kind: meetingScheduleEmailKind, to: registration.email, eventId: request.eventId, registrationId: registration.id, dedupeKey: `${meetingScheduleEmailKind}:${meetingId}:${profileId}` },
      now,
    );
  }
}
