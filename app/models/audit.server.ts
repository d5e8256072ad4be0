import { prisma } from "~/models/store/connection.server";

export type AuditAction =
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.password_changed"
  | "user.created"
  | "role.granted"
  | "role.revoked"
  | "token.created"
  | "token.revoked"
  | "registration.approved"
  | "registration.rejected"
  | "registration.ticket_reissued"
  | "registration.export"
  | "registration.import"
  | "attendee.data_export"
  | "attendee.data_deleted"
  | "checkin.undone"
  | "checkin.override"
  | "application.decided"
  | "retention.purged"
  | (string & {});

export type AuditEntry = {
  action: AuditAction;
  actorUserId?: string | null;
  actorTokenId?: string | null;
  targetType?: string;
  targetId?: string;
  eventId?: string | null;
  ip?: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit log (DESIGN.md §7). Never put a password, token or ticket code in `details`. */
export async function audit(entry: AuditEntry): Promise<void> {
  const db = await prisma();
  await db.auditLog.create({
    data: {
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      actorTokenId: entry.actorTokenId ?? null,
      targetType: entry.targetType ?? "",
      targetId: entry.targetId ?? "",
      eventId: entry.eventId ?? null,
      ip: entry.ip ?? "",
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

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
