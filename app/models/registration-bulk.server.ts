import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { prisma, writeTransaction } from "~/models/store/connection.server";
import { audit } from "~/models/audit.server";
import { DomainError } from "~/utils/domain-error";
import { enqueueEmail, enqueueRenderLaterInTransaction, wakeOutboxSender } from "./outbox.server";
import { renderBulkMessage } from "./registration-emails.server";
import { registrationWhere, type RegistrationFilter } from "./registration-queries.server";
import { cancelRegistration, decideRegistrations } from "./registration-write.server";

/**
 * What a bulk action applies to: rows ticked on the page, or every registration matching the list's filter.
 * The filter is evaluated again when the action runs, and the count the organizer confirmed must still hold.
 */
export type BulkSelection = { ids: string[] } | { filter: RegistrationFilter; expected: number };
export type BulkAction = "approve" | "reject" | "cancel";

async function selectedIds(eventId: string, selection: BulkSelection): Promise<string[]> {
  const db = await prisma();
  const where = "ids" in selection ? { eventId, anonymisedAt: null, id: { in: selection.ids } } : registrationWhere(eventId, selection.filter);
  const rows = await db.registration.findMany({ where, select: { id: true }, orderBy: { createdAt: "asc" } });
  if ("expected" in selection && rows.length !== selection.expected) {
    throw new DomainError("conflict", "selection_changed", "registrations.list.changedSince", { count: rows.length, expected: selection.expected });
  }
  return rows.map((row) => row.id);
}

/** Approves, declines or cancels the selection; returns how many registrations changed. Cancellations are audited here. */
export async function applyBulkAction({ eventId, selection, action, actorUserId }: { eventId: string; selection: BulkSelection; action: BulkAction; actorUserId: string }) {
  const ids = await selectedIds(eventId, selection);
  if (action !== "cancel") {
    const outcome = await decideRegistrations({ eventId, ids, decision: action, actorUserId });
    return Object.values(outcome).filter((status) => status !== "unchanged").length;
  }
  const cancelled: string[] = [];
  for (const id of ids) if (await cancelRegistration(id)) cancelled.push(id);
  if (cancelled.length) {
    await audit({
      action: "registration.cancelled",
      actorUserId,
      targetType: "Registration",
      targetId: cancelled.length === 1 ? cancelled[0] : "",
      eventId,
      details: { count: cancelled.length, ids: cancelled },
    });
  }
  return cancelled.length;
}

/** Recipients of a bulk message: the filtered set, never cancelled, rejected or erased registrations. */
export async function bulkRecipients(eventId: string, filter: RegistrationFilter) {
  const db = await prisma();
  const where = registrationWhere(eventId, filter);
  return db.registration.findMany({
    where: { AND: [where, { status: { notIn: ["CANCELLED", "REJECTED"] } }] },
    select: { id: true, name: true, email: true, locale: true },
  });
}

export async function previewBulkMessage({ subject, body, locale }: { subject: string; body: string; locale: string }) {
  return renderBulkMessage({ locale, name: locale === "en" ? "Attendee" : "报名者", subject, body });
}

/** Queues one message per recipient under one batch id; the back office follows the batch's progress. */
export async function sendBulkMessage({ eventId, filter, subject, body, actorUserId }: { eventId: string; filter: RegistrationFilter; subject: string; body: string; actorUserId: string }) {
  const batchId = randomUUID();
  const recipients = await bulkRecipients(eventId, filter);
  for (const recipient of recipients) {
    const rendered = await renderBulkMessage({ locale: recipient.locale, name: recipient.name, subject, body });
    await enqueueEmail({ kind: "bulk", to: recipient.email, ...rendered, eventId, registrationId: recipient.id, batchId, dedupeKey: `bulk:${batchId}:${recipient.id}` });
  }
  await audit({ action: "registration.bulk_message", actorUserId, eventId, targetType: "Event", targetId: eventId, details: { batchId, recipients: recipients.length, subject } });
  wakeOutboxSender();
  return { batchId, total: recipients.length };
}

export async function bulkProgress(batchId: string) {
  const db = await prisma();
  const groups = await db.emailMessage.groupBy({ by: ["status"], where: { batchId }, _count: { _all: true } });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return { total: groups.reduce((sum, group) => sum + group._count._all, 0), sent: count("SENT"), failed: count("FAILED"), pending: count("PENDING") + count("SENDING") };
}

/**
 * The day-before reminder: for every published event whose start day (in its own zone) is tomorrow,
 * each confirmed attendee gets one reminder, ever (the dedupe key makes re-runs harmless).
 */
export async function enqueueDayBeforeReminders(now = new Date()): Promise<number> {
  const db = await prisma();
  const events = await db.event.findMany({
    where: { status: "PUBLISHED", startsAt: { gt: now, lt: new Date(now.getTime() + 50 * 3_600_000) } },
    select: { id: true, startsAt: true, timeZone: true },
  });
  let queued = 0;
  for (const event of events) {
    const today = DateTime.fromJSDate(now, { zone: event.timeZone }).startOf("day");
    const startDay = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).startOf("day");
    if (Math.round(startDay.diff(today, "days").days) !== 1) continue;
    const attendees = await db.registration.findMany({ where: { eventId: event.id, status: "CONFIRMED", anonymisedAt: null }, select: { id: true, email: true } });
    queued += await writeTransaction(
      (sql) =>
        attendees.filter((attendee) =>
          enqueueRenderLaterInTransaction(
            sql,
            { kind: "reminder", to: attendee.email, eventId: event.id, registrationId: attendee.id, dedupeKey: `reminder:${attendee.id}:${event.startsAt.toISOString()}` },
            now,
          ),
        ).length,
    );
  }
  if (queued) wakeOutboxSender();
  return queued;
}
