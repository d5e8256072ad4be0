import type { z } from "zod";
import type { CheckInList } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { DomainError } from "~/utils/domain-error";
import { checkInListSchema } from "~/schemas/checkin-admin";
import { parseCategoryIds } from "./checkin-rules";

/** Check-in lists: one door or room with its own rules (the rules of a list: `checkInListSchema`). */
export type CheckInListInput = z.input<typeof checkInListSchema>;

export type CheckInListView = Omit<CheckInList, "allowedCategoryIds"> & { allowedCategoryIds: string[] };

function view(list: CheckInList): CheckInListView {
  return { ...list, allowedCategoryIds: parseCategoryIds(list.allowedCategoryIds) };
}

/** The event's lists; an event without any gets its default "main entrance" list first. */
export async function listCheckInLists(eventId: string): Promise<CheckInListView[]> {
  await ensureDefaultList(eventId);
  const lists = await (await prisma()).checkInList.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { name: "asc" }] });
  return lists.map(view);
}

export async function ensureDefaultList(eventId: string): Promise<CheckInList> {
  const db = await prisma();
  const existing = (await db.checkInList.findFirst({ where: { eventId, isDefault: true } })) ?? (await db.checkInList.findFirst({ where: { eventId }, orderBy: { position: "asc" } }));
  if (existing) return existing;
  try {
    return await db.checkInList.create({ data: { eventId, name: "主入口", nameEn: "Main entrance", isDefault: true } });
  } catch {
    // Another request created it at the same moment (unique eventId + name).
    return db.checkInList.findFirstOrThrow({ where: { eventId, isDefault: true } });
  }
}

async function checkCategories(eventId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await (await prisma()).ticketCategory.count({ where: { eventId, id: { in: ids } } });
  if (found !== new Set(ids).size) {
    throw new DomainError("invalid", "invalid_input", "checkin.list.unknownCategory", undefined, { allowedCategoryIds: "checkin.list.unknownCategory" });
  }
}

async function checkSession(eventId: string, sessionId: string | null | undefined) {
  if (!sessionId) return;
  const session = await (await prisma()).session.findFirst({ where: { id: sessionId, eventId }, select: { id: true } });
  if (!session) throw new DomainError("invalid", "invalid_input", "checkin.list.unknownSession", undefined, { sessionId: "checkin.list.unknownSession" });
}

export async function createCheckInList(eventId: string, input: CheckInListInput): Promise<CheckInListView> {
  const data = checkInListSchema.parse(input);
  await checkCategories(eventId, data.allowedCategoryIds);
  await checkSession(eventId, data.sessionId);
  const db = await prisma();
  if (await db.checkInList.findFirst({ where: { eventId, name: data.name } })) {
    throw new DomainError("conflict", "duplicate_name", "checkin.list.duplicateName", undefined, { name: "checkin.list.duplicateName" });
  }
  const position = (await db.checkInList.count({ where: { eventId } })) + 1;
  if (data.isDefault) await db.checkInList.updateMany({ where: { eventId }, data: { isDefault: false } });
  const list = await db.checkInList.create({
    data: { ...data, sessionId: data.sessionId ?? null, allowedCategoryIds: JSON.stringify(data.allowedCategoryIds), eventId, position },
  });
  return view(list);
}

export async function updateCheckInList(eventId: string, listId: string, input: CheckInListInput): Promise<CheckInListView> {
  const data = checkInListSchema.parse(input);
  const db = await prisma();
  const list = await db.checkInList.findFirst({ where: { id: listId, eventId } });
  if (!list) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await checkCategories(eventId, data.allowedCategoryIds);
  await checkSession(eventId, data.sessionId);
  if (await db.checkInList.findFirst({ where: { eventId, name: data.name, id: { not: listId } } })) {
    throw new DomainError("conflict", "duplicate_name", "checkin.list.duplicateName", undefined, { name: "checkin.list.duplicateName" });
  }
  if (data.isDefault) await db.checkInList.updateMany({ where: { eventId, id: { not: listId } }, data: { isDefault: false } });
  const updated = await db.checkInList.update({
    where: { id: listId },
    data: { ...data, sessionId: data.sessionId ?? null, allowedCategoryIds: JSON.stringify(data.allowedCategoryIds) },
  });
  return view(updated);
}

/** A list with scans keeps its history: it cannot be deleted, only renamed. */
export async function deleteCheckInList(eventId: string, listId: string): Promise<void> {
  const db = await prisma();
  const list = await db.checkInList.findFirst({ where: { id: listId, eventId } });
  if (!list) throw new DomainError("not_found", "not_found", "error.notFound.body");
  if (await db.checkIn.findFirst({ where: { listId }, select: { id: true } })) {
    throw new DomainError("conflict", "list_in_use", "checkin.list.inUse");
  }
  await db.checkInList.delete({ where: { id: listId } });
}

/** Ticket categories and sessions a list can be limited to. */
export async function listFormOptions(eventId: string) {
  const db = await prisma();
  const [categories, sessions] = await Promise.all([
    db.ticketCategory.findMany({ where: { eventId }, orderBy: { position: "asc" }, select: { id: true, name: true, nameEn: true } }),
    db.session.findMany({ where: { eventId }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, titleEn: true } }),
  ]);
  return { categories, sessions };
}
