import { randomBytes, randomUUID } from "node:crypto";
import { env } from "~/utils/env.server";
import { checkpointErasedData, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { hashSecret } from "~/utils/secrets.server";
import { audit } from "~/models/audit.server";

/**
 * Retention (DESIGN.md §7, PIPL): personal data of events that ended more than RETENTION_DAYS ago is
 * anonymised in place. What stays is what statistics need (status, category, firm, check-in times); name,
 * e-mail, organization, phone, job title, answers and notes go, the ticket code and manage link die, and the
 * e-mails sent to the person (which carry the same data) are deleted. Each real run is audited.
 */
export type RetentionReport = {
  dryRun: boolean;
  days: number;
  cutoff: string;
  events: { id: string; slug: string; endsAt: string; registrations: number }[];
  registrations: number;
  emails: number;
};

export async function purgeRetention({ now = new Date(), days = env().RETENTION_DAYS, dryRun = false, actorUserId = null }: { now?: Date; days?: number; dryRun?: boolean; actorUserId?: string | null } = {}): Promise<RetentionReport> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const sql = await rawSql();
  const events = sql.all<{ id: string; slug: string; endsAt: string; registrations: number }>(
    `SELECT e.id, e.slug, e.endsAt, COUNT(r.id) AS registrations FROM Event e JOIN Registration r ON r.eventId = e.id AND r.anonymisedAt IS NULL
     WHERE e.endsAt < ? GROUP BY e.id ORDER BY e.endsAt`,
    sqlDate(cutoff),
  );
  const ids = events.map((event) => event.id);
  const emails = ids.length
    ? (sql.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM EmailMessage WHERE registrationId IN (SELECT id FROM Registration WHERE eventId IN (${ids.map(() => "?").join(",")}) AND anonymisedAt IS NULL)`,
        ...ids,
      )?.n ?? 0)
    : 0;
  const report: RetentionReport = {
    dryRun,
    days,
    cutoff: cutoff.toISOString(),
    events: events.map((event) => ({ ...event, endsAt: new Date(event.endsAt).toISOString() })),
    registrations: events.reduce((sum, event) => sum + event.registrations, 0),
    emails,
  };
  if (dryRun || events.length === 0) return report;

  for (const event of events) {
    // One event per transaction: short write locks, and a crash leaves whole events done or not done.
    await writeTransaction((tx) => {
      const stamp = sqlDate(now);
      const rows = tx.all<{ id: string }>(`SELECT id FROM Registration WHERE eventId = ? AND anonymisedAt IS NULL`, event.id);
      for (const { id } of rows) {
        tx.run(`DELETE FROM EmailMessage WHERE registrationId = ?`, id);
        tx.run(
          `UPDATE Registration SET name = '', email = ?, emailNormalized = ?, organization = '', phone = NULL, jobTitle = NULL, answers = '{}',
           organizerNote = '', ticketCode = ?, manageTokenHash = ?, anonymisedAt = ?, updatedAt = ? WHERE id = ?`,
          `anonymised-${id}@invalid`,
          `anonymised-${id}@invalid`,
          randomBytes(16).toString("base64url"),
          hashSecret(randomUUID()),
          stamp,
          stamp,
          id,
        );
      }
    });
  }
  await checkpointErasedData();
  await audit({
    action: "retention.purged",
    actorUserId,
    targetType: "Retention",
    details: { days, cutoff: report.cutoff, events: events.map((event) => event.slug), registrations: report.registrations, emails },
  });
  return report;
}
