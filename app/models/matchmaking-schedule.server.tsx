import MeetingScheduleEmail from "@emails/meeting-schedule";
import { renderEmail } from "@emails/render";
import { isLocale, localized, translator, type Locale } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { icalendar, type CalendarEvent } from "~/utils/icalendar";
import { formatDate, formatTime } from "~/utils/time";
import { matchmakingForToken, meetingsFor, meetingsOfProfile, type OwnMeeting } from "./matchmaking.server";
import type { RenderedEmail } from "./outbox.server";
import { manageUrlFor } from "./ticket.server";

/**
 * A participant's meeting schedule outside the page: the e-mail sent when a meeting of theirs is placed or
 * changed (rendered when it is sent, in their language, from the schedule as it is then) and the `.ics` file,
 * written by the calendar code of the agenda exports.
 */
const calendarProduct = "-//agent-programme-events//matchmaking//ZH";
const uidNamespace = "agent-programme-events";

function otherName(meeting: OwnMeeting, locale: Locale): string {
  const shared = meeting.with.shared;
  return shared.name ?? shared.organization ?? translator(locale)("matchmaking.participants.anonymous");
}

/** The meetings as an iCalendar file (one entry per meeting, its UID stable across changes). */
export function meetingsIcs(event: { title: string; titleEn: string; venue: string; address: string; timeZone: string }, meetings: OwnMeeting[], locale: Locale): string {
  const t = translator(locale);
  const entries: CalendarEvent[] = meetings.map((meeting) => ({
    uid: `meeting-${meeting.id}@${uidNamespace}`,
    revisedAt: new Date(meeting.startsAt),
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    summary: t("matchmaking.ics.summary", { name: otherName(meeting, locale), table: meeting.table }),
    location: [t("matchmaking.meetings.table", { table: meeting.table }), event.venue, event.address].filter(Boolean).join(", "),
  }));
  return icalendar({ productId: calendarProduct, name: localized(locale, event.title, event.titleEn), timeZone: event.timeZone, events: entries });
}

/** The schedule e-mail for a registration, or null when it no longer takes part. */
export async function renderMeetingSchedule(registrationId: string): Promise<RenderedEmail | null> {
  const db = await prisma();
  const registration = await db.registration.findUnique({ where: { id: registrationId }, include: { event: true, matchmakingProfile: true } });
  if (!registration || registration.anonymisedAt || registration.status !== "CONFIRMED" || !registration.matchmakingProfile) return null;
  const locale: Locale = isLocale(registration.locale) ? registration.locale : "zh-CN";
  const t = translator(locale);
  const event = registration.event;
  const meetings = await meetingsOfProfile(registration.matchmakingProfile.id);
  const lines = meetings.map((meeting) =>
    t("matchmaking.email.line", {
      time: `${formatDate(meeting.startsAt, event.timeZone, locale)} ${formatTime(meeting.startsAt, event.timeZone)}–${formatTime(meeting.endsAt, event.timeZone)}`,
      table: meeting.table,
      name: otherName(meeting, locale),
    }),
  );
  const subject = t("matchmaking.email.subject", { event: localized(locale, event.title, event.titleEn) });
  const rendered = await renderEmail(
    subject,
    <MeetingScheduleEmail
      lang={locale}
      heading={subject}
      greeting={t("registration.email.greeting", { name: registration.name })}
      intro={t("matchmaking.email.intro")}
      lines={lines}
      manageUrl={`${manageUrlFor(registration.id, registration.manageTokenVersion)}/matchmaking`}
      manageLabel={t("matchmaking.email.manage")}
      footer={t("matchmaking.email.footer")}
    />,
  );
  const ics = meetingsIcs(event, meetings, locale);
  return { ...rendered, attachments: [{ filename: `${event.slug}-meetings.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", contentBase64: Buffer.from(ics).toString("base64") }] };
}

/** The `.ics` of the participant behind a manage token, in the reader's language. */
export async function ownMeetingsIcs(token: string, locale: Locale) {
  const { registration } = await matchmakingForToken(token);
  const meetings = await meetingsFor(token);
  return { body: meetingsIcs(registration.event, meetings, locale), slug: registration.event.slug };
}
