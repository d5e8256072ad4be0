import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { saveSetup } from "~/models/matchmaking.server";
import { publishMeetingPlan, runMeetingPlan } from "~/models/meeting-plan.server";
import { prisma } from "~/models/store/connection.server";

/**
 * The organizers' batch meeting plan on a real database (issue 18 §3): every accepted request placed where
 * both are available, nobody and no table twice in a slot, the unplaced with their reason, and publication
 * e-mailing exactly the people whose schedule changed.
 */
async function plannedEvent({ slots, tables }: { slots: number; tables: number }) {
  const db = await prisma();
  const slug = `plan-${randomBytes(4).toString("hex")}`;
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  const event = await db.event.create({
    data: { slug, kind: "DEEP_DIVE", status: "PUBLISHED", title: `排期 ${slug}`, timeZone: "Asia/Shanghai", startsAt, endsAt: new Date(startsAt.getTime() + 8 * 3_600_000) },
  });
  await db.session.create({ data: { eventId: event.id, title: "一对一供需洽谈", type: "MATCHMAKING", startsAt, endsAt: new Date(startsAt.getTime() + slots * 15 * 60_000) } });
  await saveSetup(event.id, { enabled: true, slotMinutes: 15, tables, optInClosesAt: null }, null);
  const slotIds = (await db.matchmakingSlot.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } })).map((slot) => slot.id);
  return { eventId: event.id, slotIds };
}

async function participant(eventId: string, name: string, slotIds: string[]) {
  const db = await prisma();
  const email = `${name}-${randomBytes(3).toString("hex")}@example.org`;
  const registration = await db.registration.create({
    data: {
      eventId,
      status: "CONFIRMED",
      name,
      email,
      emailNormalized: email,
      ticketCode: randomBytes(16).toString("base64url"),
      manageTokenHash: randomBytes(16).toString("hex"),
      consentAt: new Date(),
      consentNoticeVersion: "1",
    },
  });
  const profile = await db.matchmakingProfile.create({ data: { eventId, registrationId: registration.id, side: "BOTH", availability: { create: slotIds.map((slotId) => ({ slotId })) } } });
  return profile.id;
}

async function accepted(eventId: string, fromProfileId: string, toProfileId: string) {
  return (await (await prisma()).meetingRequest.create({ data: { eventId, fromProfileId, toProfileId, status: "ACCEPTED", decidedAt: new Date() } })).id;
}

async function placements(eventId: string) {
  const meetings = await (await prisma()).meeting.findMany({ where: { eventId }, include: { request: true, seats: true } });
  return meetings.map((meeting) => ({
    requestId: meeting.requestId,
    slotId: meeting.slotId,
    table: meeting.table,
    people: [meeting.request.fromProfileId, meeting.request.toProfileId],
    seats: meeting.seats.length,
  }));
}

describe("the batch meeting plan", () => {
  it("places accepted requests without double-booking, within availability, and says why the rest have no place", async () => {
    const { eventId, slotIds } = await plannedEvent({ slots: 3, tables: 2 });
    const [s1, s2, s3] = slotIds as [string, string, string];
    const availability: Record<string, string[]> = {};
    const people: string[] = [];
    for (let index = 0; index < 10; index++) {
      const slots = slotIds.filter((_, slot) => (index + slot) % 4 !== 0);
      const id = await participant(eventId, `p${index}`, slots);
      availability[id] = slots;
      people.push(id);
    }
    const lonely = await participant(eventId, "lonely", [s1]);
    const other = await participant(eventId, "other", [s3]);
    const requests: string[] = [];
    for (let index = 0; index < people.length; index++) {
      requests.push(await accepted(eventId, people[index]!, people[(index + 1) % people.length]!));
      requests.push(await accepted(eventId, people[index]!, people[(index + 3) % people.length]!));
    }
    const impossible = await accepted(eventId, lonely, other);
    // A request still pending is not planned.
    await (await prisma()).meetingRequest.create({ data: { eventId, fromProfileId: people[0]!, toProfileId: people[5]!, status: "PENDING" } });

    const run = await runMeetingPlan(eventId, null);
    const placed = await placements(eventId);
    expect(run.placed).toBe(placed.length);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThanOrEqual(3 * 2);
    const seats = new Set<string>();
    const tables = new Set<string>();
    for (const meeting of placed) {
      expect(meeting.seats).toBe(2);
      expect(meeting.table).toBeGreaterThanOrEqual(1);
      expect(meeting.table).toBeLessThanOrEqual(2);
      expect(tables.has(`${meeting.slotId} ${meeting.table}`)).toBe(false);
      tables.add(`${meeting.slotId} ${meeting.table}`);
      for (const person of meeting.people) {
        expect(availability[person]).toContain(meeting.slotId);
        expect(seats.has(`${meeting.slotId} ${person}`)).toBe(false);
        seats.add(`${meeting.slotId} ${person}`);
      }
    }
    const reasons = Object.fromEntries((await (await prisma()).meetingRequest.findMany({ where: { eventId, status: "ACCEPTED" } })).map((request) => [request.id, request.unplacedReason]));
    expect(reasons[impossible]).toBe("no_common_slot");
    for (const requestId of requests) {
      const isPlaced = placed.some((meeting) => meeting.requestId === requestId);
      expect(reasons[requestId] === null).toBe(isPlaced);
    }
    expect(run.unplaced.map((entry) => entry.requestId).sort()).toEqual(
      Object.entries(reasons)
        .filter(([, reason]) => reason !== null)
        .map(([id]) => id)
        .sort(),
    );
    expect(s2).toBeTruthy();
  });

  it("publishes: the first publication e-mails everyone with a meeting, the next only those whose schedule changed", async () => {
    const { eventId, slotIds } = await plannedEvent({ slots: 2, tables: 1 });
    const [s1, s2] = slotIds as [string, string];
    const a = await participant(eventId, "a", [s1, s2]);
    const b = await participant(eventId, "b", [s1, s2]);
    const c = await participant(eventId, "c", [s1, s2]);
    const d = await participant(eventId, "d", [s1, s2]);
    await accepted(eventId, a, b);
    await runMeetingPlan(eventId, null);
    const first = await publishMeetingPlan(eventId, null);
    expect(first).toEqual({ version: 1, notified: 2 });

    // Nothing changed: nobody is e-mailed again.
    await runMeetingPlan(eventId, null);
    expect(await publishMeetingPlan(eventId, null)).toEqual({ version: 2, notified: 0 });

    // c and d only meet in s1, where a and b sit at the one table: a and b move to s2, c and d take s1.
    await (await prisma()).matchmakingAvailability.deleteMany({ where: { profileId: { in: [c, d] }, slotId: s2 } });
    await accepted(eventId, c, d);
    const run = await runMeetingPlan(eventId, null);
    expect(run).toMatchObject({ placed: 2, moved: 1, unplaced: [] });
    expect(await publishMeetingPlan(eventId, null)).toEqual({ version: 3, notified: 4 });
    const mails = await (await prisma()).emailMessage.findMany({ where: { eventId, kind: "meeting-schedule" } });
    expect(mails).toHaveLength(6);
    const setup = await (await prisma()).matchmakingSetup.findUniqueOrThrow({ where: { eventId } });
    expect(setup.planVersion).toBe(3);
    expect(setup.planPublishedAt).not.toBeNull();
  });

  it("is no longer re-run once a meeting has a check-in", async () => {
    const { eventId, slotIds } = await plannedEvent({ slots: 1, tables: 1 });
    const a = await participant(eventId, "a", slotIds);
    const b = await participant(eventId, "b", slotIds);
    await accepted(eventId, a, b);
    await runMeetingPlan(eventId, null);
    await (await prisma()).meeting.updateMany({ where: { eventId }, data: { fromCheckedInAt: new Date() } });
    await expect(runMeetingPlan(eventId, null)).rejects.toMatchObject({ code: "meetings_started" });
  });
});
