import { translator, localized, type Locale, type MessageKey } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import type { ApplicationStatus, FirmStatus } from "~/generated/prisma/client";
import { DomainError } from "~/utils/domain-error";
import { buildSheet, type SheetColumn } from "~/utils/spreadsheet";
import { programmeZone } from "~/utils/time";
import { listApplications } from "./application.server";
import { audit, listAudit } from "./audit.server";
import { describeAudit } from "./audit-view.server";
import { listFirmsForAdmin } from "./firm.server";
import { sheetBaseName, zonedText } from "./registration-sheet.server";

/**
 * The exports of the back-office lists other than registrations, one column list per kind, shared by CSV
 * and XLSX. Lists not tied to an event are written in the programme's zone, Shanghai (the app keeps no
 * per-viewer zone); check-ins in their event's zone. Each export of personal data is audited (DESIGN.md §7).
 */

type Actor = { locale: Locale; actorUserId: string; ip?: string };

export async function exportApplications({ status, q, locale, actorUserId, ip }: Actor & { status?: ApplicationStatus; q?: string }) {
  const t = translator(locale);
  const zone = programmeZone;
  const { applications } = await listApplications({ status, q });
  const columns: SheetColumn<(typeof applications)[number]>[] = [
    { header: t("sheet.application.firmName"), value: (row) => row.firmName },
    { header: t("sheet.application.creditCode"), value: (row) => row.creditCode },
    { header: t("sheet.application.industry"), value: (row) => row.industry },
    { header: t("sheet.application.city"), value: (row) => row.city },
    { header: t("sheet.application.website"), value: (row) => row.website },
    { header: t("sheet.application.size"), value: (row) => row.size },
    { header: t("sheet.application.contactName"), value: (row) => row.contactName },
    { header: t("sheet.application.contactEmail"), value: (row) => row.contactEmail },
    { header: t("sheet.application.contactPhone"), value: (row) => row.contactPhone },
    { header: t("sheet.application.status"), value: (row) => t(`programme.status.${row.status}`) },
    { header: t("sheet.application.submittedAt", { zone }), value: (row) => zonedText(row.submittedAt, zone) },
    { header: t("sheet.application.decidedAt", { zone }), value: (row) => zonedText(row.decidedAt, zone) },
    { header: t("sheet.application.reviewerNotes"), value: (row) => row.reviewerNotes },
  ];
  await audit({ action: "application.export", actorUserId, ip, targetType: "Programme", details: { rows: applications.length, status, q } });
  return { sheet: buildSheet(t("sheet.application.title"), columns, applications), baseName: sheetBaseName("programme", "applications", zone) };
}

export async function exportFirms({ status, q, locale, actorUserId, ip }: Actor & { status?: FirmStatus; q?: string }) {
  const t = translator(locale);
  const zone = programmeZone;
  const firms = await listFirmsForAdmin({ status, q });
  const columns: SheetColumn<(typeof firms)[number]>[] = [
    { header: t("sheet.firm.name"), value: (row) => row.name },
    { header: t("sheet.firm.nameEn"), value: (row) => row.nameEn },
    { header: t("sheet.firm.creditCode"), value: (row) => row.creditCode },
    { header: t("sheet.firm.founding"), value: (row) => t(row.founding ? "sheet.yes" : "sheet.no") },
    { header: t("sheet.firm.industry"), value: (row) => row.industry },
    { header: t("sheet.firm.city"), value: (row) => row.city },
    { header: t("sheet.firm.website"), value: (row) => row.website },
    { header: t("sheet.firm.status"), value: (row) => t(`programme.firmStatus.${row.status}`) },
    { header: t("sheet.firm.memberSince"), value: (row) => zonedText(row.memberSince, zone).slice(0, 10) },
    { header: t("sheet.firm.contacts"), value: (row) => row._count.roles },
  ];
  await audit({ action: "firm.export", actorUserId, ip, targetType: "Programme", details: { rows: firms.length, status, q } });
  return { sheet: buildSheet(t("sheet.firm.title"), columns, firms), baseName: sheetBaseName("programme", "firms", zone) };
}

export async function exportCheckIns({ eventId, locale, actorUserId, ip }: Actor & { eventId: string }) {
  const t = translator(locale);
  const db = await prisma();
  const event = await db.event.findUnique({ where: { id: eventId }, select: { slug: true, timeZone: true } });
  if (!event) throw new DomainError("not_found", "not_found", "registration.error.notFound");
  const zone = event.timeZone;
  const checkIns = await db.checkIn.findMany({
    where: { eventId },
    orderBy: [{ scannedAt: "asc" }, { id: "asc" }],
    include: { list: { select: { name: true, nameEn: true } }, registration: { select: { name: true, email: true, category: { select: { name: true, nameEn: true } } } } },
  });
  const columns: SheetColumn<(typeof checkIns)[number]>[] = [
    { header: t("sheet.checkin.scannedAt", { zone }), value: (row) => zonedText(row.scannedAt, zone) },
    { header: t("sheet.checkin.list"), value: (row) => localized(locale, row.list.name, row.list.nameEn) },
    { header: t("sheet.checkin.direction"), value: (row) => t(`sheet.checkin.direction.${row.direction}` as MessageKey) },
    { header: t("sheet.checkin.result"), value: (row) => t(`sheet.checkin.result.${row.result}` as MessageKey) },
    { header: t("sheet.checkin.name"), value: (row) => row.registration?.name },
    { header: t("sheet.checkin.email"), value: (row) => row.registration?.email },
    { header: t("sheet.checkin.category"), value: (row) => (row.registration?.category ? localized(locale, row.registration.category.name, row.registration.category.nameEn) : "") },
    { header: t("sheet.checkin.device"), value: (row) => row.deviceId },
    { header: t("sheet.checkin.offline"), value: (row) => (row.offline ? t("sheet.yes") : "") },
    { header: t("sheet.checkin.conflict"), value: (row) => (row.conflict ? t("sheet.yes") : "") },
    { header: t("sheet.checkin.undoneAt", { zone }), value: (row) => zonedText(row.undoneAt, zone) },
  ];
  await audit({ action: "checkin.export", actorUserId, eventId, ip, targetType: "Event", targetId: eventId, details: { rows: checkIns.length } });
  return { sheet: buildSheet(t("sheet.checkin.title"), columns, checkIns), baseName: sheetBaseName(event.slug, "checkins", zone) };
}

const auditExportRows = 100_000;

export async function exportAudit({ action, locale, actorUserId, ip }: Actor & { action?: string }) {
  const t = translator(locale);
  const zone = programmeZone;
  // The page's words (audit-view.server.ts): the action's label and the entry as a sentence, names not ids.
  const entries = await describeAudit(await listAudit({ action, take: auditExportRows }), t, locale);
  const columns: SheetColumn<(typeof entries)[number]>[] = [
    { header: t("sheet.audit.at", { zone }), value: (row) => zonedText(row.instant, zone) },
    { header: t("sheet.audit.actor"), value: (row) => (row.actorEmail && row.actorEmail !== row.actor ? `${row.actor} <${row.actorEmail}>` : row.actor) },
    { header: t("sheet.audit.action"), value: (row) => row.action },
    { header: t("sheet.audit.target"), value: (row) => row.sentence },
    { header: t("sheet.audit.event"), value: (row) => row.event?.name ?? "" },
    { header: t("sheet.audit.ip"), value: (row) => row.ip },
    { header: t("sheet.audit.details"), value: (row) => row.details },
  ];
  await audit({ action: "audit.export", actorUserId, ip, details: { rows: entries.length, action } });
  return { sheet: buildSheet(t("sheet.audit.title"), columns, entries), baseName: sheetBaseName("audit", "log", zone) };
}
