import type { Prisma, RegistrationStatus } from "~/generated/prisma/client";
import { prisma, rawSql } from "~/models/store/connection.server";
import { eventCounts } from "~/models/store/registration-event-store.server";

/** The back office's view of an event's registrations. */
export type RegistrationFilter = {
  status?: RegistrationStatus | null;
  categoryId?: string | null;
  firmId?: string | null;
  checkedIn?: boolean | null;
  q?: string | null;
};

export function registrationWhere(eventId: string, filter: RegistrationFilter): Prisma.RegistrationWhereInput {
  const q = filter.q?.trim();
  return {
    eventId,
    anonymisedAt: null,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
    ...(filter.firmId ? { firmId: filter.firmId } : {}),
    ...(filter.checkedIn === true ? { checkedInAt: { not: null } } : filter.checkedIn === false ? { checkedInAt: null } : {}),
    ...(q ? { OR: [{ name: { contains: q } }, { emailNormalized: { contains: q.toLowerCase() } }, { organization: { contains: q } }] } : {}),
  };
}

/** One page of the filtered registrations (`skip` rows in), and how many match the filter in all. */
export async function listRegistrations(eventId: string, filter: RegistrationFilter, take = 500, skip = 0) {
  const db = await prisma();
  const where = registrationWhere(eventId, filter);
  const [rows, total] = await Promise.all([
    db.registration.findMany({
      where,
      include: { category: { select: { name: true, nameEn: true } }, firm: { select: { name: true } } },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      take,
      skip,
    }),
    db.registration.count({ where }),
  ]);
  return { rows, total };
}

export async function setOrganizerNote(eventId: string, id: string, note: string) {
  const db = await prisma();
  await db.registration.updateMany({ where: { id, eventId }, data: { organizerNote: note.slice(0, 2000) } });
}

export async function registrationCounts(eventId: string) {
  return eventCounts.get(await rawSql(), { eventId })!;
}
