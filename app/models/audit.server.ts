import { prisma } from "~/models/store/connection.server";

/** Every action the log records; each has a label and a sentence in both languages (app/i18n/messages/audit.ts). */
export const auditActions = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.password_changed",
  "auth.password_reset_requested",
  "user.created",
  "role.granted",
  "role.revoked",
  "token.created",
  "token.revoked",
  "registration.approved",
  "registration.rejected",
  "registration.ticket_reissued",
  "registration.export",
  "registration.import",
  "registration.bulk_message",
  "attendee.data_export",
  "attendee.data_deleted",
  "checkin.undone",
  "checkin.override",
  "checkin.export",
  "application.submitted",
  "application.amended",
  "application.decided",
  "application.status_changed",
  "application.export",
  "firm.profile_updated",
  "firm.renamed",
  "firm.status_changed",
  "firm.logo_updated",
  "firm.email_domain_added",
  "firm.email_domain_removed",
  "firm.export",
  "onboarding.step_created",
  "onboarding.step_updated",
  "onboarding.step_archived",
  "onboarding.step_restored",
  "onboarding.step_done",
  "onboarding.step_reopened",
  "event.created",
  "event.published",
  "event.unpublished",
  "event.archived",
  "registration.cancelled",
  "registration.note_added",
  "registration.note_deleted",
  "registration.self_updated",
  "registration.category_updated",
  "registration.quota_updated",
  "registration.question_updated",
  "registration.invite_updated",
  "agenda.published",
  "agenda.session_placed",
  "speaker.attached",
  "webhook.created",
  "webhook.enabled",
  "webhook.disabled",
  "webhook.deleted",
  "case.reviewer_added",
  "case.conflict_recorded",
  "case.conflict_removed",
  "case.assigned",
  "case.unassigned",
  "case.auto_assigned",
  "case.review_completed",
  "case.shortlisted",
  "case.unshortlisted",
  "case.decided",
  "retention.purged",
  "audit.export",
  "matchmaking.setup_changed",
  "matchmaking.plan_run",
  "matchmaking.plan_published",
  "matchmaking.left",
  "case.published",
  "case.unpublished",
  "case_call.created",
  "case_call.updated",
  "case_call.published",
  "case_call.unpublished",
  "case_call.form_updated",
  "case_call.rubric_updated",
  "case_submission.submitted",
  "case_submission.withdrawn",
  "case_submission.attachment_added",
  "case_submission.attachment_removed",
  "contributor.signed_up",
  "board.post_approved",
  "board.post_rejected",
  "board.contact_requested",
  "board.contact_accepted",
  "board.contact_declined",
] as const;

export type AuditAction = (typeof auditActions)[number];

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

/** `about`: entries on one object, as their target or named in their details (a bulk decision lists its ids). */
export type AuditFilter = { action?: string; actorUserId?: string; eventId?: string; about?: string; from?: Date; to?: Date };

/** Newest first, with the acting user's name and e-mail (or the token's name), for the audit page and export. */
export async function listAudit({ action, actorUserId, eventId, about, from, to, take = 200 }: AuditFilter & { take?: number }) {
  const db = await prisma();
  const entries = await db.auditLog.findMany({
    where: {
      ...(action ? { action } : {}),
      ...(actorUserId ? { actorUserId } : {}),
      ...(eventId ? { eventId } : {}),
      ...(about ? { OR: [{ targetId: about }, { details: { contains: `"${about}"` } }] } : {}),
      ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
  const actorIds = [...new Set(entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))];
  const tokenIds = [...new Set(entries.flatMap((entry) => (entry.actorTokenId ? [entry.actorTokenId] : [])))];
  const [actors, tokens] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } }),
    db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } }),
  ]);
  const actorOf = new Map(actors.map((actor) => [actor.id, actor]));
  const tokenOf = new Map(tokens.map((token) => [token.id, token.name]));
  return entries.map((entry) => {
    const actor = entry.actorUserId ? actorOf.get(entry.actorUserId) : undefined;
    return { ...entry, actorEmail: actor?.email ?? null, actorName: actor ? actor.name || actor.email : null, actorTokenName: entry.actorTokenId ? (tokenOf.get(entry.actorTokenId) ?? null) : null };
  });
}

/** The people who appear as actors in the log, for the filter. */
export async function auditActors(): Promise<{ id: string; name: string }[]> {
  const db = await prisma();
  const ids = (await db.auditLog.findMany({ where: { actorUserId: { not: null } }, distinct: ["actorUserId"], select: { actorUserId: true } })).flatMap((row) =>
    row.actorUserId ? [row.actorUserId] : [],
  );
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
  return users.map((user) => ({ id: user.id, name: user.name ? `${user.name} · ${user.email}` : user.email }));
}
