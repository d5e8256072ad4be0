import { randomUUID } from "node:crypto";
import { checkpointErasedData, prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { deleteEmailsOfRegistration, eraseRegistration } from "~/models/store/registration-store.server";
import { hashSecret } from "~/utils/secrets.server";
import { audit } from "~/models/audit.server";
import { wakeOutboxSender } from "./outbox.server";
import { publicStatus } from "./registration-rules.server";
import { requireByToken } from "./registration-self-service.server";
import { cancelInTransaction } from "./registration-transitions.server";

/**
 * Everything stored about the attendee, as the JSON they download (DESIGN.md §7, PIPL): what they entered,
 * and what organizers wrote or decided about them (their note, approvals and rejections, check-ins, the text
 * of every e-mail sent to them).
 */
export async function exportOwnData(token: string, ip = "") {
  const registration = await requireByToken(token);
  const db = await prisma();
  const emails = await db.emailMessage.findMany({
    where: { registrationId: registration.id },
    select: { kind: true, toAddress: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  });
  const checkIns = await db.checkIn.findMany({
    where: { registrationId: registration.id },
    select: { direction: true, result: true, scannedAt: true, offline: true, undoneAt: true, list: { select: { name: true } } },
    orderBy: { scannedAt: "asc" },
  });
  const decisions = await db.auditLog.findMany({
    where: {
      eventId: registration.eventId,
      action: { in: ["registration.approved", "registration.rejected"] },
      OR: [{ targetId: registration.id }, { details: { contains: `"${registration.id}"` } }],
    },
    select: { action: true, at: true },
    orderBy: { at: "asc" },
  });
  const firm = registration.firmId ? await db.firm.findUnique({ where: { id: registration.firmId }, select: { name: true } }) : null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  await audit({ action: "attendee.data_export", targetType: "Registration", targetId: registration.id, eventId: registration.eventId, ip });
  return {
    exportedAt: new Date().toISOString(),
    event: { slug: registration.event.slug, title: registration.event.title, startsAt: registration.event.startsAt.toISOString() },
    registration: {
      id: registration.id,
      status: publicStatus(registration.status),
      name: registration.name,
      email: registration.email,
      organization: registration.organization,
      phone: registration.phone,
      jobTitle: registration.jobTitle,
      category: registration.category?.name ?? null,
      firm: firm?.name ?? null,
      answers: JSON.parse(registration.answers) as unknown,
      locale: registration.locale,
      consentAt: registration.consentAt.toISOString(),
      consentNoticeVersion: registration.consentNoticeVersion,
      createdAt: registration.createdAt.toISOString(),
      waitlistedAt: iso(registration.waitlistedAt),
      decidedAt: iso(registration.decidedAt),
      ticketSentAt: iso(registration.ticketSentAt),
      cancelledAt: iso(registration.cancelledAt),
      checkedInAt: iso(registration.checkedInAt),
      organizerNote: registration.organizerNote,
    },
    decisions: decisions.map((decision) => ({ decision: decision.action === "registration.approved" ? "approved" : "rejected", at: decision.at.toISOString() })),
    emails: emails.map(({ toAddress, createdAt, sentAt, ...email }) => ({ ...email, to: toAddress, createdAt: createdAt.toISOString(), sentAt: iso(sentAt) })),
    checkIns: checkIns.map(({ list, scannedAt, undoneAt, ...checkIn }) => ({ ...checkIn, list: list.name, scannedAt: scannedAt.toISOString(), undoneAt: iso(undoneAt) })),
  };
}

/** Cancels (freeing the place), erases the personal data and the e-mails, and kills the manage link. */
export async function anonymiseRegistration(id: string, now = new Date()) {
  await writeTransaction((sql) => {
    cancelInTransaction(sql, id, now);
    eraseRegistration.run(sql, { id, placeholderEmail: `deleted-${id}@invalid`, manageTokenHash: hashSecret(randomUUID()), now: sqlDate(now) });
    deleteEmailsOfRegistration.run(sql, { registrationId: id });
  });
  wakeOutboxSender();
  if (!(await checkpointErasedData())) console.warn(`Erasure of registration ${id}: other connections kept the WAL busy for 5 s; its older frames stay until the WAL restarts.`);
}

export async function deleteOwnData(token: string, ip = "") {
  const registration = await requireByToken(token);
  await anonymiseRegistration(registration.id);
  await audit({ action: "attendee.data_deleted", targetType: "Registration", targetId: registration.id, eventId: registration.eventId, ip });
}
