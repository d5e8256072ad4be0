import { kysely, prepare } from "./query.server";

/**
 * The outbox's rows (DESIGN.md §4.5, app/models/outbox.server.ts). Every statement is compiled once at load:
 * registration enqueues inside its transaction, and the sender works through thousands of rows in a burst.
 */
export const insertEmail = prepare(
  (args: {
    id: string;
    kind: string;
    toAddress: string;
    subject: string;
    html: string;
    text: string;
    attachments: string;
    at: string;
    dedupeKey: string | null;
    eventId: string | null;
    registrationId: string | null;
    batchId: string | null;
  }) =>
    kysely
      .insertInto("EmailMessage")
      .values({
        id: args.id,
        kind: args.kind,
        toAddress: args.toAddress,
        subject: args.subject,
        html: args.html,
        text: args.text,
        attachments: args.attachments,
        status: "PENDING",
        attempts: 0,
        nextAttemptAt: args.at,
        dedupeKey: args.dedupeKey,
        eventId: args.eventId,
        registrationId: args.registrationId,
        batchId: args.batchId,
        createdAt: args.at,
      })
      // At most one message per dedupe key: the second enqueue of the same cause changes nothing.
      .onConflict((conflict) => conflict.column("dedupeKey").doNothing()),
);

/** Due PENDING rows, and SENDING rows whose lease ran out (a sender died holding them). */
export const dueEmails = prepare((args: { now: string; limit: number }) =>
  kysely.selectFrom("EmailMessage").select("id").where("status", "in", ["PENDING", "SENDING"]).where("nextAttemptAt", "<=", args.now).orderBy("nextAttemptAt").limit(args.limit),
);

/** The guarded claim: only one sender gets a row, which it holds until `leaseUntil`. */
export const claimEmail = prepare((args: { id: string; now: string; leaseUntil: string }) =>
  kysely
    .updateTable("EmailMessage")
    .set({ status: "SENDING", nextAttemptAt: args.leaseUntil })
    .where("id", "=", args.id)
    .where("status", "in", ["PENDING", "SENDING"])
    .where("nextAttemptAt", "<=", args.now),
);

export const emailToSend = prepare((args: { id: string }) =>
  kysely.selectFrom("EmailMessage").select(["id", "kind", "toAddress", "subject", "html", "text", "attachments", "attempts", "registrationId"]).where("id", "=", args.id),
);

/** Stores what the sender rendered for a render-later message, unless it was rendered meanwhile. */
export const storeRendered = prepare((args: { id: string; subject: string; html: string; text: string; attachments: string }) =>
  kysely.updateTable("EmailMessage").set({ subject: args.subject, html: args.html, text: args.text, attachments: args.attachments }).where("id", "=", args.id).where("html", "=", ""),
);

export const markUnsendable = prepare((args: { id: string; error: string }) => kysely.updateTable("EmailMessage").set({ status: "FAILED", lastError: args.error }).where("id", "=", args.id));

export const insertAttempt = prepare((args: { id: string; messageId: string; at: string; ok: number; responseCode: number | null; response: string }) =>
  kysely.insertInto("EmailAttempt").values({
    id: args.id,
    messageId: args.messageId,
    at: args.at,
    ok: args.ok,
    responseCode: args.responseCode,
    response: args.response,
  }),
);

/** The outcome of an attempt, for a row this sender still holds. */
export const recordOutcome = prepare((args: { id: string; status: "SENT" | "FAILED" | "PENDING"; attempts: number; lastError: string | null; sentAt: string | null; nextAttemptAt: string }) =>
  kysely
    .updateTable("EmailMessage")
    .set({ status: args.status, attempts: args.attempts, lastError: args.lastError, sentAt: args.sentAt, nextAttemptAt: args.nextAttemptAt })
    .where("id", "=", args.id)
    .where("status", "=", "SENDING"),
);

/** A finished message back to the queue; its attempts stay. */
export const requeueEmail = prepare((args: { id: string; at: string }) =>
  kysely.updateTable("EmailMessage").set({ status: "PENDING", nextAttemptAt: args.at, lastError: null }).where("id", "=", args.id).where("status", "in", ["SENT", "FAILED"]),
);

/** As `requeueEmail`, dropping the rendered content so the sender renders the message afresh. */
export const requeueForRender = prepare((args: { id: string; at: string }) =>
  kysely
    .updateTable("EmailMessage")
    .set({ status: "PENDING", nextAttemptAt: args.at, lastError: null, subject: "", html: "", text: "", attachments: "[]" })
    .where("id", "=", args.id)
    .where("status", "in", ["SENT", "FAILED"]),
);
