import { randomUUID } from "node:crypto";
import type { MessageKey } from "../i18n";
// Relative imports: the writer thread loads this module without the app's path aliases.
import { inSavepoints, sqlDate, type SavepointOutcome, type Sql } from "./store/statements.server";
import type { Direction, ListRef, ScanAnswer, ScanResult } from "../schemas/checkin";

/**
 * The scan decision (DESIGN.md §4 invariant 4): read the registration by ticket code, apply the list's
 * rules, flip the one CheckInPresence row with a guarded UPDATE, and store the CheckIn under its client
 * nonce. It runs inside a write transaction on whatever connection `sql` belongs to — the check-in writer
 * thread's (checkin-writer.server.ts) — so this module loads nothing but raw SQL helpers.
 */

// Re-exported so the server side keeps importing the answer type from the module that produces it.
export type { Direction, ListRef, ScanAnswer, ScanResult };
export type DbResult = "OK" | "ALREADY_CHECKED_IN" | "INVALID" | "CANCELLED" | "NOT_APPROVED" | "WRONG_LIST";

export type ScanFailure = { status: number; code: string; messageKey: MessageKey };
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

type ListRow = { id: string; eventId: string; name: string; nameEn: string; allowedCategoryIds: string; mode: string; allowReentry: number };
type RegistrationRow = {
  id: string;
  eventId: string;
  status: string;
  categoryId: string | null;
  name: string;
  organization: string;
  categoryName: string | null;
  categoryNameEn: string | null;
};
type CheckInRow = {
  id: string;
  eventId: string;
  listId: string;
  registrationId: string | null;
  direction: string;
  result: DbResult;
  scannedCode: string;
  scannedAt: string;
  offline: number;
  conflict: number;
};

const registrationColumns =
  "r.id, r.eventId, r.status, r.categoryId, r.name, r.organization, c.name AS categoryName, c.nameEn AS categoryNameEn FROM Registration r LEFT JOIN TicketCategory c ON c.id = r.categoryId";
const listColumns = "id, eventId, name, nameEn, allowedCategoryIds, mode, allowReentry FROM CheckInList";

export const resultOf: Record<DbResult, ScanResult> = {
  OK: "ok",
  ALREADY_CHECKED_IN: "already_checked_in",
  INVALID: "invalid",
  CANCELLED: "cancelled",
  NOT_APPROVED: "not_approved",
  WRONG_LIST: "wrong_list",
};

const toIso = (stored: string) => new Date(stored).toISOString();
const listRef = (list: Pick<ListRow, "id" | "name" | "nameEn">): ListRef => ({ id: list.id, name: list.name, nameEn: list.nameEn });
const codeKey = (input: Pick<ScanInput, "code" | "registrationId">) => (input.code ? input.code.slice(0, maxCodeLength) : `registration:${input.registrationId}`);

function attendeeOf(registration: RegistrationRow): ScanAnswer["attendee"] {
  return {
    registrationId: registration.id,
    name: registration.name,
    organization: registration.organization,
    category: registration.categoryId
      ? { id: registration.categoryId, name: registration.categoryName ?? "", nameEn: registration.categoryNameEn ?? "" }
      : null,
  };
}

function firstCheckInOf(sql: Sql, registrationId: string, listId: string): ScanAnswer["firstCheckIn"] {
  const first = sql.get<{ scannedAt: string; deviceId: string; id: string; name: string; nameEn: string }>(
    "SELECT c.scannedAt, c.deviceId, l.id, l.name, l.nameEn FROM CheckInPresence p JOIN CheckIn c ON c.id = p.firstCheckInId JOIN CheckInList l ON l.id = c.listId WHERE p.registrationId = ? AND p.listId = ?",
    registrationId,
    listId,
  );
  return first ? { at: toIso(first.scannedAt), list: listRef(first), deviceId: first.deviceId } : undefined;
}

function replay(sql: Sql, prior: CheckInRow): ScanOutcome {
  const list = sql.get<ListRow>(`SELECT ${listColumns} WHERE id = ?`, prior.listId)!;
  const registration = prior.registrationId ? sql.get<RegistrationRow>(`SELECT ${registrationColumns} WHERE r.id = ?`, prior.registrationId) : undefined;
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
      ...(registration && result === "already_checked_in" ? { firstCheckIn: firstCheckInOf(sql, registration.id, list.id) } : {}),
      replayed: true,
    },
  };
}

/** One scan, decided on the transaction's connection. Never throws for bad input: it returns a failure. */
export function decideScan(sql: Sql, input: ScanInput, now: Date): ScanOutcome {
  const key = codeKey(input);
  const prior = sql.get<CheckInRow>(
    "SELECT id, eventId, listId, registrationId, direction, result, scannedCode, scannedAt, offline, conflict FROM CheckIn WHERE nonce = ?",
    input.nonce,
  );
  if (prior) {
    if (prior.scannedCode !== key || prior.eventId !== input.eventId) {
      return { ok: false, status: 409, code: "nonce_reused", messageKey: "checkin.error.nonceReused" };
    }
    return replay(sql, prior);
  }

  const list = sql.get<ListRow>(`SELECT ${listColumns} WHERE id = ?`, input.listId);
  if (!list || list.eventId !== input.eventId) return { ok: false, status: 422, code: "unknown_list", messageKey: "checkin.error.unknownList" };
  const entryExit = list.mode === "ENTRY_EXIT";
  if (input.direction === "exit" && !entryExit) {
    return { ok: false, status: 422, code: "exit_not_supported", messageKey: "checkin.error.exitNotSupported" };
  }

  const registration = input.code
    ? sql.get<RegistrationRow>(`SELECT ${registrationColumns} WHERE r.ticketCode = ?`, input.code)
    : sql.get<RegistrationRow>(`SELECT ${registrationColumns} WHERE r.id = ?`, input.registrationId);
  const known = registration && registration.eventId === input.eventId ? registration : undefined;

  const id = randomUUID();
  const scannedAt = sqlDate(input.scannedAt);
  const stamp = sqlDate(now);
  let result: DbResult;
  let firstCheckIn: ScanAnswer["firstCheckIn"];
  let wasInside: boolean | undefined;
  let conflict = false;

  if (!known) result = "INVALID";
  else if (known.status === "CANCELLED") result = "CANCELLED";
  else if (known.status !== "CONFIRMED") result = "NOT_APPROVED";
  else if (!categoryAllowed(list, known.categoryId)) result = "WRONG_LIST";
  else if (input.direction === "exit") {
    const { changes } = sql.run(
      "UPDATE CheckInPresence SET inside = 0, lastChangedAt = ? WHERE registrationId = ? AND listId = ? AND inside = 1",
      stamp,
      known.id,
      list.id,
    );
    result = "OK";
    wasInside = changes === 1;
  } else {
    sql.run(
      "INSERT OR IGNORE INTO CheckInPresence (registrationId, listId, inside, entries, lastChangedAt) VALUES (?, ?, 0, 0, ?)",
      known.id,
      list.id,
      stamp,
    );
    // The guard is the whole invariant: only one scan can move the row from "never entered" (or "outside").
    const guard = entryExit && list.allowReentry === 1 ? "inside = 0" : "entries = 0";
    const { changes } = sql.run(
      `UPDATE CheckInPresence SET inside = 1, entries = entries + 1, firstCheckInId = COALESCE(firstCheckInId, ?), firstEntryAt = COALESCE(firstEntryAt, ?), lastChangedAt = ? WHERE registrationId = ? AND listId = ? AND ${guard}`,
      id,
      scannedAt,
      stamp,
      known.id,
      list.id,
    );
    if (changes === 1) {
      result = "OK";
      sql.run("UPDATE Registration SET checkedInAt = COALESCE(checkedInAt, ?), updatedAt = ? WHERE id = ?", scannedAt, stamp, known.id);
    } else {
      result = "ALREADY_CHECKED_IN";
      firstCheckIn = firstCheckInOf(sql, known.id, list.id);
      // An offline device already let this person in on its own; another device had admitted the ticket first.
      conflict = input.offline && firstCheckIn !== undefined && firstCheckIn.deviceId !== input.deviceId;
    }
  }

  sql.run(
    "INSERT INTO CheckIn (id, eventId, listId, registrationId, direction, result, nonce, scannedCode, deviceId, staffUserId, apiTokenId, scannedAt, receivedAt, offline, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    id,
    input.eventId,
    list.id,
    known?.id ?? null,
    input.direction === "exit" ? "EXIT" : "ENTRY",
    result,
    input.nonce,
    key,
    input.deviceId,
    input.staffUserId ?? null,
    input.apiTokenId ?? null,
    scannedAt,
    stamp,
    input.offline ? 1 : 0,
    conflict ? 1 : 0,
  );

  return {
    ok: true,
    answer: {
      id,
      result: resultOf[result],
      direction: input.direction,
      scannedAt: input.scannedAt.toISOString(),
      list: listRef(list),
      offline: input.offline,
      conflict,
      ...(known ? { attendee: attendeeOf(known) } : {}),
      ...(firstCheckIn ? { firstCheckIn } : {}),
      ...(wasInside !== undefined ? { wasInside } : {}),
    },
  };
}

/** Scans decided one after another in the caller's transaction, each in its own savepoint. */
export function decideScansIn(sql: Sql, inputs: ScanInput[], now: Date): SavepointOutcome<ScanOutcome>[] {
  return inSavepoints(sql, inputs.map((input) => (sql: Sql) => decideScan(sql, input, now)));
}

function categoryAllowed(list: ListRow, categoryId: string | null): boolean {
  if (list.allowedCategoryIds === "[]" || list.allowedCategoryIds === "") return true;
  const allowed = parseCategoryIds(list.allowedCategoryIds);
  return allowed.length === 0 || (categoryId !== null && allowed.includes(categoryId));
}

/** The stored list of allowed category ids (JSON text); anything unreadable means "no restriction". */
export function parseCategoryIds(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
