import { meetingScheduleEmailKind } from "./meeting-placement.server";
import { renderMeetingSchedule } from "./matchmaking-schedule.server";
import type { RenderedEmail } from "./outbox.server";
import { renderLazyEmail } from "./registration-emails.server";

/**
 * Every kind of render-later message, for the outbox sender and the e-mail log's preview: the registration's
 * own messages (ticket, decisions, reminders) and a participant's meeting schedule.
 */
export function renderQueuedEmail(kind: string, registrationId: string): Promise<RenderedEmail | null> {
  if (kind === meetingScheduleEmailKind) return renderMeetingSchedule(registrationId);
  return renderLazyEmail(kind, registrationId);
}
