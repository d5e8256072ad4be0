import { createHash } from "node:crypto";
import QRCode from "qrcode";
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { prisma, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { HttpError } from "~/utils/http.server";
import { audit } from "~/models/audit.server";
import {
  maxCodeLength,
  resultOf,
  type DbResult,
  type ScanAnswer,
  type ScanFailure,
  type ScanInput,
  type ScanOutcome,
} from "./checkin-decision.server";
import { ensureDefaultList, listCheckInLists } from "./checkin-list.server";
import { parseCategoryIds } from "./checkin-rules";
import { decideScans } from "./checkin-writer.server";

export type { Direction, ListRef, ScanAnswer, ScanFailure, ScanInput, ScanOutcome, ScanResult } from "./checkin-decision.server";
export { maxCodeLength } from "./checkin-decision.server";

/** How far a scan time may lie from the server's clock (a device clock can be off; a week-old queue is not a scan). */
export const maxFutureSkewMs = 5 * 60 * 1000;
export const maxPastAgeMs = 72 * 60 * 60 * 1000;

const codeField = z.string().trim().min(1).max(maxCodeLength);
const nonceField = z.string().trim().min(8).max(100).regex(/^[\w.:-]+$/, "letters, digits, . : _ - only");
const scanFields = {
  code: codeField.optional(),
  registrationId: z.string().trim().min(1).max(40).optional(),
  direction: z.enum(["entry", "exit"]).default("entry"),
  nonce: nonceField,
  scannedAt: z.coerce.date().optional(),
  list: z.string().trim().min(1).max(40).optional(),
};
const oneCode = (value: { code?: string; registrationId?: string }) => Boolean(value.code) !== Boolean(value.registrationId);
const oneCodeMessage = { message: "exactly one of code or registrationId", path: ["code"] };

/** Body of `POST /api/v1/checkin`. `list` or `event` picks the event; a token alone means the token's event. */
export const scanRequestSchema = z
  .object({
    ...scanFields,
    event: z.string().trim().min(1).max(120).optional(),
    deviceId: z.string().trim().max(80).default(""),
    offline: z.boolean().default(false),
  })
  .refine(oneCode, oneCodeMessage);
export type ScanRequest = z.infer<typeof scanRequestSchema>;

export const maxBatchScans = 500;
/** Body of `POST /api/v1/checkin/batch`: one device's offline queue. */
export const batchRequestSchema = z.object({
  event: z.string().trim().min(1).max(120).optional(),
  list: z.string().trim().min(1).max(40).optional(),
  deviceId: z.string().trim().max(80).default(""),
  scans: z.array(z.object(scanFields).refine(oneCode, oneCodeMessage)).min(1).max(maxBatchScans),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** A QR may carry a link instead of the bare code: take `?code=` or the last path segment. */
export function normalizeCode(raw: string): string {
  const code = raw.trim();
  if (!/^https?:\/\//i.test(code)) return code;
  try {
    const url = new URL(code);
    return url.searchParams.get("code") ?? url.pathname.split("/").filter(Boolean).pop() ?? code;
  } catch {
    return code;
  }
}

export function scanTimeProblem(scannedAt: Date, now = new Date()): ScanFailure | null {
  const delta = scannedAt.getTime() - now.getTime();
  if (delta > maxFutureSkewMs) return { status: 422, code: "scanned_at_in_future", messageKey: "checkin.error.scannedAtFuture" };
  if (-delta > maxPastAgeMs) return { status: 422, code: "scanned_at_too_old", messageKey: "checkin.error.scannedAtPast" };
  return null;
}

/** Decides one scan; resolves after the transaction holding it has committed and reached the disk. */
export async function scanTicket(input: ScanInput): Promise<ScanOutcome> {
  const [outcome] = await decideScans([input]);
  return outcome;
}

// ───────────────────────────── event and list resolution ─────────────────────────────

export type ScanTarget = { eventId: string; listId: string };

/**
 * Which event and list a scan is for: the list id decides; else the event slug's default list; else the
 * fallback event (the bearer token's). Throws 422 when nothing names an event or the names disagree.
 */
export async function resolveScanTarget({ list, event, fallbackEventId }: { list?: string; event?: string; fallbackEventId?: string }): Promise<ScanTarget> {
  const sql = await rawSql();
  const eventId = event ? sql.get<{ id: string }>("SELECT id FROM Event WHERE slug = ?", event)?.id : fallbackEventId;
  if (event && !eventId) throw new HttpError(404, "unknown_event", "checkin.error.unknownEvent");
  if (list) {
    const row = sql.get<{ id: string; eventId: string }>("SELECT id, eventId FROM CheckInList WHERE id = ?", list);
    if (!row || (event && row.eventId !== eventId)) throw new HttpError(422, "unknown_list", "checkin.error.unknownList", undefined, { list: "unknown list" });
    return { eventId: row.eventId, listId: row.id };
  }
  if (!eventId) throw new HttpError(422, "invalid_input", "checkin.error.noEvent", undefined, { list: "required" });
  const row = sql.get<{ id: string }>("SELECT id FROM CheckInList WHERE eventId = ? ORDER BY isDefault DESC, position ASC LIMIT 1", eventId);
  return { eventId, listId: row?.id ?? (await ensureDefaultList(eventId)).id };
}

// ───────────────────────────── offline reconciliation ─────────────────────────────

export type BatchItemOutcome = { nonce: string } & ({ ok: true; answer: ScanAnswer } | { ok: false; status: number; code: string; messageKey: MessageKey });

/**
 * Applies one device's offline queue in scan-time order, a chunk per transaction. An offline entry for a
 * ticket another device had admitted is stored with `conflict` and listed for organizers.
 */
export async function reconcileScans(
  target: ScanTarget,
  scans: BatchRequest["scans"],
  context: { deviceId: string; staffUserId?: string | null; apiTokenId?: string | null; listFor: (list: string | undefined) => Promise<string> },
  now = new Date(),
): Promise<BatchItemOutcome[]> {
  const prepared: { index: number; input?: ScanInput; failure?: ScanFailure }[] = [];
  for (const [index, scan] of scans.entries()) {
    const scannedAt = scan.scannedAt ?? now;
    const failure = scanTimeProblem(scannedAt, now);
    if (failure) {
      prepared.push({ index, failure });
      continue;
    }
    let listId: string;
    try {
      listId = scan.list ? await context.listFor(scan.list) : target.listId;
    } catch {
      prepared.push({ index, failure: { status: 422, code: "unknown_list", messageKey: "checkin.error.unknownList" } });
      continue;
    }
    prepared.push({
      index,
      input: {
        eventId: target.eventId,
        listId,
        code: scan.code ? normalizeCode(scan.code) : undefined,
        registrationId: scan.registrationId,
        direction: scan.direction,
        nonce: scan.nonce,
        scannedAt,
        deviceId: context.deviceId,
        staffUserId: context.staffUserId,
        apiTokenId: context.apiTokenId,
        offline: true,
      },
    });
  }
  const outcomes: BatchItemOutcome[] = new Array(scans.length);
  for (const item of prepared) {
    if (item.failure) outcomes[item.index] = { nonce: scans[item.index].nonce, ok: false, ...item.failure };
  }
  const ordered = prepared
    .filter((item): item is { index: number; input: ScanInput } => item.input !== undefined)
    .sort((a, b) => a.input.scannedAt.getTime() - b.input.scannedAt.getTime() || a.index - b.index);
  const chunkSize = 250;
  for (let start = 0; start < ordered.length; start += chunkSize) {
    const chunk = ordered.slice(start, start + chunkSize);
    const results = await decideScans(chunk.map((item) => item.input));
    chunk.forEach((item, position) => {
      outcomes[item.index] = { nonce: item.input.nonce, ...results[position] } as BatchItemOutcome;
    });
  }
  return outcomes;
}

// ───────────────────────────── undo ─────────────────────────────

/** An organizer takes back a mistaken check-in (or exit); the presence row is put back, and it is audited. */
export async function undoCheckIn({ eventId, checkInId, actorUserId, ip }: { eventId: string; checkInId: string; actorUserId: string; ip?: string }) {
  const undone = await writeTransaction((sql) => {
    const row = sql.get<{ id: string; registrationId: string | null; listId: string; direction: string; result: string; undoneAt: string | null }>(
      "SELECT id, registrationId, listId, direction, result, undoneAt FROM CheckIn WHERE id = ? AND eventId = ?",
      checkInId,
      eventId,
    );
    if (!row) throw new HttpError(404, "not_found", "error.notFound.body");
    if (row.undoneAt) throw new HttpError(409, "already_undone", "checkin.undo.alreadyUndone");
    if (row.result !== "OK" || !row.registrationId) throw new HttpError(422, "not_undoable", "checkin.undo.notUndoable");
    const stamp = sqlDate(new Date());
    sql.run("UPDATE CheckIn SET undoneAt = ?, undoneById = ? WHERE id = ? AND undoneAt IS NULL", stamp, actorUserId, row.id);
    if (row.direction === "EXIT") {
      sql.run("UPDATE CheckInPresence SET inside = 1, lastChangedAt = ? WHERE registrationId = ? AND listId = ?", stamp, row.registrationId, row.listId);
    } else {
      const next = sql.get<{ id: string; scannedAt: string }>(
        "SELECT id, scannedAt FROM CheckIn WHERE registrationId = ? AND listId = ? AND direction = 'ENTRY' AND result = 'OK' AND undoneAt IS NULL ORDER BY scannedAt LIMIT 1",
        row.registrationId,
        row.listId,
      );
      sql.run(
        "UPDATE CheckInPresence SET inside = 0, entries = MAX(entries - 1, 0), firstCheckInId = ?, firstEntryAt = ?, lastChangedAt = ? WHERE registrationId = ? AND listId = ?",
        next?.id ?? null,
        next?.scannedAt ?? null,
        stamp,
        row.registrationId,
        row.listId,
      );
      sql.run(
        "UPDATE Registration SET checkedInAt = (SELECT MIN(scannedAt) FROM CheckIn WHERE registrationId = ? AND direction = 'ENTRY' AND result = 'OK' AND undoneAt IS NULL), updatedAt = ? WHERE id = ?",
        row.registrationId,
        stamp,
        row.registrationId,
      );
    }
    return row;
  });
  await audit({
    action: "checkin.undone",
    actorUserId,
    targetType: "check_in",
    targetId: undone.id,
    eventId,
    ip,
    details: { registrationId: undone.registrationId, listId: undone.listId, direction: undone.direction },
  });
}

/** Marks an offline conflict as looked at by an organizer. */
export async function resolveConflict({ eventId, checkInId, actorUserId, ip }: { eventId: string; checkInId: string; actorUserId: string; ip?: string }) {
  const { changes } = await writeTransaction((sql) =>
    sql.run("UPDATE CheckIn SET conflict = 0 WHERE id = ? AND eventId = ? AND conflict = 1", checkInId, eventId),
  );
  if (changes === 0) throw new HttpError(404, "not_found", "error.notFound.body");
  await audit({ action: "checkin.override", actorUserId, targetType: "check_in", targetId: checkInId, eventId, ip, details: { conflict: "resolved" } });
}

// ───────────────────────────── reads: stats, dashboard, index, search ─────────────────────────────

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
  const count = (text: string, ...params: unknown[]) => sql.get<{ n: number }>(text, ...params)?.n ?? 0;
  const registered = count("SELECT COUNT(*) AS n FROM Registration WHERE eventId = ? AND status = 'CONFIRMED'", eventId);
  const checkedIn = count(
    "SELECT COUNT(DISTINCT p.registrationId) AS n FROM CheckInPresence p JOIN CheckInList l ON l.id = p.listId WHERE l.eventId = ? AND p.entries > 0",
    eventId,
  );
  const inside = count(
    "SELECT COUNT(DISTINCT p.registrationId) AS n FROM CheckInPresence p JOIN CheckInList l ON l.id = p.listId WHERE l.eventId = ? AND p.inside = 1",
    eventId,
  );
  const byList = sql.all<CheckInStats["byList"][number]>(
    `SELECT l.id, l.name, l.nameEn,
       (SELECT COUNT(*) FROM CheckInPresence p WHERE p.listId = l.id AND p.entries > 0) AS checkedIn,
       (SELECT COUNT(*) FROM CheckInPresence p WHERE p.listId = l.id AND p.inside = 1) AS inside,
       (SELECT COUNT(*) FROM CheckIn c WHERE c.listId = l.id) AS scans
     FROM CheckInList l WHERE l.eventId = ? ORDER BY l.position, l.name`,
    eventId,
  );
  const byCategory = sql.all<CheckInStats["byCategory"][number]>(
    `SELECT r.categoryId AS id, COALESCE(c.name, '') AS name, COALESCE(c.nameEn, '') AS nameEn, COUNT(*) AS registered,
       SUM(EXISTS (SELECT 1 FROM CheckInPresence p WHERE p.registrationId = r.id AND p.entries > 0)) AS checkedIn
     FROM Registration r LEFT JOIN TicketCategory c ON c.id = r.categoryId
     WHERE r.eventId = ? AND r.status = 'CONFIRMED' GROUP BY r.categoryId ORDER BY c.position, c.name`,
    eventId,
  );
  const byQuarterHour = sql
    .all<{ bucket: string; count: number }>(
      `SELECT substr(scannedAt, 1, 14) || printf('%02d', (CAST(substr(scannedAt, 15, 2) AS INTEGER) / 15) * 15) AS bucket, COUNT(*) AS count
       FROM CheckIn WHERE eventId = ? AND direction = 'ENTRY' AND result = 'OK' AND undoneAt IS NULL GROUP BY bucket ORDER BY bucket`,
      eventId,
    )
    .map((row) => ({ start: `${row.bucket}:00.000Z`, count: row.count }));
  const conflicts = count("SELECT COUNT(*) AS n FROM CheckIn WHERE eventId = ? AND conflict = 1", eventId);
  return { registered, checkedIn, inside, byList, byCategory, byQuarterHour, conflicts };
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

/** The key the offline index is addressed by: nobody can turn it back into a ticket code. */
export function ticketKey(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("base64url").slice(0, 22);
}

/** "张伟" → "张*", "John Smith" → "J. S.": enough for staff to recognise, little to leak. */
export function maskedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "";
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) return `${[...trimmed][0]}${"*".repeat(Math.min(2, [...trimmed].length - 1))}`;
  return trimmed
    .split(/\s+/)
    .map((part) => `${[...part][0]?.toUpperCase() ?? ""}.`)
    .join(" ");
}

export type OfflineTicket = {
  /** ticketKey(code) */
  k: string;
  /** v valid, c cancelled, p not approved */
  s: "v" | "c" | "p";
  /** category id */
  c: string | null;
  /** masked name */
  n: string;
  /** organization */
  o: string;
  /** ids of lists already entered */
  e: string[];
};

/**
 * The offline ticket index (privacy: keys are truncated SHA-256 of the 128-bit codes, names are masked,
 * no e-mail, phone or code leaves the server; the scanner keeps it only for the event it was loaded for).
 */
export async function offlineIndex(eventId: string) {
  const sql = await rawSql();
  const rows = sql.all<{ ticketCode: string; status: string; categoryId: string | null; name: string; organization: string; entered: string | null }>(
    `SELECT r.ticketCode, r.status, r.categoryId, r.name, r.organization,
       (SELECT group_concat(p.listId) FROM CheckInPresence p WHERE p.registrationId = r.id AND p.entries > 0) AS entered
     FROM Registration r WHERE r.eventId = ?`,
    eventId,
  );
  const lists = (await prisma()).checkInList.findMany({ where: { eventId }, orderBy: { position: "asc" } });
  const categories = (await prisma()).ticketCategory.findMany({ where: { eventId }, select: { id: true, name: true, nameEn: true }, orderBy: { position: "asc" } });
  const tickets: OfflineTicket[] = rows.map((row) => ({
    k: ticketKey(row.ticketCode),
    s: row.status === "CONFIRMED" ? "v" : row.status === "CANCELLED" ? "c" : "p",
    c: row.categoryId,
    n: maskedName(row.name),
    o: row.organization,
    e: row.entered ? row.entered.split(",") : [],
  }));
  return {
    eventId,
    generatedAt: new Date().toISOString(),
    lists: (await lists).map((list) => ({
      id: list.id,
      name: list.name,
      nameEn: list.nameEn,
      mode: list.mode,
      allowReentry: list.allowReentry,
      allowedCategoryIds: parseCategoryIds(list.allowedCategoryIds),
    })),
    categories: await categories,
    tickets,
  };
}

export const searchSchema = z.object({ q: z.string().trim().min(2).max(100) });

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
        { ticketCode: normalizeCode(query) },
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
    select: { id: true, slug: true, title: true, titleEn: true, seriesId: true, startsAt: true, timeZone: true },
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
