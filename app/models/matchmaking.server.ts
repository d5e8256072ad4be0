import { randomUUID } from "node:crypto";
import type { MeetingRequest, RequestStatus } from "~/generated/prisma/client";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import {
  checkInFrom,
  checkInTo,
  decideRequest,
  deleteAvailability,
  deleteEmptySlot,
  highestTableUsed,
  insertAvailability,
  insertSlot,
  recordNoShows,
  requestToDecide,
  slotsWithMeetings,
  updateSlot,
  upsertSetup,
} from "~/models/store/matchmaking-store.server";
import type { ProfileInput } from "~/schemas/matchmaking";
import { DomainError } from "~/utils/domain-error";
import { wakeOutboxSender } from "./outbox.server";
import { enqueueScheduleEmailsInTransaction, placeInEarliestSlot } from "./meeting-placement.server";
import {
  followUpOpen,
  meetingCheckInOpen,
  meetingOutcome,
  optInOpen,
  parseShared,
  sharedDetails,
  slotChanges,
  slotsOfSessions,
  suggestionFit,
  tagsColumn,
  tagsOf,
  type MatchSideName,
  type ShareableField,
  type SuggestionReason,
  type SuggestionSubject,
} from "./matchmaking-rules";
import { fitReason } from "./match-fit";
import { localized, type Locale, type Translate } from "~/i18n";
import { audit } from "./audit.server";
import { requireByToken } from "./registration-self-service.server";
import type { UnplacedReason } from "./meeting-scheduler";

/**
 * Event matchmaking (issue 18 §2–§5): the organizers' setup and slots, the registrants' opt-in from their
 * manage link, browsing and suggestions, requests, accepting with guarded placement, schedules, check-in at
 * the table, no-shows and the follow-up. Participants are known by their registration's manage token.
 */
const sideOf = { SUPPLY: "supply", DEMAND: "demand", BOTH: "both" } as const satisfies Record<string, MatchSideName>;
const sideColumn = { supply: "SUPPLY", demand: "DEMAND", both: "BOTH" } as const;
const requestStatusName = { PENDING: "pending", ACCEPTED: "accepted", DECLINED: "declined", CANCELLED: "cancelled" } as const satisfies Record<RequestStatus, string>;

const defaults = { enabled: false, slotMinutes: 15, tables: 10, optInClosesAt: null as Date | null };

async function setupOfEvent(eventId: string) {
  const db = await prisma();
  return (await db.matchmakingSetup.findUnique({ where: { eventId } })) ?? { eventId, ...defaults, planPublishedAt: null as Date | null, planVersion: 0 };
}

async function slotsOf(eventId: string) {
  return (await prisma()).matchmakingSlot.findMany({ where: { eventId }, orderBy: { startsAt: "asc" } });
}

// ---- organizers ----

export type SetupInput = { enabled: boolean; slotMinutes: number; tables: number; optInClosesAt: Date | null };

/**
 * Saves the setup and regenerates the slots from the event's matchmaking sessions, in one write transaction:
 * slots that keep their start keep their id (and everybody's availability in them); a slot that would
 * disappear while a meeting sits in it refuses the whole change, as does fewer tables than one in use.
 */
export async function saveSetup(eventId: string, input: SetupInput, actorId: string | null, now = new Date()) {
  const db = await prisma();
  const sessions = await db.session.findMany({ where: { eventId, type: "MATCHMAKING" }, select: { id: true, startsAt: true, endsAt: true } });
  const wanted = slotsOfSessions(sessions, input.slotMinutes);
  if (input.enabled && wanted.length === 0) throw new DomainError("conflict", "no_matchmaking_sessions", "matchmaking.setup.noSessions");
  await writeTransaction((sql) => {
    const existing = slotsWithMeetings.all(sql, { eventId }).map((slot) => ({ id: slot.id, startsAt: new Date(slot.startsAt), hasMeetings: Boolean(slot.hasMeetings) }));
    const changes = slotChanges(existing, wanted);
    if (changes.blocked.length) throw new DomainError("conflict", "slot_has_meetings", "matchmaking.setup.slotHasMeetings", { count: changes.blocked.length });
    const highest = Number(highestTableUsed.get(sql, { eventId })?.highest ?? 0);
    if (input.tables < highest) throw new DomainError("conflict", "table_in_use", "matchmaking.setup.tableInUse", { table: highest });
    upsertSetup.run(sql, {
      eventId,
      enabled: input.enabled ? 1 : 0,
      slotMinutes: input.slotMinutes,
      tables: input.tables,
      optInClosesAt: input.optInClosesAt ? sqlDate(input.optInClosesAt) : null,
      now: sqlDate(now),
    });
    for (const slot of changes.removed) {
      if (deleteEmptySlot.run(sql, { id: slot.id }).changes !== 1) throw new DomainError("conflict", "slot_has_meetings", "matchmaking.setup.slotHasMeetings", { count: 1 });
    }
    for (const slot of changes.kept) updateSlot.run(sql, { eventId, startsAt: sqlDate(slot.startsAt), sessionId: slot.sessionId, endsAt: sqlDate(slot.endsAt) });
    for (const slot of changes.added) insertSlot.run(sql, { id: randomUUID(), eventId, sessionId: slot.sessionId, startsAt: sqlDate(slot.startsAt), endsAt: sqlDate(slot.endsAt) });
  });
  await audit({
    action: "matchmaking.setup_changed",
    actorUserId: actorId,
    targetType: "Event",
    targetId: eventId,
    eventId,
    details: { enabled: input.enabled, slotMinutes: input.slotMinutes, tables: input.tables, slots: wanted.length },
  });
}

/** Meetings whose slot is over without both sides at the table become no-shows (recorded on read, once). */
export async function recordEventNoShows(eventId: string, now = new Date()) {
  await writeTransaction((sql) => recordNoShows.run(sql, { eventId, now: sqlDate(now) }));
}

const partyColumns = { select: { name: true, organization: true } } as const;

/** Everything the setup page shows: the setup, sessions, slots, participants, requests, meetings, follow-ups. */
export async function matchmakingOverview(eventId: string, now = new Date()) {
  await recordEventNoShows(eventId, now);
  const db = await prisma();
  const [setup, sessions, slots, profiles, requests, meetings, followUps] = await Promise.all([
    setupOfEvent(eventId),
    db.session.findMany({ where: { eventId, type: "MATCHMAKING" }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, titleEn: true, startsAt: true, endsAt: true } }),
    db.matchmakingSlot.findMany({ where: { eventId }, orderBy: { startsAt: "asc" }, include: { _count: { select: { meetings: true, availability: true } } } }),
    db.matchmakingProfile.findMany({
      where: { eventId, optedOutAt: null },
      orderBy: { createdAt: "asc" },
      include: { registration: { select: { name: true, organization: true } }, _count: { select: { availability: true } } },
    }),
    db.meetingRequest.findMany({
      where: { eventId },
      orderBy: { createdAt: "asc" },
      include: { fromProfile: { include: { registration: { select: { name: true } } } }, toProfile: { include: { registration: { select: { name: true } } } }, meeting: { select: { id: true } } },
    }),
    db.meeting.findMany({
      where: { eventId },
      orderBy: [{ slot: { startsAt: "asc" } }, { table: "asc" }],
      include: { slot: true, request: { include: { fromProfile: { include: { registration: partyColumns } }, toProfile: { include: { registration: partyColumns } } } } },
    }),
    db.meetingFollowUp.findMany({ where: { meeting: { eventId } }, select: { nextStep: true, usefulness: true } }),
  ]);
  const rated = followUps.filter((answer) => answer.usefulness !== null);
  return {
    setup: {
      enabled: setup.enabled,
      slotMinutes: setup.slotMinutes,
      tables: setup.tables,
      optInClosesAt: setup.optInClosesAt,
      planPublishedAt: setup.planPublishedAt,
      planVersion: setup.planVersion,
    },
    sessions,
    slots: slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, meetings: slot._count.meetings, available: slot._count.availability })),
    participants: profiles.map((profile) => ({
      id: profile.id,
      name: profile.registration.name,
      organization: profile.registration.organization,
      side: sideOf[profile.side],
      tags: tagsOf(profile.tags),
      slots: profile._count.availability,
    })),
    requests: requests.map((request) => ({
      id: request.id,
      from: request.fromProfile.registration.name,
      to: request.toProfile.registration.name,
      status: requestStatusName[request.status],
      message: request.message,
      createdAt: request.createdAt,
      placed: Boolean(request.meeting),
      unplacedReason: request.unplacedReason as UnplacedReason | null,
    })),
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      startsAt: meeting.slot.startsAt,
      endsAt: meeting.slot.endsAt,
      table: meeting.table,
      slotId: meeting.slotId,
      from: meeting.request.fromProfile.registration.name,
      to: meeting.request.toProfile.registration.name,
      fromParty: meeting.request.fromProfile.registration,
      toParty: meeting.request.toProfile.registration,
      fromCheckedIn: Boolean(meeting.fromCheckedInAt),
      toCheckedIn: Boolean(meeting.toCheckedInAt),
      outcome: meetingOutcome(meeting, meeting.slot, now),
    })),
    followUps: {
      answers: followUps.length,
      nextSteps: followUps.filter((answer) => answer.nextStep).length,
      averageUsefulness: rated.length ? Math.round((rated.reduce((sum, answer) => sum + answer.usefulness!, 0) / rated.length) * 10) / 10 : null,
    },
  };
}

// ---- participants, by their manage token ----

/** The registration behind the token, the event's matchmaking and this person's profile (null before opting in). */
export async function matchmakingForToken(token: string) {
  const registration = await requireByToken(token);
  const setup = await setupOfEvent(registration.eventId);
  if (!setup.enabled) throw new DomainError("not_found", "matchmaking_disabled", "matchmaking.error.disabled");
  if (registration.status !== "CONFIRMED") throw new DomainError("forbidden", "not_confirmed", "matchmaking.error.notConfirmed");
  const db = await prisma();
  const [slots, profile] = await Promise.all([
    slotsOf(registration.eventId),
    db.matchmakingProfile.findUnique({ where: { registrationId: registration.id }, include: { availability: { select: { slotId: true } } } }),
  ]);
  return { registration, setup, slots, profile: profile && !profile.optedOutAt ? profile : null };
}

type Context = Awaited<ReturnType<typeof matchmakingForToken>>;

async function requireProfile(token: string) {
  const context = await matchmakingForToken(token);
  if (!context.profile) throw new DomainError("conflict", "not_opted_in", "matchmaking.error.notOptedIn");
  return { ...context, profile: context.profile };
}

export function ownProfileView(profile: NonNullable<Context["profile"]>, industries: Map<string, string>) {
  return {
    id: profile.id,
    side: sideOf[profile.side],
    offers: profile.offers,
    needs: profile.needs,
    tags: tagsOf(profile.tags),
    industry: profile.industryId ? (industries.get(profile.industryId) ?? null) : null,
    shared: parseShared(profile.shared),
    availability: profile.availability.map((row) => row.slotId),
  };
}

async function industryCodes() {
  const rows = await (await prisma()).industry.findMany({ select: { id: true, code: true } });
  return { byId: new Map(rows.map((row) => [row.id, row.code])), byCode: new Map(rows.map((row) => [row.code, row.id])) };
}

/** Opts in (or changes the profile): side, offers, needs, tags, industry, what is shared, availability per slot. */
export async function saveProfile(token: string, input: ProfileInput, now = new Date()) {
  const { registration, setup, slots, profile } = await matchmakingForToken(token);
  if (!optInOpen(setup.optInClosesAt, slots[0]?.startsAt ?? null, now)) throw new DomainError("conflict", "opt_in_closed", "matchmaking.error.optInClosed");
  const known = new Set(slots.map((slot) => slot.id));
  const unknown = input.availability.filter((slotId) => !known.has(slotId));
  if (unknown.length) throw new DomainError("invalid", "invalid_input", "form.fixErrors", undefined, { availability: "matchmaking.error.unknownSlot" });
  const industries = await industryCodes();
  const industryId = input.industry ? industries.byCode.get(input.industry) : null;
  if (industryId === undefined) throw new DomainError("invalid", "invalid_input", "form.fixErrors", undefined, { industry: "validation.invalid" });
  const db = await prisma();
  const data = {
    side: sideColumn[input.side],
    offers: input.offers,
    needs: input.needs,
    tags: tagsColumn(input.tags),
    industryId,
    shared: JSON.stringify(input.shared),
    optedOutAt: null,
  };
  const saved = profile
    ? await db.matchmakingProfile.update({ where: { id: profile.id }, data })
    : await db.matchmakingProfile.upsert({ where: { registrationId: registration.id }, create: { ...data, eventId: registration.eventId, registrationId: registration.id }, update: data });
  await writeTransaction((sql) => {
    deleteAvailability.run(sql, { profileId: saved.id });
    for (const slotId of new Set(input.availability)) insertAvailability.run(sql, { profileId: saved.id, slotId });
  });
  const fresh = await db.matchmakingProfile.findUniqueOrThrow({ where: { id: saved.id }, include: { availability: { select: { slotId: true } } } });
  return ownProfileView(fresh, industries.byId);
}

type ProfileWithRegistration = Awaited<ReturnType<typeof otherProfiles>>[number];

async function otherProfiles(eventId: string, exceptId: string) {
  return (await prisma()).matchmakingProfile.findMany({
    where: { eventId, optedOutAt: null, id: { not: exceptId }, registration: { status: "CONFIRMED", anonymisedAt: null } },
    orderBy: { createdAt: "asc" },
    include: { registration: { select: { name: true, organization: true, jobTitle: true, email: true, phone: true } } },
  });
}

/** What one participant shows the others: only the registration fields they chose to share. */
function sharedOf(profile: Pick<ProfileWithRegistration, "shared" | "registration">) {
  return sharedDetails(profile.registration as Record<ShareableField, string | null>, parseShared(profile.shared));
}

/**
 * The other participants of the event, each with only what they share, ranked by how well they fit this
 * participant (score and reasons), with the request between the two if there is one.
 */
export async function participantsFor(token: string) {
  const { profile } = await requireProfile(token);
  const [others, industries, requests] = await Promise.all([
    otherProfiles(profile.eventId, profile.id),
    industryTerms(),
    (await prisma()).meetingRequest.findMany({ where: { OR: [{ fromProfileId: profile.id }, { toProfileId: profile.id }] } }),
  ]);
  const me = fitSubject(profile, industries);
  return others
    .map((other) => {
      const { score, reason } = suggestionFit(me, fitSubject(other, industries));
      const request = requests.find((row) => row.fromProfileId === other.id || row.toProfileId === other.id) ?? null;
      const industry = other.industryId ? (industries.get(other.industryId) ?? null) : null;
      return {
        id: other.id,
        side: sideOf[other.side],
        offers: other.offers,
        needs: other.needs,
        tags: tagsOf(other.tags),
        industry: industry?.code ?? null,
        shared: sharedOf(other),
        score,
        reasons: { ...reason, industry: reason.fit.sameIndustry && industry ? { name: industry.name, nameEn: industry.nameEn } : null },
        request: request ? { id: request.id, direction: request.fromProfileId === profile.id ? ("sent" as const) : ("received" as const), status: requestStatusName[request.status] } : null,
      };
    })
    .sort((a, b) => b.score - a.score);
}

export type ParticipantView = Awaited<ReturnType<typeof participantsFor>>[number];
export type FitReasons = SuggestionReason & { industry: { name: string; nameEn: string } | null };

/** The reasons as the reader sees them: "供需互补", "同属金融；关键词：反欺诈、信贷审批". */
export function describeFit(reasons: FitReasons, t: Translate, locale: Locale): string[] {
  const industry = reasons.industry ? localized(locale, reasons.industry.name, reasons.industry.nameEn) : null;
  const line = fitReason(reasons.fit, { industry }, locale);
  return [reasons.complement ? t("matchmaking.reason.complement") : "", line].filter(Boolean);
}

async function industryTerms() {
  const rows = await (await prisma()).industry.findMany({ select: { id: true, code: true, name: true, nameEn: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

function fitSubject(
  profile: { side: keyof typeof sideOf; offers: string; needs: string; tags: string; industryId: string | null },
  industries: Awaited<ReturnType<typeof industryTerms>>,
): SuggestionSubject {
  return {
    side: sideOf[profile.side],
    offers: profile.offers,
    needs: profile.needs,
    tags: tagsOf(profile.tags),
    industryCode: profile.industryId ? (industries.get(profile.industryId)?.code ?? null) : null,
  };
}

/** A meeting request with a message, to another participant of the same event. */
export async function sendRequest(token: string, input: { to: string; message: string }, now = new Date()) {
  const { profile } = await requireProfile(token);
  if (input.to === profile.id) throw new DomainError("invalid", "invalid_input", "form.fixErrors", undefined, { to: "matchmaking.error.self" });
  const db = await prisma();
  const other = await db.matchmakingProfile.findFirst({ where: { id: input.to, eventId: profile.eventId, optedOutAt: null, registration: { status: "CONFIRMED" } } });
  if (!other) throw new DomainError("not_found", "participant_not_found", "matchmaking.error.participantNotFound");
  const existing = await db.meetingRequest.findFirst({
    where: {
      OR: [
        { fromProfileId: profile.id, toProfileId: other.id },
        { fromProfileId: other.id, toProfileId: profile.id },
      ],
    },
  });
  if (existing) throw new DomainError("conflict", "already_requested", "matchmaking.error.alreadyRequested");
  try {
    const request = await db.meetingRequest.create({ data: { eventId: profile.eventId, fromProfileId: profile.id, toProfileId: other.id, message: input.message, createdAt: now } });
    return { id: request.id, status: "pending" as const };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DomainError("conflict", "already_requested", "matchmaking.error.alreadyRequested");
    throw error;
  }
}

/**
 * Accepting places the meeting at once, in the earliest slot both are available in where neither sits in a
 * meeting and a table is free (guarded inserts: see meeting-placement.server.ts). With no such slot the
 * request stays pending and the answer is 409 `no_common_slot`.
 */
export async function acceptRequest(token: string, requestId: string, now = new Date()) {
  const { profile } = await requireProfile(token);
  const placed = await writeTransaction((sql) => {
    const request = requestToDecide.get(sql, { id: requestId, eventId: profile.eventId });
    if (!request || (request.toProfileId !== profile.id && request.fromProfileId !== profile.id)) throw new DomainError("not_found", "request_not_found", "matchmaking.error.requestNotFound");
    if (request.toProfileId !== profile.id) throw new DomainError("forbidden", "not_yours_to_accept", "matchmaking.error.notYoursToDecide");
    if (request.status !== "PENDING") throw new DomainError("conflict", "already_decided", "matchmaking.error.alreadyDecided");
    const placement = placeInEarliestSlot(sql, request, now);
    if (!placement) throw new DomainError("conflict", "no_common_slot", "matchmaking.error.noCommonSlot");
    decideRequest.run(sql, { id: request.id, toProfileId: profile.id, status: "ACCEPTED", now: sqlDate(now) });
    enqueueScheduleEmailsInTransaction(sql, request, placement.meetingId, now);
    return placement;
  });
  wakeOutboxSender();
  const slot = await (await prisma()).matchmakingSlot.findUniqueOrThrow({ where: { id: placed.slotId } });
  return { meeting: { id: placed.meetingId, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), table: placed.table } };
}

export async function declineRequest(token: string, requestId: string, now = new Date()) {
  const { profile } = await requireProfile(token);
  const request = await (await prisma()).meetingRequest.findFirst({ where: { id: requestId, eventId: profile.eventId } });
  if (!request || (request.toProfileId !== profile.id && request.fromProfileId !== profile.id)) throw new DomainError("not_found", "request_not_found", "matchmaking.error.requestNotFound");
  if (request.toProfileId !== profile.id) throw new DomainError("forbidden", "not_yours_to_decide", "matchmaking.error.notYoursToDecide");
  const declined = await writeTransaction((sql) => decideRequest.run(sql, { id: requestId, toProfileId: profile.id, status: "DECLINED", now: sqlDate(now) }).changes === 1);
  if (!declined) throw new DomainError("conflict", "already_decided", "matchmaking.error.alreadyDecided");
  return { id: requestId, status: "declined" as const };
}

/** The requests this participant sent and received, newest first, with the other side's shared details. */
export async function requestsFor(token: string) {
  const { profile } = await requireProfile(token);
  const rows = await (
    await prisma()
  ).meetingRequest.findMany({
    where: { OR: [{ fromProfileId: profile.id }, { toProfileId: profile.id }] },
    orderBy: { createdAt: "desc" },
    include: { fromProfile: { include: { registration: true } }, toProfile: { include: { registration: true } } },
  });
  return rows.map((row) => {
    const sent = row.fromProfileId === profile.id;
    const other = sent ? row.toProfile : row.fromProfile;
    return { id: row.id, direction: sent ? ("sent" as const) : ("received" as const), status: requestStatusName[row.status], message: row.message, with: { id: other.id, shared: sharedOf(other) } };
  });
}

/** This participant's meetings in time order: when, which table, with whom (what they share), check-in and outcome. */
export async function meetingsOfProfile(profileId: string, now = new Date()) {
  const seats = await (
    await prisma()
  ).meetingSeat.findMany({
    where: { profileId },
    include: {
      slot: true,
      meeting: { include: { request: { include: { fromProfile: { include: { registration: true } }, toProfile: { include: { registration: true } } } }, followUps: { where: { profileId } } } },
    },
    orderBy: { slot: { startsAt: "asc" } },
  });
  return seats.map(({ slot, meeting }) => {
    const iAmFrom = meeting.request.fromProfileId === profileId;
    const other = iAmFrom ? meeting.request.toProfile : meeting.request.fromProfile;
    const followUp = meeting.followUps[0] ?? null;
    return {
      id: meeting.id,
      requestId: meeting.requestId,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      table: meeting.table,
      with: { id: other.id, shared: sharedOf(other) },
      checkedIn: Boolean(iAmFrom ? meeting.fromCheckedInAt : meeting.toCheckedInAt),
      otherCheckedIn: Boolean(iAmFrom ? meeting.toCheckedInAt : meeting.fromCheckedInAt),
      outcome: meetingOutcome(meeting, slot, now),
      checkInOpen: meetingCheckInOpen(slot, now),
      followUpOpen: followUpOpen(slot, now),
      followUp: followUp ? { nextStep: followUp.nextStep, usefulness: followUp.usefulness } : null,
    };
  });
}

export type OwnMeeting = Awaited<ReturnType<typeof meetingsOfProfile>>[number];

export async function meetingsFor(token: string, now = new Date()) {
  const { profile } = await requireProfile(token);
  return meetingsOfProfile(profile.id, now);
}

/** "I'm at table N": this side of the meeting is checked in, from half an hour before its slot to its end. */
export async function checkInToMeeting(token: string, meetingId: string, now = new Date()) {
  const { profile } = await requireProfile(token);
  return checkInSide(profile.id, meetingId, now);
}

async function checkInSide(profileId: string, meetingId: string, now: Date) {
  const meeting = await (await prisma()).meeting.findUnique({ where: { id: meetingId }, include: { slot: true, request: true } });
  if (!meeting || (meeting.request.fromProfileId !== profileId && meeting.request.toProfileId !== profileId))
    throw new DomainError("not_found", "meeting_not_found", "matchmaking.error.meetingNotFound");
  if (!meetingCheckInOpen(meeting.slot, now)) throw new DomainError("conflict", "check_in_not_open", "matchmaking.error.checkInNotOpen");
  const statement = meeting.request.fromProfileId === profileId ? checkInFrom : checkInTo;
  await writeTransaction((sql) => statement.run(sql, { id: meetingId, now: sqlDate(now) }));
  return { meetingId, table: meeting.table };
}

/**
 * The scanner's meeting mode: the participant whose ticket was scanned, their meeting now (the one whose
 * check-in is open), checked in to it. Null when they have no meeting now.
 */
export async function checkInMeetingByTicket(eventId: string, ticketCode: string, now = new Date()) {
  const db = await prisma();
  const registration = await db.registration.findFirst({ where: { eventId, ticketCode, status: "CONFIRMED" }, include: { matchmakingProfile: true } });
  if (!registration) throw new DomainError("not_found", "ticket_not_found", "matchmaking.error.ticketNotFound");
  const profile = registration.matchmakingProfile;
  if (!profile) return { name: registration.name, meeting: null };
  const current = (await meetingsOfProfile(profile.id, now)).find((meeting) => meeting.checkInOpen);
  if (!current) return { name: registration.name, meeting: null };
  await checkInSide(profile.id, current.id, now);
  return { name: registration.name, meeting: { table: current.table, startsAt: current.startsAt, endsAt: current.endsAt, with: current.with.shared.name ?? current.with.shared.organization ?? "" } };
}

/** The two-question follow-up, once the meeting's slot is over; answering again changes the answer. */
export async function saveFollowUp(token: string, input: { meetingId: string; nextStep: boolean; usefulness: number }, now = new Date()) {
  const { profile } = await requireProfile(token);
  const db = await prisma();
  const meeting = await db.meeting.findUnique({ where: { id: input.meetingId }, include: { slot: true, request: true } });
  if (!meeting || (meeting.request.fromProfileId !== profile.id && meeting.request.toProfileId !== profile.id))
    throw new DomainError("not_found", "meeting_not_found", "matchmaking.error.meetingNotFound");
  if (!followUpOpen(meeting.slot, now)) throw new DomainError("conflict", "follow_up_not_open", "matchmaking.error.followUpNotOpen");
  await db.meetingFollowUp.upsert({
    where: { meetingId_profileId: { meetingId: meeting.id, profileId: profile.id } },
    create: { meetingId: meeting.id, profileId: profile.id, nextStep: input.nextStep, usefulness: input.usefulness },
    update: { nextStep: input.nextStep, usefulness: input.usefulness },
  });
}

// ---- public ----

/** `GET /api/v1/events/:slug/matchmaking`: whether it runs, its slots and tables, and counts (no person). */
export async function publicMatchmaking(eventId: string, now = new Date()) {
  await recordEventNoShows(eventId, now);
  const db = await prisma();
  const [setup, slots, participants, requests, meetings] = await Promise.all([
    setupOfEvent(eventId),
    slotsOf(eventId),
    db.matchmakingProfile.count({ where: { eventId, optedOutAt: null } }),
    db.meetingRequest.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
    db.meeting.findMany({ where: { eventId }, select: { fromCheckedInAt: true, toCheckedInAt: true, noShowRecordedAt: true } }),
  ]);
  const countOf = (status: MeetingRequest["status"]) => requests.find((row) => row.status === status)?._count._all ?? 0;
  return {
    enabled: setup.enabled,
    slotMinutes: setup.slotMinutes,
    tables: setup.tables,
    optInClosesAt: (setup.optInClosesAt ?? slots[0]?.startsAt ?? null)?.toISOString() ?? null,
    slots: setup.enabled ? slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })) : [],
    participants,
    requests: { pending: countOf("PENDING"), accepted: countOf("ACCEPTED"), declined: countOf("DECLINED"), cancelled: countOf("CANCELLED") },
    meetings: {
      placed: meetings.length,
      held: meetings.filter((meeting) => meeting.fromCheckedInAt && meeting.toCheckedInAt).length,
      noShows: meetings.filter((meeting) => meeting.noShowRecordedAt).length,
    },
  };
}
