import { randomUUID } from "node:crypto";
import { groupedWrite, rawSql, prisma, sqlDate, writeTransaction, type Sql } from "~/models/store/connection.server";
import { claimEmail, dueEmails, emailToSend, insertAttempt, insertEmail, markUnsendable, recordOutcome, requeueEmail, requeueForRender, storeRendered } from "~/models/store/outbox-store.server";
import { configuredMailer, smtpFailure, type Mailer } from "~/utils/mailer.server";
import { startQueueLoop } from "~/utils/queue-loop";

/**
 * The transactional outbox (DESIGN.md §4.5): an e-mail is a row written in the same transaction as the
 * work that causes it; a sender delivers rows later with retries. Nothing here talks to SMTP.
 */
export type EmailAttachment = { filename: string; contentType: string; contentBase64: string; cid?: string };

export type RenderedEmail = { subject: string; html: string; text: string; attachments: EmailAttachment[] };

/**
 * Renders a render-later message from its registration's current state, or null when it can no longer be
 * sent. Handed in by whoever runs the sender, so the outbox depends on no e-mail template.
 */
export type RenderEmail = (kind: string, registrationId: string) => Promise<RenderedEmail | null>;

export type OutgoingEmail = {
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  // At most one message per key, ever: a retried cause never sends twice.
  dedupeKey?: string;
  eventId?: string | null;
  registrationId?: string | null;
  batchId?: string | null;
};

/** Queues an e-mail inside a `writeTransaction`, so it exists only if the surrounding work commits. */
export function enqueueEmailInTransaction(sql: Sql, email: OutgoingEmail, now = new Date()): boolean {
  const row = {
    id: randomUUID(),
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    attachments: JSON.stringify(email.attachments ?? []),
    at: sqlDate(now),
    dedupeKey: email.dedupeKey ?? null,
    eventId: email.eventId ?? null,
    registrationId: email.registrationId ?? null,
    batchId: email.batchId ?? null,
  };
  return insertEmail.run(sql, row).changes === 1;
}

/** Queues an e-mail on its own (when there is no other write it must be atomic with). */
export function enqueueEmail(email: OutgoingEmail, now = new Date()): Promise<boolean> {
  return writeTransaction((sql) => enqueueEmailInTransaction(sql, email, now));
}

/**
 * A message whose content is rendered by the sender from the registration's current state (ticket,
 * promotion, decision, reminder). The hot registration path only writes the row; rendering the QR and the
 * template happens outside the transaction, and a re-issued ticket never mails a stale code.
 */
export function enqueueRenderLaterInTransaction(sql: Sql, email: { kind: string; to: string; registrationId: string; eventId: string; dedupeKey: string }, now = new Date()): boolean {
  return enqueueEmailInTransaction(sql, { ...email, subject: "", html: "", text: "" }, now);
}

type StoredMessage = NonNullable<ReturnType<typeof emailToSend.get>>;

/**
 * Fills in subject, HTML, text and attachments of a render-later message (stored with the attempt, in the
 * same commit); null when there is nothing to send any more.
 */
async function materialize(message: StoredMessage, render: RenderEmail): Promise<(StoredMessage & { freshlyRendered: boolean }) | null> {
  if (message.html) return { ...message, freshlyRendered: false };
  const rendered = message.registrationId ? await render(message.kind, message.registrationId) : null;
  if (!rendered) {
    markUnsendable.run(await rawSql(), { id: message.id, error: "registration no longer exists" });
    return null;
  }
  return { ...message, subject: rendered.subject, html: rendered.html, text: rendered.text, attachments: JSON.stringify(rendered.attachments), freshlyRendered: true };
}

export type SendReport = { claimed: number; sent: number; retrying: number; failed: number; rendered: number };

export type SenderOptions = {
  mailer: Mailer | null;
  render: RenderEmail;
  now?: Date;
  batchSize?: number;
  concurrency?: number;
  // A claimed message whose sender died is taken again after this long (crash recovery).
  leaseMs?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
};

/** Backoff after the n-th failed attempt: base·2^(n-1), capped at one hour. */
export function retryDelayMs(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * One pass of the outbox sender (DESIGN.md §4.5): claims due PENDING rows (and SENDING rows whose lease ran
 * out after a crash) with a guarded UPDATE, delivers them, records every attempt, retries 4xx answers and
 * connection errors with exponential backoff and marks 5xx answers FAILED. Without a mailer it does nothing.
 */
export async function sendDueEmails(options: SenderOptions): Promise<SendReport> {
  const now = options.now ?? new Date();
  const report: SendReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, rendered: 0 };
  const sql = await rawSql();
  // Without SMTP nothing is sent; messages stay PENDING and the back office renders a preview on demand
  // (rendering thousands of QR tickets here would steal the event loop from registrations).
  if (!options.mailer) return report;
  const mailer = options.mailer;
  const leaseUntil = sqlDate(new Date(now.getTime() + (options.leaseMs ?? 120_000)));
  const due = dueEmails.all(sql, { now: sqlDate(now), limit: options.batchSize ?? 200 });
  if (due.length === 0) return report;
  const claimed = await writeTransaction((tx) => due.filter(({ id }) => claimEmail.run(tx, { id, now: sqlDate(now), leaseUntil }).changes === 1));
  report.claimed = claimed.length;
  const queue = [...claimed];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const stored = emailToSend.get(sql, { id: next.id });
      if (!stored) continue;
      const message = await materialize(stored, options.render);
      if (!message) {
        report.failed += 1;
        continue;
      }
      const outcome = await deliver(mailer, message);
      // The pass's clock (tests pass one in); backoff counts from it.
      const at = options.now ?? new Date();
      const attempts = message.attempts + 1;
      const final = outcome.ok ? "SENT" : outcome.permanent || attempts >= (options.maxAttempts ?? 10) ? "FAILED" : "PENDING";
      // Grouped with the other results of this moment: one fsync for many messages instead of one each.
      await groupedWrite((tx) => {
        if (message.freshlyRendered) {
          storeRendered.run(tx, { id: message.id, subject: message.subject, html: message.html, text: message.text, attachments: message.attachments });
        }
        insertAttempt.run(tx, { id: randomUUID(), messageId: message.id, at: sqlDate(at), ok: outcome.ok ? 1 : 0, responseCode: outcome.code, response: outcome.response });
        recordOutcome.run(tx, {
          id: message.id,
          status: final,
          attempts,
          lastError: outcome.ok ? null : outcome.response,
          sentAt: outcome.ok ? sqlDate(at) : null,
          nextAttemptAt: sqlDate(final === "PENDING" ? new Date(at.getTime() + retryDelayMs(attempts, options.retryBaseMs)) : at),
        });
      });
      if (final === "SENT") report.sent += 1;
      else if (final === "FAILED") report.failed += 1;
      else report.retrying += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, claimed.length) }, worker));
  return report;
}

async function deliver(mailer: Mailer, message: StoredMessage) {
  const attachments = (JSON.parse(message.attachments) as EmailAttachment[]).map((attachment) => ({
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: Buffer.from(attachment.contentBase64, "base64"),
    cid: attachment.cid,
  }));
  try {
    const info = await mailer.send({
      to: message.toAddress,
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments,
      messageId: `<${message.id}@outbox.local>`,
    });
    return { ok: true, permanent: false, code: 250, response: info.response.slice(0, 500) };
  } catch (error) {
    const failure = smtpFailure(error);
    return { ok: false, permanent: failure.permanent, code: failure.code, response: failure.message };
  }
}

/** Manual re-send from the back office: the message goes back to the queue, its history stays. */
export async function resendEmail(id: string, now = new Date()): Promise<boolean> {
  return requeueEmail.run(await rawSql(), { id, at: sqlDate(now) }).changes === 1;
}

/** `resendEmail` inside a transaction, dropping what was rendered so the sender renders the message afresh. */
export function requeueForRenderInTransaction(sql: Sql, id: string, now: Date): boolean {
  return requeueForRender.run(sql, { id, at: sqlDate(now) }).changes === 1;
}

let running: ReturnType<typeof startQueueLoop> | null = null;

/** Asks the running sender to look at the queue now instead of at its next tick. */
export function wakeOutboxSender() {
  running?.wake();
}

/** The sender loop used by `npm start` (in-process) and `npm run worker`. Returns a stop function. */
export function startOutboxSender({ render, mailer = configuredMailer(), intervalMs = 2000 }: { render: RenderEmail; mailer?: Mailer | null; intervalMs?: number }) {
  const loop = startQueueLoop({ name: "Outbox sender", intervalMs, pass: async () => (await sendDueEmails({ mailer, render })).claimed > 0 });
  running = loop;
  return () => {
    loop.stop();
    if (running === loop) running = null;
    mailer?.close();
  };
}

export const emailStatuses = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export type EmailStatusName = (typeof emailStatuses)[number];

/** Whose messages a reader of the e-mail log sees: everything, or some events' (and the programme's own). */
export type EmailLogScope = { all: true } | { all: false; eventIds: string[]; programme: boolean };
export type EmailLogFilter = { eventId?: string; registrationId?: string; status?: string | null; kind?: string | null; to?: string | null };

const scopeWhere = (scope: EmailLogScope) => (scope.all ? {} : { OR: [{ eventId: { in: scope.eventIds } }, ...(scope.programme ? [{ eventId: null }] : [])] });

/** The back office e-mail log, newest first, within the reader's scope. */
export async function listEmails(scope: EmailLogScope, filter: EmailLogFilter = {}, take = 200) {
  const db = await prisma();
  const status = emailStatuses.find((candidate) => candidate === filter.status);
  const to = filter.to?.trim().toLowerCase();
  return db.emailMessage.findMany({
    where: {
      AND: [
        scopeWhere(scope),
        filter.eventId ? { eventId: filter.eventId } : {},
        filter.registrationId ? { registrationId: filter.registrationId } : {},
        status ? { status } : {},
        filter.kind ? { kind: filter.kind } : {},
        to ? { toAddress: { contains: to } } : {},
      ],
    },
    select: {
      id: true,
      kind: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      eventId: true,
      event: { select: { title: true, titleEn: true, timeZone: true } },
      registration: { select: { locale: true } },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** The kinds of message present in the reader's scope, for the log's filter. */
export async function emailKinds(scope: EmailLogScope): Promise<string[]> {
  const db = await prisma();
  const rows = await db.emailMessage.findMany({ where: scopeWhere(scope), distinct: ["kind"], select: { kind: true } });
  return rows.map((row) => row.kind).sort();
}

export async function getEmail(id: string) {
  const db = await prisma();
  return db.emailMessage.findUnique({ where: { id }, include: { attemptLog: { orderBy: { at: "asc" } }, event: { select: { title: true, titleEn: true, timeZone: true } } } });
}

/**
 * The message's HTML for the preview, rendering a render-later message on the spot (without storing it).
 * Inline images (the ticket's QR, `cid:` in the mail) become data: URLs, which a browser page can show.
 */
export async function emailPreviewHtml(message: { kind: string; html: string; attachments: string; registrationId: string | null }, render: RenderEmail): Promise<string> {
  const rendered = message.html ? null : message.registrationId ? await render(message.kind, message.registrationId) : null;
  const html = message.html || rendered?.html || "";
  const attachments = rendered?.attachments ?? (JSON.parse(message.attachments || "[]") as EmailAttachment[]);
  return attachments.reduce(
    (page, attachment) => (attachment.cid && attachment.contentBase64 ? page.replaceAll(`cid:${attachment.cid}`, `data:${attachment.contentType};base64,${attachment.contentBase64}`) : page),
    html,
  );
}
