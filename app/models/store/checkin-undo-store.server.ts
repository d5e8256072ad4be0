import { kysely, prepare } from "./query.server";

/** An organizer's corrections at the door: taking back a check-in, marking an offline conflict as seen. */

export const checkInOfEvent = prepare((args: { id: string; eventId: string }) =>
  kysely.selectFrom("CheckIn").select(["id", "registrationId", "listId", "direction", "result", "undoneAt"]).where("id", "=", args.id).where("eventId", "=", args.eventId),
);

export const markUndone = prepare((args: { id: string; undoneById: string; at: string }) =>
  kysely.updateTable("CheckIn").set({ undoneAt: args.at, undoneById: args.undoneById }).where("id", "=", args.id).where("undoneAt", "is", null),
);

const countedEntries = (args: { registrationId: string }) =>
  kysely.selectFrom("CheckIn").where("registrationId", "=", args.registrationId).where("direction", "=", "ENTRY").where("result", "=", "OK").where("undoneAt", "is", null);

/** The earliest entry through the list that still counts. */
export const firstCountedEntry = prepare((args: { registrationId: string; listId: string }) =>
  countedEntries(args).select(["id", "scannedAt"]).where("listId", "=", args.listId).orderBy("scannedAt").limit(1),
);

export const backInside = prepare((args: { registrationId: string; listId: string; at: string }) =>
  kysely.updateTable("CheckInPresence").set({ inside: 1, lastChangedAt: args.at }).where("registrationId", "=", args.registrationId).where("listId", "=", args.listId),
);

export const entryTakenBack = prepare((args: { registrationId: string; listId: string; firstCheckInId: string | null; firstEntryAt: string | null; at: string }) =>
  kysely
    .updateTable("CheckInPresence")
    .set((eb) => ({
      inside: 0,
      entries: eb.fn<number>("max", [eb("entries", "-", 1), eb.lit(0)]),
      firstCheckInId: args.firstCheckInId,
      firstEntryAt: args.firstEntryAt,
      lastChangedAt: args.at,
    }))
    .where("registrationId", "=", args.registrationId)
    .where("listId", "=", args.listId),
);

/** The registration's first check-in time, from the entries that still count on any list. */
export const recountCheckedInAt = prepare((args: { registrationId: string; at: string }) =>
  kysely
    .updateTable("Registration")
    .set({ checkedInAt: countedEntries(args).select((eb) => eb.fn.min("scannedAt").as("first")), updatedAt: args.at })
    .where("id", "=", args.registrationId),
);

export const resolveConflictOf = prepare((args: { id: string; eventId: string }) =>
  kysely.updateTable("CheckIn").set({ conflict: 0 }).where("id", "=", args.id).where("eventId", "=", args.eventId).where("conflict", "=", 1),
);
