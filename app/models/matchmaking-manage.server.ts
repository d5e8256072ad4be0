import { audit } from "~/models/audit.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { registrationOfProfile } from "~/models/store/matchmaking-store.server";
import { cancelPendingRequestsOf, cancelRequest, deleteMeeting, deleteSeatsOfMeeting, markOptedOut, upcomingMeetingsOf } from "~/models/store/matchmaking-opt-out-store.server";
import { DomainError } from "~/utils/domain-error";
import { matchmakingForToken, meetingsOfProfile, ownProfileView, participantsFor, requestsFor } from "./matchmaking.server";
import { optInOpen, shareableFields } from "./matchmaking-rules";
import { meetingScheduleEmailKind } from "./meeting-placement.server";
import { enqueueRenderLaterInTransaction, wakeOutboxSender } from "./outbox.server";
import { listTaxonomy } from "./taxonomy.server";

/**
 * The attendee's side of event matchmaking on the manage link (issue 18 §2–§4): everything the page shows in
 * one read, and leaving matchmaking. Another participant appears only through `participantsFor`,
 * `requestsFor` and `meetingsOfProfile`, which carry what that participant shares and nothing else.
 */

/** Whether the manage page offers matchmaking for this event at all. */
export async function matchmakingEnabledFor(eventId: string): Promise<boolean> {
  const setup = await (await prisma()).matchmakingSetup.findUnique({ where: { eventId }, select: { enabled: true } });
  return setup?.enabled ?? false;
}

export async function matchmakingManageView(token: string, now = new Date()) {
  const { registration, setup, slots, profile } = await matchmakingForToken(token);
  const { industries } = await listTaxonomy();
  const own = profile ? ownProfileView(profile, new Map(industries.map((industry) => [industry.id, industry.code]))) : null;
  const [participants, requests, meetings] = profile ? await Promise.all([participantsFor(token), requestsFor(token), meetingsOfProfile(profile.id, now)]) : [[], [], []];
  const event = registration.event;
  return {
    event: { slug: event.slug, title: event.title, titleEn: event.titleEn, timeZone: event.timeZone },
    optInOpen: optInOpen(setup.optInClosesAt, slots[0]?.startsAt ?? null, now),
    slots: slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
    industries: industries.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    // The person's own details, so the form can show what each "share" box would reveal.
    own: Object.fromEntries(shareableFields.map((field) => [field, registration[field] ?? ""])) as Record<(typeof shareableFields)[number], string>,
    profile: own,
    participants,
    requests,
    meetings,
  };
}

/**
 * Leaves the event's matchmaking: the profile is hidden from the others, pending requests both ways are
 * withdrawn, and meetings not yet started are released; the other side of each gets its schedule again by
 * e-mail. Meetings that have started stay, as history. Opting in again brings the profile back.
 */
export async function optOut(token: string, now = new Date()) {
  const { profile, registration } = await matchmakingForToken(token);
  if (!profile) throw new DomainError("conflict", "not_opted_in", "matchmaking.error.notOptedIn");
  const released = await writeTransaction((sql) => {
    const at = sqlDate(now);
    markOptedOut.run(sql, { profileId: profile.id, now: at });
    cancelPendingRequestsOf.run(sql, { profileId: profile.id, now: at });
    const meetings = upcomingMeetingsOf.all(sql, { profileId: profile.id, now: at });
    for (const meeting of meetings) {
      deleteSeatsOfMeeting.run(sql, { meetingId: meeting.id });
      deleteMeeting.run(sql, { id: meeting.id });
      cancelRequest.run(sql, { id: meeting.requestId, now: at });
      const otherId = meeting.fromProfileId === profile.id ? meeting.toProfileId : meeting.fromProfileId;
      const other = registrationOfProfile.get(sql, { profileId: otherId });
      if (other) {
        enqueueRenderLaterInTransaction(
          sql,
          { kind: meetingScheduleEmailKind, to: other.email, eventId: meeting.eventId, registrationId: other.id, dedupeKey: `${meetingScheduleEmailKind}:released:${meeting.id}:${otherId}` },
          now,
        );
      }
    }
    return meetings.length;
  });
  await audit({ action: "matchmaking.left", targetType: "Registration", targetId: registration.id, eventId: registration.eventId, details: { meetingsReleased: released } });
  if (released) wakeOutboxSender();
  return { released };
}
