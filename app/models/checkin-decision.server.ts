import { randomUUID } from "node:crypto";
// Relative imports: the writer thread loads this module without the app's path aliases.
import { inSavepoints, sqlDate, type SavepointOutcome, type Sql } from "./store/statements.server";
import { enqueueCheckInDeliveries } from "./store/webhook-store.server";
import {
  checkInByNonce,
  checkInListById,
  enterOnce,
  eventTitleById,
  insertCheckIn,
  leave,
  markCheckedIn,
  presenceOf,
  reenter,
  registrationById,
  registrationByTicketCode,
} from "./store/checkin-store.server";
import { alreadyCheckedIn, decideScanRules, listProblem, nonceProblem, unknownList, type ScanFacts, type ScanFailure } from "./checkin-rules";
import type { Direction, ListRef, ScanAnswer, ScanResult } from "../schemas/checkin";

/**
 * The scan decision (DESIGN.md §4 invariant 4): read what the database holds for the ticket and the list,
 * apply the rules (checkin-rules.ts), flip the one CheckInPresence row with a guarded update, and store the
 * CheckIn under its client nonce. It runs inside a write transaction on whatever connection `sql` belongs
 * to — the check-in writer thread's (checkin-writer.server.ts) — so this module loads no Prisma.
 */

// Re-exported so the server side keeps importing the answer type from the module that produces it.
export type { Direction, ListRef, ScanAnswer, ScanFailure, ScanResult };
export type DbResult = "OK" | "ALREADY_CHECKED_IN" | "INVALID" | "CANCELLED" | "NOT_APPROVED" | "WRONG_LIST";

export type ScanOutcome = { ok: true; answer: ScanAnswer } | ({ ok: false } & ScanFailure);

export type ScanInput = {
  eventId: string;
  listId: string;
  code?: string;
  registrationId?: string;
  direction: Direction;
  nonce: string;
  scannedAt: Date;
  deviceId: string;
  staffUserId?: string | null;
  apiTokenId?: string | null;
  offline: boolean;
};

export const maxCodeLength = 512;

type RegistrationRow = NonNullable<ReturnType<typeof registrationById.get>>;

export const resultOf: Record<DbResult, ScanResult> = {
  OK: "ok",
  ALREADY_CHECKED_IN: "already_checked_in",
  INVALID: "invalid",
  CANCELLED: "cancelled",
  NOT_APPROVED: "not_approved",
  WRONG_LIST: "wrong_list",
};

const toIso = (stored: string) => new Date(stored).toISOString();
const listRef = (list: ListRef): ListRef => ({ id: list.id, name: list.name, nameEn: list.nameEn });
const codeKey = (input: Pick<ScanInput, "code" | "registrationId">) => (input.code ? input.code.slice(0, maxCodeLength) : `registration:${input.registrationId}`);

function attendeeOf(registration: RegistrationRow): ScanAnswer["attendee"] {
  return {
    registrationId: registration.id,
    name: registration.name,
    organization: registration.organization,
    category: registration.categoryId ? { id: registration.categoryId, name: registration.categoryName ?? "", nameEn: registration.categoryNameEn ?? "" } : null,
  };
}

function firstCheckInOf(presence: ReturnType<typeof presenceOf.get>, list: ListRef): ScanAnswer["firstCheckIn"] {
  return presence?.firstScannedAt != null && presence.firstDeviceId != null ? { at: toIso(presence.firstScannedAt), list: listRef(list), deviceId: presence.firstDeviceId } : undefined;
}

function replay(sql: Sql, prior: NonNullable<ReturnType<typeof checkInByNonce.get>>): ScanOutcome {
  const list = checkInListById.get(sql, { id: prior.listId })!;
  const registration = prior.registrationId ? registrationById.get(sql, { id: prior.registrationId }) : undefined;
  const result = resultOf[prior.result];
  return {
    ok: true,
    answer: {
      id: prior.id,
      result,
      direction: prior.direction === "EXIT" ? "exit" : "entry",
      scannedAt: toIso(prior.scannedAt),
      list: listRef(list),
      offline: prior.offline === 1,
      conflict: prior.conflict === 1,
      ...(registration && result !== "invalid" ? { attendee: attendeeOf(registration) } : {}),
      ...(registration && result === "already_checked_in" ? { firstCheckIn: firstCheckInOf(presenceOf.get(sql, { registrationId: registration.id, listId: list.id }), list) } : {}),
      replayed: true,
    },
  };
}

/** One scan, decided on the transaction's connection. Never throws for bad input: it returns a failure. */
export function decideScan(sql: Sql, input: ScanInput, now: Date): ScanOutcome {
  const key = codeKey(input);
  const prior = checkInByNonce.get(sql, { nonce: input.nonce });
  if (prior) {
    const reused = nonceProblem(prior, key, input.eventId);
    return reused ? { ok: false, ...reused } : replay(sql, prior);
  }

  const list = checkInListById.get(sql, { id: input.listId });
  if (!list) return { ok: false, ...unknownList };
  const problem = listProblem(list, input.eventId, input.direction);
  if (problem) return { ok: false, ...problem };

  const registration = input.code ? registrationByTicketCode.get(sql, { ticketCode: input.code }) : registrationById.get(sql, { id: input.registrationId! });
  let presence = registration ? presenceOf.get(sql, { registrationId: registration.id, listId: list.id }) : undefined;
  const facts: ScanFacts = {
    eventId: input.eventId,
    list,
    registration,
    presence,
    direction: input.direction,
    offline: input.offline,
    deviceId: input.deviceId,
  };
  let verdict = decideScanRules(facts);
  const known = verdict.known ? registration : undefined;

  const id = randomUUID();
  const scannedAt = sqlDate(input.scannedAt);
  const stamp = sqlDate(now);
  if (known && "enter" in verdict) {
    const where = { registrationId: known.id, listId: list.id, checkInId: id, scannedAt, stamp };
    const entered = (verdict.enter === "again" ? reenter : enterOnce).run(sql, where);
    // Read and written in one write transaction, so the guard cannot refuse; should it, nobody enters twice.
    if (entered.changes === 1) markCheckedIn.run(sql, { id: known.id, scannedAt, stamp });
    else {
      presence = presenceOf.get(sql, { registrationId: known.id, listId: list.id });
      verdict = alreadyCheckedIn({ ...facts, presence });
    }
  } else if (known && "leave" in verdict && verdict.wasInside) {
    leave.run(sql, { registrationId: known.id, listId: list.id, stamp });
  }
  const conflict = verdict.result === "ALREADY_CHECKED_IN" && verdict.conflict;

  insertCheckIn.run(sql, {
    id,
    eventId: input.eventId,
    listId: list.id,
    registrationId: known?.id ?? null,
    direction: input.direction === "exit" ? "EXIT" : "ENTRY",
    result: verdict.result,
    nonce: input.nonce,
    scannedCode: key,
    deviceId: input.deviceId,
    staffUserId: input.staffUserId ?? null,
    apiTokenId: input.apiTokenId ?? null,
    scannedAt,
    receivedAt: stamp,
    offline: input.offline ? 1 : 0,
    conflict: conflict ? 1 : 0,
  });
  // Admitted entries only: refusals and exits are the door's business, not an integrator's (README "Webhooks").
  if (verdict.result === "OK" && input.direction === "entry") enqueueCheckInDeliveries.run(sql, { checkInId: id, at: stamp });

  const firstCheckIn = known && verdict.result === "ALREADY_CHECKED_IN" ? firstCheckInOf(presence, list) : undefined;
  const otherEvent = registration && registration.eventId !== input.eventId ? eventTitleById.get(sql, { id: registration.eventId }) : undefined;
  return {
    ok: true,
    answer: {
      id,
      result: resultOf[verdict.result],
      direction: input.direction,
      scannedAt: input.scannedAt.toISOString(),
      list: listRef(list),
      offline: input.offline,
      conflict,
      ...(known ? { attendee: attendeeOf(known) } : {}),
      ...(firstCheckIn ? { firstCheckIn } : {}),
      ...(otherEvent ? { otherEvent: { title: otherEvent.title, titleEn: otherEvent.titleEn } } : {}),
      ...("wasInside" in verdict ? { wasInside: verdict.wasInside } : {}),
    },
  };
}

/** Scans decided one after another in the caller's transaction, each in its own savepoint. */
export function decideScansIn(sql: Sql, inputs: ScanInput[], now: Date): SavepointOutcome<ScanOutcome>[] {
  return inSavepoints(
    sql,
    inputs.map((input) => (sql: Sql) => decideScan(sql, input, now)),
  );
}
