import { prisma } from "~/models/store/connection.server";
import { listManageableEvents } from "./event.server";
import { progressMatrix } from "./onboarding.server";

type ScopedUser = Parameters<typeof listManageableEvents>[0];

/**
 * What the back office's first page counts for one user: their upcoming events with registrations,
 * check-ins, approvals waiting and failed e-mails, and, where the caller says the user may see them, the
 * programme's queues. The caller decides those permissions (models never import app/auth).
 */
export async function backOfficeDashboard({ user, programme, emails, now = new Date() }: { user: ScopedUser; programme: boolean; emails: boolean; now?: Date }) {
  const db = await prisma();
  const events = (await listManageableEvents(user)).filter((event) => event.endsAt >= now && event.status !== "ARCHIVED").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const eventIds = events.map((event) => event.id);
  const [pending, checkedIn, failed, applicationsWaiting, onboarding, failedEmails] = await Promise.all([
    db.registration.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, status: "PENDING_APPROVAL" }, _count: { _all: true } }),
    db.registration.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, checkedInAt: { not: null } }, _count: { _all: true } }),
    db.emailMessage.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, status: "FAILED" }, _count: { _all: true } }),
    programme ? db.firmApplication.count({ where: { status: "SUBMITTED" } }) : null,
    programme ? progressMatrix(now) : null,
    emails ? db.emailMessage.count({ where: { status: "FAILED" } }) : null,
  ]);
  const countOf = (rows: { eventId: string | null; _count: { _all: number } }[], eventId: string) => rows.find((row) => row.eventId === eventId)?._count._all ?? 0;
  return {
    events: events.map((event) => ({
      event,
      registered: event.confirmedCount,
      checkedIn: countOf(checkedIn, event.id),
      pendingApproval: countOf(pending, event.id),
      failedEmails: countOf(failed, event.id),
    })),
    applicationsWaiting,
    firmsOverdue: onboarding ? onboarding.rows.filter((row) => row.overdue > 0).length : null,
    failedEmails,
  };
}
