import { randomBytes, randomUUID } from "node:crypto";
import { env } from "~/utils/env.server";
import { checkpointErasedData, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { deleteEmailsOfRegistration } from "~/models/store/registration-store.server";
import { anonymiseRegistration, emailsToPurgeOf, eventsPastRetention, liveRegistrationsOf } from "~/models/store/retention-store.server";
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

export async function purgeRetention({
  now = new Date(),
  days = env().RETENTION_DAYS,
  dryRun = false,
  actorUserId = null,
}: { now?: Date; days?: number; dryRun?: boolean; actorUserId?: string | null } = {}): Promise<RetentionReport> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const sql = await rawSql();
  const events = eventsPastRetention.all(sql, { cutoff: sqlDate(cutoff) });
  const emails = events.reduce((sum, event) => sum + (emailsToPurgeOf.get(sql, { eventId: event.id })?.n ?? 0), 0);
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
      for (const { id } of liveRegistrationsOf.all(tx, { eventId: event.id })) {
        deleteEmailsOfRegistration.run(tx, { registrationId: id });
        anonymiseRegistration.run(tx, {
          id,
          placeholderEmail: `anonymised-${id}@invalid`,
          ticketCode: randomBytes(16).toString("base64url"),
          manageTokenHash: hashSecret(randomUUID()),
          now: stamp,
        });
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
