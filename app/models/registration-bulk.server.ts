import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { prisma, writeTransaction } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { spreadsheetCsv } from "~/utils/spreadsheet";
import { audit } from "~/models/audit.server";
import { enqueueEmail, enqueueRenderLaterInTransaction, wakeOutboxSender } from "./outbox.server";
import { renderBulkMessage } from "./registration-emails.server";
import { registrationInputSchema } from "~/schemas/registration";
import { listRegistrations, registrationWhere, type RegistrationFilter } from "./registration-queries.server";
import { publicStatus } from "./registration-rules.server";
import { register } from "./registration-write.server";

const exportColumns = ["id", "status", "name", "email", "organization", "phone", "jobTitle", "category", "firm", "answers", "createdAt", "checkedInAt", "note"] as const;

/** CSV export of an event's registrations; every export of personal data is audited (DESIGN.md §7). */
export async function exportRegistrationsCsv({ eventId, filter, actorUserId, ip }: { eventId: string; filter: RegistrationFilter; actorUserId: string; ip?: string }) {
  const { rows } = await listRegistrations(eventId, filter, 100_000);
  await audit({ action: "registration.export", actorUserId, eventId, ip, targetType: "Event", targetId: eventId, details: { rows: rows.length, filter } });
  return spreadsheetCsv(
    rows.map((row) => ({
      id: row.id,
      status: publicStatus(row.status),
      name: row.name,
      email: row.email,
      organization: row.organization,
      phone: row.phone ?? "",
      jobTitle: row.jobTitle ?? "",
      category: row.category?.name ?? "",
      firm: row.firm?.name ?? "",
      answers: row.answers,
      createdAt: row.createdAt.toISOString(),
      checkedInAt: row.checkedInAt?.toISOString() ?? "",
      note: row.organizerNote,
    })),
    exportColumns,
  );
}

export type ImportRowResult = { row: number; email: string; ok: boolean; errors: Record<string, string>; status?: string };
export type ImportReport = { dryRun: boolean; rows: ImportRowResult[]; ok: number; bad: number; imported: number };

const importColumns = ["name", "email", "organization", "phone", "jobTitle", "category"] as const;

/**
 * Imports invited guests from CSV (header row required). A dry run checks every row — format, duplicate
 * e-mails in the file and in the event, unknown categories — and writes nothing. A real run registers the
 * good rows through the normal registration path (capacity and quotas still apply), skipping approval.
 */
export async function importRegistrationsCsv({ eventId, csv, dryRun, actorUserId }: { eventId: string; csv: string; dryRun: boolean; actorUserId: string }): Promise<ImportReport> {
  const db = await prisma();
  const event = await db.event.findUnique({ where: { id: eventId }, include: { ticketCategories: true } });
  if (!event) throw new DomainError("not_found", "not_found", "registration.error.notFound");
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { columns: (header: string[]) => header.map((name) => name.trim()), skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch {
    throw new DomainError("invalid", "invalid_csv", "validation.invalid", undefined, { file: "validation.invalid" });
  }
  const existing = new Set((await db.registration.findMany({ where: { eventId, status: { not: "CANCELLED" } }, select: { emailNormalized: true } })).map((row) => row.emailNormalized));
  const seen = new Set<string>();
  const report: ImportReport = { dryRun, rows: [], ok: 0, bad: 0, imported: 0 };
  for (const [index, record] of records.entries()) {
    const row = index + 2;
    const input = Object.fromEntries(importColumns.map((name) => [name, record[name] ?? ""]));
    const parsed = registrationInputSchema.safeParse({ ...input, consent: true });
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    const email = (input.email ?? "").trim().toLowerCase();
    if (!errors.email && (existing.has(email) || seen.has(email))) errors.email = "registration.admin.import.duplicate";
    if (input.category && !event.ticketCategories.some((category) => category.code === input.category)) errors.category = "registration.validation.category";
    seen.add(email);
    const result: ImportRowResult = { row, email, ok: Object.keys(errors).length === 0, errors };
    if (result.ok && !dryRun && parsed.success) {
      try {
        const answer = await register({
          slug: event.slug,
          input: parsed.data,
          skipApproval: true,
          consentNoticeVersion: `import:${event.privacyNoticeVersion}`,
        });
        result.status = answer.body.registration.status;
        report.imported += 1;
      } catch (error) {
        result.ok = false;
        result.errors = error instanceof DomainError ? (error.fields ?? { _: error.messageKey }) : { _: "error.server.title" };
      }
    }
    if (result.ok) report.ok += 1;
    else report.bad += 1;
    report.rows.push(result);
  }
  if (!dryRun) await audit({ action: "registration.import", actorUserId, eventId, targetType: "Event", targetId: eventId, details: { imported: report.imported, bad: report.bad } });
  return report;
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
