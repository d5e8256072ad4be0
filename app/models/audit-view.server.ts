import { catalog, localized, type Locale, type MessageKey, type Translate } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { programmeZone, zonedStamp } from "~/utils/time";
import { auditActions, listAudit, type AuditFilter } from "./audit.server";

const roleKeys = new Set(["ADMIN", "ORGANIZER", "CHECKIN", "FIRM_CONTACT"]);

/** The actions the filter offers; the page shows them in words (app/i18n/messages/audit.ts). */
export const auditActionNames: readonly string[] = auditActions;

type Entry = Awaited<ReturnType<typeof listAudit>>[number];
type Named = { name: string; link: string | null };

/**
 * The audit log as people read it (issue "every role's journey" §4): each entry a sentence in the reader's
 * language — who did what to whom, in which event — with a local time and a link to the object. The names
 * are looked up in one query per kind of object; an object deleted since reads as such, never as an id.
 */
export async function describeAudit(entries: Entry[], t: Translate, locale: Locale) {
  const names = await namesOf(entries, locale);
  const actionKey = (action: string) => (`audit.sentence.${action}` in catalog("zh-CN") ? action : "other");
  return entries.map((entry) => {
    const details = parseDetails(entry.details);
    const key = actionKey(entry.action);
    const target = names.get(`${entry.targetType.toLowerCase()}:${entry.targetId}`);
    const count = typeof details.count === "number" && details.count > 1 ? details.count : null;
    const actor = entry.actorName ?? (entry.actorTokenName ? t("audit.actor.token", { name: entry.actorTokenName }) : t("audit.actor.system"));
    const role = typeof details.role === "string" && roleKeys.has(details.role) ? t(`admin.access.role.${details.role}` as MessageKey) : "";
    const event = entry.eventId ? names.get(`event:${entry.eventId}`) : undefined;
    return {
      id: entry.id,
      instant: entry.at,
      actorEmail: entry.actorEmail,
      details: entry.details === "{}" ? "" : entry.details,
      at: zonedStamp(entry.at, programmeZone, locale),
      action: t(`audit.action.${key}` as MessageKey),
      sentence: t(`audit.sentence.${key}` as MessageKey, {
        actor,
        target: count ? t("audit.target.people", { count }) : (target?.name ?? (entry.targetId ? t("audit.target.unknown") : "")),
        role,
      }),
      actor,
      link: count ? null : (target?.link ?? null),
      event: event && entry.targetType.toLowerCase() !== "event" ? { name: event.name, link: event.link } : null,
      ip: entry.ip,
    };
  });
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

async function namesOf(entries: Entry[], locale: Locale): Promise<Map<string, Named>> {
  const idsOf = (type: string) => [...new Set(entries.filter((entry) => entry.targetType.toLowerCase() === type && entry.targetId).map((entry) => entry.targetId))];
  const eventIds = [...new Set([...idsOf("event"), ...entries.flatMap((entry) => (entry.eventId ? [entry.eventId] : []))])];
  const db = await prisma();
  const [events, registrations, firms, users, applications, steps, speakers, tokens, webhooks, sessions] = await Promise.all([
    db.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, title: true, titleEn: true } }),
    db.registration.findMany({ where: { id: { in: idsOf("registration") } }, select: { id: true, name: true, eventId: true } }),
    db.firm.findMany({ where: { id: { in: idsOf("firm") } }, select: { id: true, name: true, nameEn: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true, email: true } }),
    db.firmApplication.findMany({ where: { id: { in: idsOf("application") } }, select: { id: true, firmName: true } }),
    db.onboardingStep.findMany({ where: { id: { in: idsOf("onboardingstep") } }, select: { id: true, title: true, titleEn: true } }),
    db.speaker.findMany({ where: { id: { in: idsOf("speaker") } }, select: { id: true, name: true, nameEn: true } }),
    db.apiToken.findMany({ where: { id: { in: idsOf("token") } }, select: { id: true, name: true } }),
    db.webhookEndpoint.findMany({ where: { id: { in: idsOf("webhookendpoint") } }, select: { id: true, url: true } }),
    db.session.findMany({ where: { id: { in: idsOf("session") } }, select: { id: true, title: true, titleEn: true, eventId: true } }),
  ]);
  const names = new Map<string, Named>();
  for (const event of events) names.set(`event:${event.id}`, { name: localized(locale, event.title, event.titleEn), link: `/admin/events/${event.id}` });
  for (const person of registrations) names.set(`registration:${person.id}`, { name: person.name, link: `/admin/events/${person.eventId}/registrations/${person.id}` });
  for (const firm of firms) names.set(`firm:${firm.id}`, { name: localized(locale, firm.name, firm.nameEn), link: `/admin/firms/${firm.id}` });
  for (const user of users) names.set(`user:${user.id}`, { name: user.name || user.email, link: null });
  for (const application of applications) names.set(`application:${application.id}`, { name: application.firmName, link: `/admin/applications/${application.id}` });
  for (const step of steps) names.set(`onboardingstep:${step.id}`, { name: localized(locale, step.title, step.titleEn), link: null });
  for (const speaker of speakers) names.set(`speaker:${speaker.id}`, { name: localized(locale, speaker.name, speaker.nameEn), link: `/admin/speakers/${speaker.id}` });
  for (const token of tokens) names.set(`token:${token.id}`, { name: token.name, link: null });
  for (const webhook of webhooks) names.set(`webhookendpoint:${webhook.id}`, { name: webhook.url, link: `/admin/webhooks/${webhook.id}` });
  for (const session of sessions) names.set(`session:${session.id}`, { name: localized(locale, session.title, session.titleEn), link: `/admin/events/${session.eventId}/agenda/${session.id}` });
  const [calls, submissions] = await Promise.all([
    db.caseCall.findMany({ where: { id: { in: idsOf("casecall") } }, select: { id: true, title: true, titleEn: true } }),
    db.caseSubmission.findMany({ where: { id: { in: idsOf("casesubmission") } }, select: { id: true, callId: true, title: true, titleEn: true } }),
  ]);
  for (const call of calls) names.set(`casecall:${call.id}`, { name: localized(locale, call.title, call.titleEn), link: `/admin/calls/${call.id}/review` });
  for (const submission of submissions)
    names.set(`casesubmission:${submission.id}`, { name: localized(locale, submission.title, submission.titleEn), link: `/admin/calls/${submission.callId}/review` });
  return names;
}

export type { AuditFilter };
