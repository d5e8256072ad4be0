import { renderEmail } from "@emails/render";
import SpeakerInvitation from "@emails/speaker-invitation";
import { attachSchema, responseSchema, type AttachFacts, type NewSpeakerFacts, type RoleResponse } from "~/schemas/agenda";
import { translator } from "~/i18n";
import { markSpeakerInvited } from "~/models/store/agenda-store.server";
import { prisma, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/domain-error";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { formatDate, formatTime } from "~/utils/time";
import { ownSession } from "./agenda.server";
import { addSpeaker } from "./speaker.server";
import { audit } from "~/models/audit.server";
import { invalidInput, parseOrThrow } from "./event.server";
import { enqueueEmailInTransaction } from "./outbox.server";

export { speakerRoles, type SpeakerRoleName } from "~/schemas/agenda";

/**
 * Puts a person on a session in a typed role and order (issue 3 §3). Appearing at the event lets its
 * organizers see and change the person's contact details, so a new appearance is audited with its actor.
 */
export async function attachSpeaker(eventId: string, sessionId: string, input: unknown, actorUserId: string | null = null) {
  return addSessionSpeaker(eventId, sessionId, parseOrThrow(attachSchema, input), actorUserId);
}

/** `facts` come from `attachSchema` (the session page's form); without a position the person goes last. */
export async function addSessionSpeaker(eventId: string, sessionId: string, facts: AttachFacts, actorUserId: string | null = null) {
  await ownSession(eventId, sessionId);
  const db = await prisma();
  if (!(await db.speaker.findUnique({ where: { id: facts.speakerId }, select: { id: true } }))) {
    throw invalidInput({ speakerId: "agenda.validation.unknownSpeaker" });
  }
  const existing = await db.sessionSpeaker.findUnique({ where: { sessionId_speakerId_role: { sessionId, speakerId: facts.speakerId, role: facts.role } } });
  if (existing) return facts.position === null ? existing : db.sessionSpeaker.update({ where: { id: existing.id }, data: { position: facts.position } });
  const position = facts.position ?? (await nextPosition(sessionId));
  const created = await db.sessionSpeaker.create({ data: { sessionId, speakerId: facts.speakerId, role: facts.role, position } });
  await audit({ action: "speaker.attached", actorUserId, targetType: "speaker", targetId: facts.speakerId, eventId, details: { sessionId, role: facts.role } });
  return created;
}

/** Positions are counted from 1, as the people on the page read them. */
export async function nextPosition(sessionId: string) {
  const last = await (await prisma()).sessionSpeaker.aggregate({ where: { sessionId }, _max: { position: true } });
  return Math.max(last._max.position ?? 0, 0) + 1;
}

/**
 * "Add new" in the speaker picker: a person not yet in the directory (name and organisation) is created and
 * put on the session in one step; the organizer who added them may edit them later.
 */
export async function addNewSpeakerToSession(eventId: string, sessionId: string, facts: NewSpeakerFacts, actorUserId: string | null = null) {
  await ownSession(eventId, sessionId);
  const speaker = await addSpeaker({ name: facts.name, nameEn: "", organization: facts.organization, organizationEn: "", jobTitle: "", jobTitleEn: "", bio: "", bioEn: "", email: null }, actorUserId);
  return addSessionSpeaker(eventId, sessionId, { speakerId: speaker.id, role: facts.role, position: null }, actorUserId);
}

/**
 * The picker's matches: a few people whose name (Chinese or English) or organisation contains the query, with
 * what tells two people of the same name apart. Addresses stay out: the picker needs none.
 */
export async function searchSpeakerDirectory(query: string, take = 12) {
  const q = query.trim();
  if (!q) return [];
  const rows = await (
    await prisma()
  ).speaker.findMany({
    where: { OR: [{ name: { contains: q } }, { nameEn: { contains: q } }, { organization: { contains: q } }] },
    select: { id: true, name: true, nameEn: true, organization: true, jobTitle: true },
    orderBy: { name: "asc" },
    take,
  });
  return rows;
}

async function ownSessionSpeaker(eventId: string, sessionSpeakerId: string) {
  const row = await (await prisma()).sessionSpeaker.findUnique({ where: { id: sessionSpeakerId }, include: { session: { select: { eventId: true } } } });
  if (!row || row.session.eventId !== eventId) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return row;
}

export async function detachSpeaker(eventId: string, sessionSpeakerId: string) {
  await ownSessionSpeaker(eventId, sessionSpeakerId);
  await (await prisma()).sessionSpeaker.delete({ where: { id: sessionSpeakerId } });
}

export function appUrl(path: string) {
  return `${env().APP_URL}${path}`;
}

/**
 * E-mails every person with an e-mail address who has roles at this event and no invitation yet. Each role
 * gets its own secret (only hashes are stored); the message carries the first one, and the response page
 * shows all of the person's roles at the event so each can be confirmed or declined.
 */
export async function inviteSpeakers(eventId: string, { speakerId }: { speakerId?: string } = {}) {
  const db = await prisma();
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const rows = await db.sessionSpeaker.findMany({
    where: { session: { eventId }, invitedAt: null, speaker: { email: { not: null }, ...(speakerId ? { id: speakerId } : {}) } },
    include: { speaker: true, session: true },
    orderBy: [{ session: { startsAt: "asc" } }, { position: "asc" }],
  });
  const bySpeaker = new Map<string, typeof rows>();
  for (const row of rows) bySpeaker.set(row.speakerId, [...(bySpeaker.get(row.speakerId) ?? []), row]);
  const t = translator("zh-CN");
  let sent = 0;
  for (const [, roles] of bySpeaker) {
    const secrets = roles.map(() => randomSecret(16));
    const speaker = roles[0].speaker;
    const responseUrl = appUrl(`/speaker/${secrets[0]}`);
    const email = await renderEmail(
      t("agenda.email.invitation.subject", { event: event.title }),
      SpeakerInvitation({
        locale: "zh-CN",
        speakerName: speaker.name,
        eventTitle: event.title,
        responseUrl,
        roles: roles.map((row) => ({
          sessionTitle: row.session.title,
          role: t(`agenda.role.${row.role}`),
          when: `${formatDate(row.session.startsAt, event.timeZone, "zh-CN")} ${formatTime(row.session.startsAt, event.timeZone)}–${formatTime(row.session.endsAt, event.timeZone)}`,
        })),
      }),
    );
    const now = new Date();
    await writeTransaction((sql) => {
      roles.forEach((row, index) => markSpeakerInvited.run(sql, { id: row.id, responseTokenHash: hashSecret(secrets[index]), at: sqlDate(now) }));
      enqueueEmailInTransaction(sql, {
        kind: "speaker_invitation",
        to: speaker.email!,
        ...email,
        eventId,
        dedupeKey: `speaker-invitation:${roles.map((row) => row.id).join(",")}`,
      });
    });
    sent++;
  }
  return { invited: sent };
}

/** The person's roles at the event the link belongs to; null for an unknown link. */
export async function rolesForResponseToken(token: string) {
  if (!token || token.length > 100) return null;
  const db = await prisma();
  const row = await db.sessionSpeaker.findUnique({
    where: { responseTokenHash: hashSecret(token) },
    include: { session: { select: { eventId: true } }, speaker: true },
  });
  if (!row) return null;
  const event = await db.event.findUniqueOrThrow({ where: { id: row.session.eventId } });
  const roles = await db.sessionSpeaker.findMany({
    where: { speakerId: row.speakerId, session: { eventId: row.session.eventId } },
    include: { session: { include: { room: true } } },
    orderBy: [{ session: { startsAt: "asc" } }, { position: "asc" }],
  });
  return { speaker: row.speaker, event, roles };
}

/** Records the speaker's answer for one role; the link only reaches that person's roles at that event. */
export async function respondToRole(token: string, input: unknown, now = new Date()) {
  return recordRoleResponse(token, parseOrThrow(responseSchema, input), now);
}

/** `response` comes from `responseSchema` (the speaker's response page). */
export async function recordRoleResponse(token: string, { sessionSpeakerId, decision }: RoleResponse, now = new Date()) {
  const scope = await rolesForResponseToken(token);
  if (!scope) throw new DomainError("not_found", "not_found", "agenda.speaker.unknownLink");
  if (!scope.roles.some((role) => role.id === sessionSpeakerId)) throw new DomainError("not_found", "not_found", "agenda.speaker.unknownLink");
  return (await prisma()).sessionSpeaker.update({ where: { id: sessionSpeakerId }, data: { confirmation: decision, respondedAt: now } });
}
