import { kysely, prepare } from "./query.server";

/**
 * A participant leaving an event's matchmaking: their pending requests are withdrawn and their meetings that
 * have not started are released (seats first, so the slot and the table are free again at once).
 */
export const markOptedOut = prepare((args: { profileId: string; now: string }) =>
  kysely.updateTable("MatchmakingProfile").set({ optedOutAt: args.now, updatedAt: args.now }).where("id", "=", args.profileId).where("optedOutAt", "is", null),
);

export const cancelPendingRequestsOf = prepare((args: { profileId: string; now: string }) =>
  kysely
    .updateTable("MeetingRequest")
    .set({ status: "CANCELLED", decidedAt: args.now })
    .where("status", "=", "PENDING")
    .where((eb) => eb.or([eb("fromProfileId", "=", args.profileId), eb("toProfileId", "=", args.profileId)])),
);

export const upcomingMeetingsOf = prepare((args: { profileId: string; now: string }) =>
  kysely
    .selectFrom("MeetingSeat")
    .innerJoin("Meeting", "Meeting.id", "MeetingSeat.meetingId")
    .innerJoin("MeetingRequest", "MeetingRequest.id", "Meeting.requestId")
    .innerJoin("MatchmakingSlot", "MatchmakingSlot.id", "Meeting.slotId")
    .select(["Meeting.id", "Meeting.eventId", "Meeting.requestId", "MeetingRequest.fromProfileId", "MeetingRequest.toProfileId"])
    .where("MeetingSeat.profileId", "=", args.profileId)
    .where("MatchmakingSlot.startsAt", ">", args.now),
);

export const deleteSeatsOfMeeting = prepare((args: { meetingId: string }) => kysely.deleteFrom("MeetingSeat").where("meetingId", "=", args.meetingId));

export const deleteMeeting = prepare((args: { id: string }) => kysely.deleteFrom("Meeting").where("id", "=", args.id));

export const cancelRequest = prepare((args: { id: string; now: string }) => kysely.updateTable("MeetingRequest").set({ status: "CANCELLED", decidedAt: args.now }).where("id", "=", args.id));
