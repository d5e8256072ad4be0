import { prisma } from "./db.server";

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
