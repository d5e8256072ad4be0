import { kysely, prepare } from "./query.server";

/**
 * Capacity counters (DESIGN.md §4.1): every place is taken by one guarded UPDATE, never read-then-write, and
 * handed back by one that never goes below zero.
 */
export const takeEventSeat = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "+", 1) }))
    .where("id", "=", args.eventId)
    .where((eb) => eb.or([eb("capacity", "is", null), eb("confirmedCount", "<", eb.ref("capacity"))])),
);

export const takeCategorySeat = prepare((args: { categoryId: string }) =>
  kysely
    .updateTable("TicketCategory")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "+", 1) }))
    .where("id", "=", args.categoryId)
    .where((eb) => eb.or([eb("capacity", "is", null), eb("confirmedCount", "<", eb.ref("capacity"))])),
);

export const takeFirmSeat = prepare((args: { eventId: string; firmId: string }) =>
  kysely
    .updateTable("FirmQuota")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "+", 1) }))
    .where("eventId", "=", args.eventId)
    .where("firmId", "=", args.firmId)
    .where((eb) => eb("confirmedCount", "<", eb.ref("quota"))),
);

/** Whether the firm has reserved seats at the event at all (without a quota its people take public places). */
export const firmQuotaOf = prepare((args: { eventId: string; firmId: string }) => kysely.selectFrom("FirmQuota").select("id").where("eventId", "=", args.eventId).where("firmId", "=", args.firmId));

/** Undoes a take of this same transaction (a later counter refused the seat). */
export const untakeEventSeat = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "-", 1) }))
    .where("id", "=", args.eventId),
);

export const untakeCategorySeat = prepare((args: { categoryId: string }) =>
  kysely
    .updateTable("TicketCategory")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "-", 1) }))
    .where("id", "=", args.categoryId),
);

export const releaseEventSeat = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "-", 1) }))
    .where("id", "=", args.eventId)
    .where("confirmedCount", ">", 0),
);

export const releaseCategorySeat = prepare((args: { categoryId: string }) =>
  kysely
    .updateTable("TicketCategory")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "-", 1) }))
    .where("id", "=", args.categoryId)
    .where("confirmedCount", ">", 0),
);

export const releaseFirmSeat = prepare((args: { eventId: string; firmId: string }) =>
  kysely
    .updateTable("FirmQuota")
    .set((eb) => ({ confirmedCount: eb("confirmedCount", "-", 1) }))
    .where("eventId", "=", args.eventId)
    .where("firmId", "=", args.firmId)
    .where("confirmedCount", ">", 0),
);

export const addWaitlisted = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ waitlistedCount: eb("waitlistedCount", "+", 1) }))
    .where("id", "=", args.eventId),
);

export const removeWaitlisted = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ waitlistedCount: eb("waitlistedCount", "-", 1) }))
    .where("id", "=", args.eventId)
    .where("waitlistedCount", ">", 0),
);

export const addPending = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ pendingCount: eb("pendingCount", "+", 1) }))
    .where("id", "=", args.eventId),
);

export const removePending = prepare((args: { eventId: string }) =>
  kysely
    .updateTable("Event")
    .set((eb) => ({ pendingCount: eb("pendingCount", "-", 1) }))
    .where("id", "=", args.eventId)
    .where("pendingCount", ">", 0),
);

/** One use of an invite code, while it is neither revoked, used up nor expired. */
export const useInviteCode = prepare((args: { id: string; now: string }) =>
  kysely
    .updateTable("InviteCode")
    .set((eb) => ({ usedCount: eb("usedCount", "+", 1) }))
    .where("id", "=", args.id)
    .where("revokedAt", "is", null)
    .where((eb) => eb("usedCount", "<", eb.ref("maxUses")))
    .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", args.now)])),
);
