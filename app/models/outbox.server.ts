import { randomUUID } from "node:crypto";
import { prisma, sqlDate, type Sql } from "~/utils/db.server";

/**
 * The transactional outbox (DESIGN.md §4.5): an e-mail is a row written in the same transaction as the
 * work that causes it; a sender delivers rows later with retries. Nothing here talks to SMTP.
 */
export type EmailAttachment = { filename: string; contentType: string; contentBase64: string; cid?: string };

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

const insertSql = `INSERT INTO EmailMessage
  (id, kind, toAddress, subject, html, text, attachments, status, attempts, nextAttemptAt, dedupeKey, eventId, registrationId, batchId, createdAt)
  VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(dedupeKey) DO NOTHING`;

function insertParams(email: OutgoingEmail, now: Date) {
  return [
    randomUUID(),
    email.kind,
    email.to,
    email.subject,
    email.html,
    email.text,
    JSON.stringify(email.attachments ?? []),
    sqlDate(now),
    email.dedupeKey ?? null,
    email.eventId ?? null,
    email.registrationId ?? null,
    email.batchId ?? null,
    sqlDate(now),
  ];
}

/** Queues an e-mail inside a `writeTransaction`, so it exists only if the surrounding work commits. */
export function enqueueEmailInTransaction(sql: Sql, email: OutgoingEmail, now = new Date()): boolean {
  return sql.run(insertSql, ...insertParams(email, now)).changes === 1;
}

/** Queues an e-mail on its own (when there is no other write it must be atomic with). */
export async function enqueueEmail(email: OutgoingEmail, now = new Date()): Promise<boolean> {
  const db = await prisma();
  const changes = await db.$executeRawUnsafe(insertSql, ...insertParams(email, now));
  return changes === 1;
}
