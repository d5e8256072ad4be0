import { kysely, prepare } from "./query.server";

/**
 * Event matchmaking's writes that must not double-book (DESIGN.md §4, issue 18 §3): a meeting takes its table
 * through Meeting's unique (slotId, table) and each side's seat through MeetingSeat's key (slotId, profileId),
 * so a second placement in the same slot fails on the constraint instead of being read-then-written.
 */
export const requestToDecide = prepare((args: { id: string; eventId: string }) =>
  kysely.selectFrom("MeetingRequest").select(["id", "eventId", "fromProfileId", "toProfileId", "status"]).where("id", "=", args.id).where("eventId", "=", args.eventId),
);

/** Accepts or declines a request that is still pending, for the side it was sent to. */
export const decideRequest = prepare((args: { id: string; toProfileId: string; status: "ACCEPTED" | "DECLINED"; now: string }) =>
  kysely
    .updateTable("MeetingRequest")
    .set({ status: args.status, decidedAt: args.now, unplacedReason: null })
    .where("id", "=", args.id)
    .where("toProfileId", "=", args.toProfileId)
    .where("status", "=", "PENDING"),
);

export const slotsOfEvent = prepare((args: { eventId: string }) => kysely.selectFrom("MatchmakingSlot").select(["id", "startsAt", "endsAt"]).where("eventId", "=", args.eventId).orderBy("startsAt"));

export const availabilityOf = prepare((args: { profileId: string }) => kysely.selectFrom("MatchmakingAvailability").select("slotId").where("profileId", "=", args.profileId));

export const seatsOf = prepare((args: { profileId: string }) => kysely.selectFrom("MeetingSeat").select("slotId").where("profileId", "=", args.profileId));

export const tablesTaken = prepare((args: { eventId: string }) => kysely.selectFrom("Meeting").select(["slotId", "table"]).where("eventId", "=", args.eventId));

export const insertMeeting = prepare((args: { id: string; eventId: string; requestId: string; slotId: string; table: number; now: string }) =>
  kysely.insertInto("Meeting").values({ id: args.id, eventId: args.eventId, requestId: args.requestId, slotId: args.slotId, table: args.table, createdAt: args.now, updatedAt: args.now }),
);

export const insertSeat = prepare((args: { slotId: string; profileId: string; meetingId: string }) =>
  kysely.insertInto("MeetingSeat").values({ slotId: args.slotId, profileId: args.profileId, meetingId: args.meetingId }),
);

export const setupOf = prepare((args: { eventId: string }) => kysely.selectFrom("MatchmakingSetup").select(["enabled", "tables"]).where("eventId", "=", args.eventId));

export const registrationOfProfile = prepare((args: { profileId: string }) =>
  kysely
    .selectFrom("MatchmakingProfile")
    .innerJoin("Registration", "Registration.id", "MatchmakingProfile.registrationId")
    .select(["Registration.id", "Registration.email"])
    .where("MatchmakingProfile.id", "=", args.profileId),
);

// ---- the organizers' setup: slots regenerated inside one write transaction ----

export const upsertSetup = prepare((args: { eventId: string; enabled: number; slotMinutes: number; tables: number; optInClosesAt: string | null; now: string }) =>
  kysely
    .insertInto("MatchmakingSetup")
    .values({ eventId: args.eventId, enabled: args.enabled, slotMinutes: args.slotMinutes, tables: args.tables, optInClosesAt: args.optInClosesAt, updatedAt: args.now })
    .onConflict((conflict) =>
      conflict.column("eventId").doUpdateSet({ enabled: args.enabled, slotMinutes: args.slotMinutes, tables: args.tables, optInClosesAt: args.optInClosesAt, updatedAt: args.now }),
    ),
);

export const slotsWithMeetings = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("MatchmakingSlot")
    .select(["id", "startsAt", (eb) => eb.exists(eb.selectFrom("Meeting").select("Meeting.id").whereRef("Meeting.slotId", "=", "MatchmakingSlot.id")).as("hasMeetings")])
    .where("eventId", "=", args.eventId),
);

/** Deletes a slot only while no meeting sits in it (a meeting placed meanwhile keeps it: 0 rows). */
export const deleteEmptySlot = prepare((args: { id: string }) =>
  kysely
    .deleteFrom("MatchmakingSlot")
    .where("id", "=", args.id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("Meeting").select("Meeting.id").where("Meeting.slotId", "=", args.id)))),
);

export const insertSlot = prepare((args: { id: string; eventId: string; sessionId: string; startsAt: string; endsAt: string }) =>
  kysely.insertInto("MatchmakingSlot").values({ id: args.id, eventId: args.eventId, sessionId: args.sessionId, startsAt: args.startsAt, endsAt: args.endsAt }),
);

export const updateSlot = prepare((args: { eventId: string; startsAt: string; sessionId: string; endsAt: string }) =>
  kysely.updateTable("MatchmakingSlot").set({ sessionId: args.sessionId, endsAt: args.endsAt }).where("eventId", "=", args.eventId).where("startsAt", "=", args.startsAt),
);

export const highestTableUsed = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("Meeting")
    .select((eb) => eb.fn.max("table").as("highest"))
    .where("eventId", "=", args.eventId),
);

// ---- the profile and its availability ----

export const deleteAvailability = prepare((args: { profileId: string }) => kysely.deleteFrom("MatchmakingAvailability").where("profileId", "=", args.profileId));

export const insertAvailability = prepare((args: { profileId: string; slotId: string }) => kysely.insertInto("MatchmakingAvailability").values({ profileId: args.profileId, slotId: args.slotId }));

// ---- on the day ----

export const checkInFrom = prepare((args: { id: string; now: string }) =>
  kysely.updateTable("Meeting").set({ fromCheckedInAt: args.now, updatedAt: args.now }).where("id", "=", args.id).where("fromCheckedInAt", "is", null),
);

export const checkInTo = prepare((args: { id: string; now: string }) =>
  kysely.updateTable("Meeting").set({ toCheckedInAt: args.now, updatedAt: args.now }).where("id", "=", args.id).where("toCheckedInAt", "is", null),
);

/** Marks every meeting whose slot is over without both sides checked in, once. */
export const recordNoShows = prepare((args: { eventId: string; now: string }) =>
  kysely
    .updateTable("Meeting")
    .set({ noShowRecordedAt: args.now })
    .where("eventId", "=", args.eventId)
    .where("noShowRecordedAt", "is", null)
    .where((eb) => eb.or([eb("fromCheckedInAt", "is", null), eb("toCheckedInAt", "is", null)]))
    .where("slotId", "in", (eb) => eb.selectFrom("MatchmakingSlot").select("MatchmakingSlot.id").where("MatchmakingSlot.eventId", "=", args.eventId).where("MatchmakingSlot.endsAt", "<=", args.now)),
);
