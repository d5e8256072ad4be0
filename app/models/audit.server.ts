import { prisma } from "~/utils/db.server";

/** Newest first, with the acting user's e-mail, for the audit page. */
export async function listAudit({ action, eventId, take = 200 }: { action?: string; eventId?: string; take?: number }) {
  const db = await prisma();
  const entries = await db.auditLog.findMany({
    where: { ...(action ? { action } : {}), ...(eventId ? { eventId } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
  const actorIds = [...new Set(entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));
  return entries.map((entry) => ({ ...entry, actorEmail: entry.actorUserId ? (emailOf.get(entry.actorUserId) ?? null) : null }));
}

/** The actions that occur in the log, for the filter. */
export async function auditActions(): Promise<string[]> {
  const rows = await (await prisma()).auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
