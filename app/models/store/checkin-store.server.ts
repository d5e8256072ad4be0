import Database from "better-sqlite3";
// Relative imports: the check-in writer thread loads this store without the app's path aliases.
import { kysely, prepare } from "./query.server";
import { sqlFor } from "./statements.server";
import type { CheckInDirection, CheckInResult } from "../../generated/kysely/database";

/**
 * What a scan reads and writes (checkin-decision.server.ts), on the writer thread's connection or, as a
 * fallback, the server's. Each statement is compiled once, when the module loads: a scan compiles nothing.
 */

export const checkInByNonce = prepare((args: { nonce: string }) =>
  kysely.selectFrom("CheckIn").select(["id", "eventId", "listId", "registrationId", "direction", "result", "scannedCode", "scannedAt", "offline", "conflict"]).where("nonce", "=", args.nonce),
);

export const checkInListById = prepare((args: { id: string }) =>
  kysely.selectFrom("CheckInList").select(["id", "eventId", "name", "nameEn", "allowedCategoryIds", "mode", "allowReentry"]).where("id", "=", args.id),
);

const registrationWithCategory = () =>
  kysely
    .selectFrom("Registration as r")
    .leftJoin("TicketCategory as c", "c.id", "r.categoryId")
    .select(["r.id", "r.eventId", "r.status", "r.categoryId", "r.name", "r.organization", "c.name as categoryName", "c.nameEn as categoryNameEn"]);

export const registrationById = prepare((args: { id: string }) => registrationWithCategory().where("r.id", "=", args.id));
export const registrationByTicketCode = prepare((args: { ticketCode: string }) => registrationWithCategory().where("r.ticketCode", "=", args.ticketCode));

/** The ticket's presence on a list, with the device and time of the entry that first admitted it. */
export const presenceOf = prepare((args: { registrationId: string; listId: string }) =>
  kysely
    .selectFrom("CheckInPresence as p")
    .leftJoin("CheckIn as c", "c.id", "p.firstCheckInId")
    .select(["p.inside", "p.entries", "c.scannedAt as firstScannedAt", "c.deviceId as firstDeviceId"])
    .where("p.registrationId", "=", args.registrationId)
    .where("p.listId", "=", args.listId),
);

type Entry = { registrationId: string; listId: string; checkInId: string; scannedAt: string; stamp: string };

// The guard is the whole invariant: only one scan can move the row from "never entered" (or "outside").
const enter = (guard: "entries" | "inside") =>
  prepare((args: Entry) =>
    kysely
      .insertInto("CheckInPresence")
      .values({ registrationId: args.registrationId, listId: args.listId, inside: 1, entries: 1, firstCheckInId: args.checkInId, firstEntryAt: args.scannedAt, lastChangedAt: args.stamp })
      .onConflict((conflict) =>
        conflict
          .columns(["registrationId", "listId"])
          .doUpdateSet((eb) => ({
            inside: 1,
            entries: eb("CheckInPresence.entries", "+", 1),
            firstCheckInId: eb.fn.coalesce("CheckInPresence.firstCheckInId", eb.val(args.checkInId)),
            firstEntryAt: eb.fn.coalesce("CheckInPresence.firstEntryAt", eb.val(args.scannedAt)),
            lastChangedAt: args.stamp,
          }))
          .where(`CheckInPresence.${guard}`, "=", 0),
      ),
  );

/** First entry through a list that admits a ticket once. */
export const enterOnce = enter("entries");
/** An entry through a re-entry list by someone who is outside. */
export const reenter = enter("inside");

export const leave = prepare((args: { registrationId: string; listId: string; stamp: string }) =>
  kysely.updateTable("CheckInPresence").set({ inside: 0, lastChangedAt: args.stamp }).where("registrationId", "=", args.registrationId).where("listId", "=", args.listId).where("inside", "=", 1),
);

export const markCheckedIn = prepare((args: { id: string; scannedAt: string; stamp: string }) =>
  kysely
    .updateTable("Registration")
    .set((eb) => ({ checkedInAt: eb.fn.coalesce("checkedInAt", eb.val(args.scannedAt)), updatedAt: args.stamp }))
    .where("id", "=", args.id),
);

export const insertCheckIn = prepare(
  (args: {
    id: string;
    eventId: string;
    listId: string;
    registrationId: string | null;
    direction: CheckInDirection;
    result: CheckInResult;
    nonce: string;
    scannedCode: string;
    deviceId: string;
    staffUserId: string | null;
    apiTokenId: string | null;
    scannedAt: string;
    receivedAt: string;
    offline: number;
    conflict: number;
  }) =>
    kysely.insertInto("CheckIn").values({
      id: args.id,
      eventId: args.eventId,
      listId: args.listId,
      registrationId: args.registrationId,
      direction: args.direction,
      result: args.result,
      nonce: args.nonce,
      scannedCode: args.scannedCode,
      deviceId: args.deviceId,
      staffUserId: args.staffUserId,
      apiTokenId: args.apiTokenId,
      scannedAt: args.scannedAt,
      receivedAt: args.receivedAt,
      offline: args.offline,
      conflict: args.conflict,
    }),
);

// ───────────────────────────── which event and list a scan is for ─────────────────────────────

/** The event a ticket of another event belongs to, so the door can say which (and nothing about the person). */
export const eventTitleById = prepare((args: { id: string }) => kysely.selectFrom("Event").select(["title", "titleEn"]).where("id", "=", args.id));

export const eventBySlug = prepare((args: { slug: string }) => kysely.selectFrom("Event").select("id").where("slug", "=", args.slug));

export const defaultListOf = prepare((args: { eventId: string }) =>
  kysely.selectFrom("CheckInList").select("id").where("eventId", "=", args.eventId).orderBy("isDefault", "desc").orderBy("position", "asc").limit(1),
);

// ───────────────────────────── the writer thread's connection ─────────────────────────────

/** The writer thread's own connection, set up as the server's is (app/models/store/connection.server.ts). */
export function openWriterConnection(file: string, autoCheckpointPages: number) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("secure_delete = ON");
  setAutoCheckpoint(sqlite, autoCheckpointPages);
  return { sqlite, sql: sqlFor(sqlite) };
}

export function setAutoCheckpoint(sqlite: Database.Database, pages: number): void {
  sqlite.pragma(`wal_autocheckpoint = ${pages}`);
}
