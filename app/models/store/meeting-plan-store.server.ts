import { kysely, prepare } from "./query.server";

/**
 * The batch meeting plan's reads and writes (issue 18 §3), all inside one write transaction: the scheduler
 * reads the accepted requests and where their meetings are, and the plan replaces the meetings that moved.
 */
export const planSetup = prepare((args: { eventId: string }) =>
  kysely.selectFrom("MatchmakingSetup").select(["tables", "planVersion", "publishedPlan", "planPublishedAt"]).where("eventId", "=", args.eventId),
);

export const planSlots = prepare((args: { eventId: string }) => kysely.selectFrom("MatchmakingSlot").select(["id", "endsAt"]).where("eventId", "=", args.eventId).orderBy("startsAt"));

/** Availability of everyone still opted in. */
export const planAvailability = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("MatchmakingAvailability")
    .innerJoin("MatchmakingProfile", "MatchmakingProfile.id", "MatchmakingAvailability.profileId")
    .select(["MatchmakingAvailability.profileId", "MatchmakingAvailability.slotId"])
    .where("MatchmakingProfile.eventId", "=", args.eventId)
    .where("MatchmakingProfile.optedOutAt", "is", null),
);

/** Accepted requests between two people still opted in, with their meeting if it has one. */
export const acceptedRequests = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("MeetingRequest")
    .innerJoin("MatchmakingProfile as FromProfile", "FromProfile.id", "MeetingRequest.fromProfileId")
    .innerJoin("MatchmakingProfile as ToProfile", "ToProfile.id", "MeetingRequest.toProfileId")
    .leftJoin("Meeting", "Meeting.requestId", "MeetingRequest.id")
    .select([
      "MeetingRequest.id",
      "MeetingRequest.fromProfileId",
      "MeetingRequest.toProfileId",
      "Meeting.id as meetingId",
      "Meeting.slotId",
      "Meeting.table",
      "Meeting.fromCheckedInAt",
      "Meeting.toCheckedInAt",
    ])
    .where("MeetingRequest.eventId", "=", args.eventId)
    .where("MeetingRequest.status", "=", "ACCEPTED")
    .where("FromProfile.optedOutAt", "is", null)
    .where("ToProfile.optedOutAt", "is", null)
    .orderBy("MeetingRequest.createdAt"),
);

export const deleteSeatsOfMeeting = prepare((args: { meetingId: string }) => kysely.deleteFrom("MeetingSeat").where("meetingId", "=", args.meetingId));

export const deleteMeeting = prepare((args: { meetingId: string }) => kysely.deleteFrom("Meeting").where("id", "=", args.meetingId));

export const setUnplacedReason = prepare((args: { id: string; reason: string | null }) => kysely.updateTable("MeetingRequest").set({ unplacedReason: args.reason }).where("id", "=", args.id));

/** Every placed meeting of the event as (profile, slot, table), both sides: the plan people see. */
export const currentPlan = prepare((args: { eventId: string }) =>
  kysely
    .selectFrom("MeetingSeat")
    .innerJoin("Meeting", "Meeting.id", "MeetingSeat.meetingId")
    .select(["MeetingSeat.profileId", "Meeting.slotId", "Meeting.table"])
    .where("Meeting.eventId", "=", args.eventId),
);

export const planRecipient = prepare((args: { profileId: string }) =>
  kysely
    .selectFrom("MatchmakingProfile")
    .innerJoin("Registration", "Registration.id", "MatchmakingProfile.registrationId")
    .select(["Registration.id", "Registration.email"])
    .where("MatchmakingProfile.id", "=", args.profileId)
    .where("MatchmakingProfile.optedOutAt", "is", null),
);

export const markPlanPublished = prepare((args: { eventId: string; publishedPlan: string; now: string }) =>
  kysely
    .updateTable("MatchmakingSetup")
    .set((eb) => ({ planVersion: eb("planVersion", "+", 1), planPublishedAt: args.now, publishedPlan: args.publishedPlan, updatedAt: args.now }))
    .where("eventId", "=", args.eventId),
);
