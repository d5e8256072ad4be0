import { localized, type Locale, type Translate } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { zonedStamp } from "~/utils/time";
import { listAudit } from "./audit.server";
import { describeAudit } from "./audit-view.server";
import { resultOf, type DbResult } from "./checkin-decision.server";
import { listRegistrationNotes } from "./registration-notes.server";
import { answerText } from "./registration-sheet.server";

/**
 * One registration as the back office's per-person page shows it: the person, their answers under the
 * questions' labels, their status history, check-ins and notes. Times are in the event's zone, with the zone.
 * A registration of another event is "not found", whatever its id.
 */
export async function registrationDetail({ eventId, registrationId, locale, t }: { eventId: string; registrationId: string; locale: Locale; t: Translate }) {
  const db = await prisma();
  const registration = await db.registration.findFirst({
    where: { id: registrationId, eventId, anonymisedAt: null },
    include: {
      category: { select: { name: true, nameEn: true } },
      firm: { select: { name: true, nameEn: true } },
      event: { select: { timeZone: true, questions: { orderBy: { position: "asc" } } } },
    },
  });
  if (!registration) throw new DomainError("not_found", "not_found", "error.notFound.body");
  const zone = registration.event.timeZone;
  const stamp = (instant: Date) => zonedStamp(instant, zone, locale);
  const [checkIns, history, notes] = await Promise.all([checkInsOf(registrationId, stamp), historyOf(registration, t, locale, stamp), listRegistrationNotes(registrationId)]);
  const given = JSON.parse(registration.answers) as Record<string, unknown>;
  return {
    id: registration.id,
    status: registration.status,
    name: registration.name,
    email: registration.email,
    phone: registration.phone ?? "",
    jobTitle: registration.jobTitle ?? "",
    organization: registration.organization,
    firm: registration.firm ? localized(locale, registration.firm.name, registration.firm.nameEn) : "",
    category: registration.category ? localized(locale, registration.category.name, registration.category.nameEn) : "",
    language: registration.locale,
    registeredAt: stamp(registration.createdAt),
    listNote: registration.organizerNote,
    answers: registration.event.questions.flatMap((question) => {
      const text = answerText(question, given[question.key], locale, t);
      return text ? [{ key: question.key, label: localized(locale, question.label, question.labelEn), text }] : [];
    }),
    checkIns,
    history,
    notes: notes.map((note) => ({ id: note.id, body: note.body, author: note.authorName, authorUserId: note.authorUserId, at: stamp(note.createdAt) })),
  };
}

async function checkInsOf(registrationId: string, stamp: (instant: Date) => string) {
  const db = await prisma();
  const rows = await db.checkIn.findMany({ where: { registrationId }, orderBy: { scannedAt: "desc" }, include: { list: { select: { name: true, nameEn: true } } } });
  return rows.map((row) => ({
    id: row.id,
    at: stamp(row.scannedAt),
    list: row.list,
    deviceId: row.deviceId,
    direction: row.direction === "EXIT" ? ("exit" as const) : ("entry" as const),
    result: resultOf[row.result as DbResult],
    offline: row.offline,
    undoneAt: row.undoneAt ? stamp(row.undoneAt) : null,
  }));
}

type Registration = { id: string; eventId: string; name: string; createdAt: Date; cancelledAt: Date | null; consentNoticeVersion: string };

/**
 * The status history, oldest first: the registration itself, then every audited change to it (decisions,
 * cancellations, re-issued tickets, check-ins undone, notes) as the audit log's sentences, each about this
 * person even when it was one of a bulk decision. A cancellation by the person (not audited) comes from its time.
 */
async function historyOf(registration: Registration, t: Translate, locale: Locale, stamp: (instant: Date) => string) {
  const entries = await listAudit({ eventId: registration.eventId, about: registration.id, take: 500 });
  const aboutThisPerson = entries.map((entry) => ({ ...entry, targetType: "Registration", targetId: registration.id, details: "{}" }));
  const audited = (await describeAudit(aboutThisPerson, t, locale)).map((entry) => ({ id: entry.id, instant: entry.instant, at: stamp(entry.instant), sentence: entry.sentence }));
  const imported = registration.consentNoticeVersion.startsWith("import:");
  const own = [
    {
      id: "registered",
      instant: registration.createdAt,
      at: stamp(registration.createdAt),
      sentence: imported ? t("registrations.person.imported") : t("registrations.person.registered", { name: registration.name }),
    },
  ];
  const cancelledByOrganizer = entries.some((entry) => entry.action === "registration.cancelled");
  if (registration.cancelledAt && !cancelledByOrganizer)
    own.push({ id: "cancelled", instant: registration.cancelledAt, at: stamp(registration.cancelledAt), sentence: t("registrations.person.cancelledSelf", { name: registration.name }) });
  return [...own, ...audited].sort((a, b) => a.instant.getTime() - b.instant.getTime()).map(({ id, at, sentence }) => ({ id, at, sentence }));
}
