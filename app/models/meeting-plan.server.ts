import { sqlDate, writeTransaction } from "~/models/store/connection.server";
import {
  acceptedRequests,
  currentPlan,
  deleteMeeting,
  deleteSeatsOfMeeting,
  markPlanPublished,
  planAvailability,
  planRecipient,
  planSetup,
  planSlots,
  setUnplacedReason,
} from "~/models/store/meeting-plan-store.server";
import { DomainError } from "~/utils/domain-error";
import { audit } from "./audit.server";
import { meetingScheduleEmailKind, placeMeetingInTransaction } from "./meeting-placement.server";
import { scheduleMeetings, type UnplacedReason } from "./meeting-scheduler";
import { enqueueRenderLaterInTransaction, wakeOutboxSender } from "./outbox.server";

/**
 * The organizers' batch plan of an event's 1:1 meetings (issue 18 §3): run the scheduler over every accepted
 * request, see what it could not place and why, then publish — each participant whose schedule differs from
 * the last published plan is e-mailed their schedule (rendered when sent, in their language).
 *
 * The run reads and writes in ONE write transaction, so an accept arriving meanwhile waits and is then placed
 * against the new plan; the meetings are written through the same guarded insert as an accept's, so even a
 * bug here could not double-book a person or a table. Once a meeting has a check-in the day has begun, and
 * the plan is no longer re-run.
 */
export type PlanRun = { placed: number; moved: number; unplaced: Array<{ requestId: string; reason: UnplacedReason }> };

export async function runMeetingPlan(eventId: string, actorId: string | null, now = new Date()): Promise<PlanRun> {
  const result = await writeTransaction((sql) => {
    const setup = planSetup.get(sql, { eventId });
    if (!setup) throw new DomainError("conflict", "matchmaking_disabled", "matchmaking.plan.notSetUp");
    const slots = planSlots.all(sql, { eventId });
    const requests = acceptedRequests.all(sql, { eventId });
    if (requests.some((request) => request.fromCheckedInAt || request.toCheckedInAt)) throw new DomainError("conflict", "meetings_started", "matchmaking.plan.started");
    const availability: Record<string, string[]> = {};
    for (const { profileId, slotId } of planAvailability.all(sql, { eventId })) (availability[profileId] ??= []).push(slotId);
    const schedule = scheduleMeetings({
      slots: slots.map((slot) => slot.id),
      tables: setup.tables,
      availability,
      requests: requests.map((request) => ({
        id: request.id,
        from: request.fromProfileId,
        to: request.toProfileId,
        current: request.slotId && request.table !== null ? { slotId: request.slotId, table: request.table } : null,
      })),
    });
    const byId = new Map(requests.map((request) => [request.id, request]));
    const target = new Map(schedule.placed.map((placement) => [placement.requestId, placement]));
    // First every meeting that moves or goes lets go of its table and seats, then the new places are taken.
    let moved = 0;
    for (const request of requests) {
      const place = target.get(request.id);
      if (!request.meetingId || (place && place.slotId === request.slotId && place.table === request.table)) continue;
      deleteSeatsOfMeeting.run(sql, { meetingId: request.meetingId });
      deleteMeeting.run(sql, { meetingId: request.meetingId });
      if (place) moved++;
    }
    for (const place of schedule.placed) {
      const request = byId.get(place.requestId)!;
      if (request.meetingId && place.slotId === request.slotId && place.table === request.table) continue;
      const placed = placeMeetingInTransaction(sql, { id: request.id, eventId, fromProfileId: request.fromProfileId, toProfileId: request.toProfileId }, place.slotId, place.table, now);
      // The scheduler never double-books; a conflict here would be a defect, and the whole run is undone.
      if (!placed) throw new Error(`The meeting plan double-booked request ${request.id}`);
    }
    for (const request of requests) setUnplacedReason.run(sql, { id: request.id, reason: null });
    for (const { requestId, reason } of schedule.unplaced) setUnplacedReason.run(sql, { id: requestId, reason });
    return { placed: schedule.placed.length, moved, unplaced: schedule.unplaced };
  });
  await audit({
    action: "matchmaking.plan_run",
    actorUserId: actorId,
    targetType: "Event",
    targetId: eventId,
    eventId,
    details: { placed: result.placed, moved: result.moved, unplaced: result.unplaced.length },
  });
  return result;
}

/**
 * Publishes the plan as it stands; answers how many participants were e-mailed a changed schedule. The demo
 * seed publishes with `notify: false`: its fictional participants get no mail.
 */
export async function publishMeetingPlan(eventId: string, actorId: string | null, now = new Date(), { notify = true } = {}): Promise<{ version: number; notified: number }> {
  const result = await writeTransaction((sql) => {
    const setup = planSetup.get(sql, { eventId });
    if (!setup) throw new DomainError("conflict", "matchmaking_disabled", "matchmaking.plan.notSetUp");
    const plan: Record<string, string[]> = {};
    for (const { profileId, slotId, table } of currentPlan.all(sql, { eventId })) (plan[profileId] ??= []).push(`${slotId}@${table}`);
    for (const places of Object.values(plan)) places.sort();
    const previous = JSON.parse(setup.publishedPlan) as Record<string, string[]>;
    const version = setup.planVersion + 1;
    let notified = 0;
    for (const profileId of new Set([...Object.keys(plan), ...Object.keys(previous)])) {
      if (!notify || (plan[profileId] ?? []).join() === (previous[profileId] ?? []).join()) continue;
      const recipient = planRecipient.get(sql, { profileId });
      if (!recipient) continue;
      const queued = enqueueRenderLaterInTransaction(
        sql,
        { kind: meetingScheduleEmailKind, to: recipient.email, eventId, registrationId: recipient.id, dedupeKey: `meeting-plan:${eventId}:${version}:${profileId}` },
        now,
      );
      if (queued) notified++;
    }
    markPlanPublished.run(sql, { eventId, publishedPlan: JSON.stringify(plan), now: sqlDate(now) });
    return { version, notified };
  });
  wakeOutboxSender();
  await audit({ action: "matchmaking.plan_published", actorUserId: actorId, targetType: "Event", targetId: eventId, eventId, details: result });
  return result;
}
