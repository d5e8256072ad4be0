import { sql, type RawBuilder } from "kysely";
// Relative imports: the check-in writer thread enqueues `checkin.created` through this store.
import { kysely, prepare } from "./query.server";

/**
 * Signed webhooks' rows (app/models/webhook.server.ts). An enqueue is one INSERT … SELECT over the endpoints
 * subscribed to the type (and, when they are scoped, to the event), whose payload SQLite builds from the row
 * the transaction just wrote: the cause's writer adds one prepared statement and no JavaScript.
 */

// The message id each delivery keeps on every attempt (the `webhook-id` header).
const newMessageId = sql<string>`'msg_' || lower(hex(randomblob(16)))`;

// Endpoints for every event, and those scoped to `eventOfCause` (a column of the joined cause) when given.
const subscribers = (type: string, eventOfCause: RawBuilder<string> | null) =>
  kysely
    .selectFrom("WebhookEndpoint as e")
    .where("e.disabledAt", "is", null)
    .where("e.eventTypes", "like", sql<string>`'%,' || ${type} || ',%'`)
    .where((where) => (eventOfCause ? where.or([where("e.eventId", "is", null), where("e.eventId", "=", eventOfCause)]) : where("e.eventId", "is", null)));

const deliveryColumns = ["messageId", "endpointId", "type", "eventId", "registrationId", "payload", "nextAttemptAt", "createdAt"] as const;

/** `registration.*`: the registration as the transaction left it. */
export const enqueueRegistrationDeliveries = prepare((args: { type: string; registrationId: string; at: string }) =>
  kysely
    .insertInto("WebhookDelivery")
    .columns(deliveryColumns)
    .expression(
      subscribers(args.type, sql<string>`r.eventId`)
        .innerJoin("Registration as r", (join) => join.on("r.id", "=", args.registrationId))
        .innerJoin("Event as ev", "ev.id", "r.eventId")
        .leftJoin("TicketCategory as c", "c.id", "r.categoryId")
        .select([
          newMessageId.as("messageId"),
          "e.id",
          sql<string>`${args.type}`.as("type"),
          "r.eventId",
          "r.id as registrationId",
          sql<string>`json_object('registration', json_object(
            'id', r.id, 'eventId', r.eventId, 'eventSlug', ev.slug, 'status', lower(r.status),
            'category', c.code, 'name', r.name, 'email', r.email, 'organization', r.organization,
            'phone', r.phone, 'jobTitle', r.jobTitle, 'answers', json(r.answers), 'locale', r.locale,
            'createdAt', r.createdAt, 'updatedAt', r.updatedAt, 'cancelledAt', r.cancelledAt))`.as("payload"),
          sql<string>`${args.at}`.as("nextAttemptAt"),
          sql<string>`${args.at}`.as("createdAt"),
        ]),
    ),
);

/** `checkin.created`: the stored scan with its attendee. */
export const enqueueCheckInDeliveries = prepare((args: { checkInId: string; at: string }) =>
  kysely
    .insertInto("WebhookDelivery")
    .columns(deliveryColumns)
    .expression(
      subscribers("checkin.created", sql<string>`ci.eventId`)
        .innerJoin("CheckIn as ci", (join) => join.on("ci.id", "=", args.checkInId))
        .innerJoin("CheckInList as l", "l.id", "ci.listId")
        .innerJoin("Registration as r", "r.id", "ci.registrationId")
        .select([
          newMessageId.as("messageId"),
          "e.id",
          sql<string>`'checkin.created'`.as("type"),
          "ci.eventId",
          "ci.registrationId",
          sql<string>`json_object('checkIn', json_object(
            'id', ci.id, 'eventId', ci.eventId, 'registrationId', ci.registrationId, 'list', json_object('id', l.id, 'name', l.name, 'nameEn', l.nameEn),
            'direction', lower(ci.direction), 'scannedAt', ci.scannedAt, 'offline', json(iif(ci.offline, 'true', 'false')), 'deviceId', ci.deviceId),
            'attendee', json_object('registrationId', r.id, 'name', r.name, 'organization', r.organization))`.as("payload"),
          sql<string>`${args.at}`.as("nextAttemptAt"),
          sql<string>`${args.at}`.as("createdAt"),
        ]),
    ),
);

/** `application.*`: programme-wide, so only endpoints not scoped to an event receive them. */
export const enqueueApplicationDeliveries = prepare((args: { type: string; applicationId: string; at: string }) =>
  kysely
    .insertInto("WebhookDelivery")
    .columns(deliveryColumns)
    .expression(
      subscribers(args.type, null)
        .innerJoin("FirmApplication as a", (join) => join.on("a.id", "=", args.applicationId))
        .select([
          newMessageId.as("messageId"),
          "e.id",
          sql<string>`${args.type}`.as("type"),
          sql<null>`null`.as("eventId"),
          sql<null>`null`.as("registrationId"),
          sql<string>`json_object('application', json_object(
            'id', a.id, 'status', lower(a.status), 'firmName', a.firmName, 'creditCode', a.creditCode, 'industry', a.industry, 'city', a.city,
            'contactName', a.contactName, 'contactEmail', a.contactEmail, 'firmId', a.firmId, 'submittedAt', a.submittedAt, 'decidedAt', a.decidedAt))`.as("payload"),
          sql<string>`${args.at}`.as("nextAttemptAt"),
          sql<string>`${args.at}`.as("createdAt"),
        ]),
    ),
);

/**
 * Due PENDING rows and SENDING rows whose lease ran out, oldest first, except those behind an earlier
 * unfinished delivery of the same registration to the same endpoint (its order is kept).
 */
export const dueDeliveries = prepare((args: { now: string; limit: number }) =>
  kysely
    .selectFrom("WebhookDelivery as d")
    .select("d.seq")
    .where("d.status", "in", ["PENDING", "SENDING"])
    .where("d.nextAttemptAt", "<=", args.now)
    .where((where) =>
      where.or([
        where("d.registrationId", "is", null),
        where.not(
          where.exists(
            where
              .selectFrom("WebhookDelivery as earlier")
              .select("earlier.seq")
              .whereRef("earlier.endpointId", "=", "d.endpointId")
              .whereRef("earlier.registrationId", "=", "d.registrationId")
              .whereRef("earlier.seq", "<", "d.seq")
              .where("earlier.status", "in", ["PENDING", "SENDING"]),
          ),
        ),
      ]),
    )
    .orderBy("d.seq")
    .limit(args.limit),
);

/** The guarded claim: only one sender gets a row, which it holds until `leaseUntil`. */
export const claimDelivery = prepare((args: { seq: number; now: string; leaseUntil: string }) =>
  kysely
    .updateTable("WebhookDelivery")
    .set({ status: "SENDING", nextAttemptAt: args.leaseUntil })
    .where("seq", "=", args.seq)
    .where("status", "in", ["PENDING", "SENDING"])
    .where("nextAttemptAt", "<=", args.now),
);

export const deliveryToSend = prepare((args: { seq: number }) =>
  kysely
    .selectFrom("WebhookDelivery as d")
    .innerJoin("WebhookEndpoint as e", "e.id", "d.endpointId")
    .select(["d.seq", "d.messageId", "d.type", "d.payload", "d.attempts", "d.createdAt", "e.url", "e.secretSealed", "e.disabledAt"])
    .where("d.seq", "=", args.seq),
);

/** The outcome of an attempt, for a row this sender still holds. */
export const recordDeliveryOutcome = prepare(
  (args: { seq: number; status: "DELIVERED" | "FAILED" | "PENDING"; attempts: number; statusCode: number | null; error: string | null; deliveredAt: string | null; nextAttemptAt: string }) =>
    kysely
      .updateTable("WebhookDelivery")
      .set({ status: args.status, attempts: args.attempts, lastStatusCode: args.statusCode, lastError: args.error, deliveredAt: args.deliveredAt, nextAttemptAt: args.nextAttemptAt })
      .where("seq", "=", args.seq)
      .where("status", "=", "SENDING"),
);

/** A finished delivery back to the queue (same message id); its last outcome stays until the next attempt. */
export const requeueDelivery = prepare((args: { seq: number; endpointId: string; at: string }) =>
  kysely
    .updateTable("WebhookDelivery")
    .set({ status: "PENDING", nextAttemptAt: args.at })
    .where("seq", "=", args.seq)
    .where("endpointId", "=", args.endpointId)
    .where("status", "in", ["DELIVERED", "FAILED"]),
);
