import { prisma } from "~/models/store/connection.server";
import { eventCover, type CoverImage } from "~/models/event-cover.server";
import { listEventHosts, type EventHostView } from "~/models/event-host.server";
import { getPublishedAgenda } from "~/models/agenda-version.server";

/**
 * What the public event page shows beyond the event's own facts: its ticket categories with their counters,
 * hosts, cover and the people of its published agenda.
 */
export type TicketCategoryFacts = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  capacity: number | null;
  confirmedCount: number;
  requiresApproval: boolean;
  inviteOnly: boolean;
};

export async function ticketCategories(eventId: string): Promise<TicketCategoryFacts[]> {
  return (await prisma()).ticketCategory.findMany({
    where: { eventId },
    orderBy: { position: "asc" },
    select: { id: true, code: true, name: true, nameEn: true, capacity: true, confirmedCount: true, requiresApproval: true, inviteOnly: true },
  });
}

export type AgendaPerson = { id: string; name: string; nameEn: string; organization: string; title: string; role: string; photo: string | null };

/** Everyone on the published agenda once, in the order they first appear, with the role they first appear in. */
export async function agendaPeople(event: { id: string; publishedVersion: number }): Promise<AgendaPerson[]> {
  const agenda = await getPublishedAgenda(event.id, event.publishedVersion);
  const people = new Map<string, AgendaPerson>();
  for (const session of agenda?.snapshot.sessions ?? []) {
    for (const speaker of session.speakers) {
      if (people.has(speaker.id)) continue;
      people.set(speaker.id, {
        id: speaker.id,
        name: speaker.name,
        nameEn: speaker.nameEn,
        organization: speaker.organization,
        title: speaker.title,
        role: speaker.role,
        photo: speaker.hasPhoto ? `/speakers/${speaker.id}/photo` : null,
      });
    }
  }
  return [...people.values()];
}

export async function eventPageExtras(event: { id: string; publishedVersion: number }): Promise<{
  categories: TicketCategoryFacts[];
  hosts: EventHostView[];
  cover: CoverImage | null;
  people: AgendaPerson[];
}> {
  const [categories, hosts, cover, people] = await Promise.all([ticketCategories(event.id), listEventHosts(event.id), eventCover(event.id), agendaPeople(event)]);
  return { categories, hosts, cover, people };
}

/**
 * An invite code the form may show its invite-only categories for: one of this event's, not revoked, not
 * expired and not used up. It is checked again, and used, when the registration is written.
 */
export async function usableInvite(eventId: string, code: string, now = new Date()): Promise<{ code: string; categoryId: string | null } | null> {
  const trimmed = code.trim();
  if (!trimmed || trimmed.length > 64) return null;
  const invite = await (await prisma()).inviteCode.findUnique({ where: { eventId_code: { eventId, code: trimmed } } });
  if (!invite || invite.revokedAt || (invite.expiresAt && invite.expiresAt <= now) || invite.usedCount >= invite.maxUses) return null;
  return { code: invite.code, categoryId: invite.categoryId };
}
