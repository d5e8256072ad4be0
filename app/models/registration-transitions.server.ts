import type { RegistrationStatus } from "~/generated/prisma/client";
import { sqlDate, type Sql } from "~/models/store/connection.server";
import { claimResend, confirmFromWaitlist, manageTokenOf, markCancelled, recordReplacedManageLink, registrationState, setManageToken, waitlistOf } from "~/models/store/registration-store.server";
import {
  firmQuotaOf,
  releaseCategorySeat,
  releaseEventSeat,
  releaseFirmSeat,
  removePending,
  removeWaitlisted,
  takeCategorySeat,
  takeEventSeat,
  takeFirmSeat,
  untakeCategorySeat,
  untakeEventSeat,
} from "~/models/store/seat-store.server";
import { enqueueRenderLaterInTransaction } from "./outbox.server";
import { enqueueRegistrationWebhook } from "./webhook.server";
import { holdsSeat, isClosed, noticeKind, promotionStep, resendIntervalMs, type SeatRefusal } from "./registration-rules.server";
import { manageTokenHashFor, newTicketCode } from "./ticket.server";

/**
 * The steps every registration write is made of, each run inside the caller's `writeTransaction` (DESIGN.md
 * §4 invariants 1, 3, 5): capacity is taken and given back by guarded UPDATEs, e-mails are outbox rows.
 */
export type Seat = { eventId: string; categoryId: string | null; firmId: string | null };

export type RowState = Seat & { id: string; status: RegistrationStatus; email: string; ticketCode: string };

export function rowState(sql: Sql, id: string): RowState | undefined {
  return registrationState.get(sql, { id });
}

/** Takes one confirmed place on the event, its category and the firm's quota, or none of them. */
export function takeSeat(sql: Sql, seat: Seat): true | SeatRefusal {
  if (!takeEventSeat.run(sql, { eventId: seat.eventId }).changes) return "event";
  if (seat.categoryId && !takeCategorySeat.run(sql, { categoryId: seat.categoryId }).changes) {
    untakeEventSeat.run(sql, { eventId: seat.eventId });
    return "category";
  }
  // A firm without a quota at this event has no reserved seats: its people take public places.
  const firm = seat.firmId ? { eventId: seat.eventId, firmId: seat.firmId } : null;
  if (firm && !takeFirmSeat.run(sql, firm).changes && firmQuotaOf.get(sql, firm)) {
    untakeEventSeat.run(sql, { eventId: seat.eventId });
    if (seat.categoryId) untakeCategorySeat.run(sql, { categoryId: seat.categoryId });
    return "firm";
  }
  return true;
}

function releaseSeat(sql: Sql, seat: Seat) {
  releaseEventSeat.run(sql, { eventId: seat.eventId });
  if (seat.categoryId) releaseCategorySeat.run(sql, { categoryId: seat.categoryId });
  if (seat.firmId) releaseFirmSeat.run(sql, { eventId: seat.eventId, firmId: seat.firmId });
}

/** Leaves `row.status`: frees the place or the waitlist/pending counter it held. */
export function releaseStatus(sql: Sql, row: RowState) {
  if (holdsSeat(row.status)) releaseSeat(sql, row);
  if (row.status === "WAITLISTED") removeWaitlisted.run(sql, { eventId: row.eventId });
  if (row.status === "PENDING_APPROVAL") removePending.run(sql, { eventId: row.eventId });
}

/** Fills free places from the waitlist (registration-rules: `promotionStep`). Each promoted person gets their ticket. */
export function promoteWaitlistInTransaction(sql: Sql, eventId: string, now: Date): string[] {
  const promoted: string[] = [];
  for (const candidate of waitlistOf.all(sql, { eventId })) {
    const step = promotionStep(takeSeat(sql, candidate));
    if (step === "stop") break;
    if (step === "keep_in_line") continue;
    confirmFromWaitlist.run(sql, { id: candidate.id, now: sqlDate(now) });
    removeWaitlisted.run(sql, { eventId });
    enqueueRenderLaterInTransaction(sql, { kind: "waitlist-promoted", to: candidate.email, eventId, registrationId: candidate.id, dedupeKey: `promoted:${candidate.id}:${candidate.ticketCode}` }, now);
    enqueueRegistrationWebhook(sql, "registration.updated", candidate.id, now);
    promoted.push(candidate.id);
  }
  return promoted;
}

/** Cancels (attendee, organizer or an expired hold): the place frees, the old ticket code dies, the waitlist moves up. */
export function cancelInTransaction(sql: Sql, id: string, now: Date): boolean {
  const row = rowState(sql, id);
  if (!row || isClosed(row.status)) return false;
  if (!markCancelled.run(sql, { id, from: row.status, ticketCode: newTicketCode(), now: sqlDate(now) }).changes) return false;
  releaseStatus(sql, row);
  enqueueRegistrationWebhook(sql, "registration.cancelled", id, now);
  if (holdsSeat(row.status)) promoteWaitlistInTransaction(sql, row.eventId, now);
  return true;
}

/**
 * Gives the registration a new manage link; the one it replaces answers 410 from now on (the new one only
 * ever goes out by e-mail). Returns the new link's version.
 */
export function replaceManageLinkInTransaction(sql: Sql, id: string, now: Date): number | null {
  const row = manageTokenOf.get(sql, { id });
  if (!row) return null;
  const version = (row.manageTokenVersion ?? 0) + 1;
  recordReplacedManageLink.run(sql, { tokenHash: row.manageTokenHash, registrationId: id, replacedAt: sqlDate(now) });
  setManageToken.run(sql, { id, version, tokenHash: manageTokenHashFor(id, version) });
  return version;
}

/**
 * Re-sends the message that fits the registration's state, with a new manage link, unless one went out in
 * the last few minutes.
 */
export function resendNoticeInTransaction(sql: Sql, row: RowState, now: Date): boolean {
  const kind = noticeKind(row.status);
  if (!kind) return false;
  if (!claimResend.run(sql, { id: row.id, now: sqlDate(now), sentBefore: sqlDate(new Date(now.getTime() - resendIntervalMs)) }).changes) return false;
  replaceManageLinkInTransaction(sql, row.id, now);
  return enqueueRenderLaterInTransaction(sql, { kind, to: row.email, eventId: row.eventId, registrationId: row.id, dedupeKey: `${kind}:${row.id}:resend:${now.getTime()}` }, now);
}
