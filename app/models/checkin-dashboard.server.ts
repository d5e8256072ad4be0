import QRCode from "qrcode";
import { z } from "zod";
import { prisma, rawSql } from "~/models/store/connection.server";
import { admissionsByQuarterHour, checkedInCount, confirmedCount, conflictCount, countsByCategory, countsByList, insideCount } from "~/models/store/checkin-report-store.server";
import { resultOf, type DbResult } from "./checkin-decision.server";
import { ensureDefaultList, listCheckInLists } from "./checkin-list.server";
import { normalizeTicketCode } from "~/utils/ticket-code";

/** What organizers and door staff look at: the live dashboard, the stats, manual search, badges. */

export type CheckInStats = {
  registered: number;
  checkedIn: number;
  inside: number;
  byList: { id: string; name: string; nameEn: string; checkedIn: number; inside: number; scans: number }[];
  byCategory: { id: string | null; name: string; nameEn: string; registered: number; checkedIn: number }[];
  byQuarterHour: { start: string; count: number }[];
  conflicts: number;
};

export async function checkInStats(eventId: string): Promise<CheckInStats> {
  await ensureDefaultList(eventId);
  const sql = await rawSql();
  const args = { eventId };
  return {
    registered: confirmedCount.get(sql, args)?.n ?? 0,
    checkedIn: checkedInCount.get(sql, args)?.n ?? 0,
    inside: insideCount.get(sql, args)?.n ?? 0,
    byList: countsByList.all(sql, args),
    byCategory: countsByCategory.all(sql, args),
    byQuarterHour: admissionsByQuarterHour.all(sql, args).map((row) => ({ start: `${row.bucket}:00.000Z`, count: row.count })),
    conflicts: conflictCount.get(sql, args)?.n ?? 0,
  };
}

export async function latestScans(eventId: string, { conflictsOnly = false, take = 30 } = {}) {
  const db = await prisma();
  const rows = await db.checkIn.findMany({
    where: { eventId, ...(conflictsOnly ? { conflict: true } : {}) },
    orderBy: conflictsOnly ? { scannedAt: "asc" } : { receivedAt: "desc" },
    take,
    include: {
      list: { select: { name: true, nameEn: true } },
      registration: { select: { id: true, name: true, organization: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    result: resultOf[row.result as DbResult],
    direction: row.direction === "EXIT" ? "exit" : "entry",
    scannedAt: row.scannedAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    deviceId: row.deviceId,
    offline: row.offline,
    conflict: row.conflict,
    undone: row.undoneAt !== null,
    list: row.list,
    attendee: row.registration,
  }));
}

// One character finds a surname (王, 李): Chinese names are often two characters long.
export const searchSchema = z.object({ q: z.string().trim().min(1).max(100) });

function maskPhone(phone: string | null): string {
  if (!phone) return "";
  return phone.length <= 4 ? phone : `${"*".repeat(Math.min(phone.length - 4, 7))}${phone.slice(-4)}`;
}

/** Manual search at the door: name, phone, organization, e-mail or the exact ticket code. */
export async function searchAttendees(eventId: string, query: string) {
  const db = await prisma();
  const rows = await db.registration.findMany({
    where: {
      eventId,
      OR: [
        { name: { contains: query } },
        { organization: { contains: query } },
        { phone: { contains: query } },
        { emailNormalized: { contains: query.toLowerCase() } },
        { ticketCode: normalizeTicketCode(query) },
      ],
    },
    take: 20,
    orderBy: { name: "asc" },
    include: { category: { select: { id: true, name: true, nameEn: true } }, presence: { where: { entries: { gt: 0 } }, select: { listId: true } } },
  });
  return rows.map((row) => ({
    registrationId: row.id,
    name: row.name,
    organization: row.organization,
    phone: maskPhone(row.phone),
    status: row.status,
    category: row.category,
    enteredListIds: row.presence.map((presence) => presence.listId),
  }));
}

/** Attendees for badges: one registration, or every confirmed one of the event. */
export async function badgeAttendees(eventId: string, registrationId?: string) {
  const db = await prisma();
  return db.registration.findMany({
    where: { eventId, ...(registrationId ? { id: registrationId } : { status: "CONFIRMED" }) },
    orderBy: [{ organization: "asc" }, { name: "asc" }],
    select: { id: true, name: true, organization: true, jobTitle: true, ticketCode: true, status: true, category: { select: { name: true, nameEn: true } } },
  });
}

/** Events the user may scan for (not archived, not over for more than two days), each with its lists. */
export async function scannerEvents(mayScan: (event: { id: string; seriesId: string | null }) => boolean) {
  const db = await prisma();
  const events = await db.event.findMany({
    where: { status: { not: "ARCHIVED" }, endsAt: { gte: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) } },
    orderBy: { startsAt: "asc" },
    select: { id: true, slug: true, title: true, titleEn: true, seriesId: true, startsAt: true, endsAt: true, timeZone: true },
  });
  const allowed = events.filter(mayScan);
  return Promise.all(
    allowed.map(async (event) => ({
      id: event.id,
      slug: event.slug,
      title: event.title,
      titleEn: event.titleEn,
      timeZone: event.timeZone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      lists: (await listCheckInLists(event.id)).map((list) => ({
        id: list.id,
        name: list.name,
        nameEn: list.nameEn,
        mode: list.mode,
        allowReentry: list.allowReentry,
        allowedCategoryIds: list.allowedCategoryIds,
      })),
    })),
  );
}

/** Badge contents with the ticket QR as inline SVG (no external service, prints sharply at any size). */
export async function badges(eventId: string, registrationId?: string) {
  const db = await prisma();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, titleEn: true } });
  const attendees = await badgeAttendees(eventId, registrationId);
  return {
    event,
    badges: await Promise.all(
      attendees.map(async (attendee) => ({
        id: attendee.id,
        name: attendee.name,
        organization: attendee.organization,
        jobTitle: attendee.jobTitle ?? "",
        category: attendee.category,
        status: attendee.status,
        qrSvg: await QRCode.toString(attendee.ticketCode, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
      })),
    ),
  };
}

export async function eventIdBySlug(slug: string): Promise<string | null> {
  return (await (await prisma()).event.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

/** Everything the organizers' live dashboard shows, in one call. */
export async function checkInDashboard(eventId: string) {
  const event = await (await prisma()).event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, slug: true, timeZone: true } });
  const [stats, latest, conflicts] = await Promise.all([checkInStats(eventId), latestScans(eventId, { take: 25 }), latestScans(eventId, { conflictsOnly: true, take: 100 })]);
  return { event, stats, latest, conflicts };
}
