import type { Event, Series } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

export type RegistrationState = "open" | "not_yet_open" | "closed" | "full";

type RegistrationFacts = Pick<
  Event,
  "registrationOpensAt" | "registrationClosesAt" | "capacity" | "confirmedCount" | "waitlistEnabled" | "endsAt"
>;

/** Whether an attendee can register now (DESIGN.md §5 `registration.status`). */
export function registrationState(event: RegistrationFacts, now = new Date()): RegistrationState {
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "not_yet_open";
  const closesAt = event.registrationClosesAt ?? event.endsAt;
  if (now >= closesAt) return "closed";
  if (event.capacity !== null && event.confirmedCount >= event.capacity && !event.waitlistEnabled) return "full";
  return "open";
}

export function publicEventSummary(event: Event & { series: Series | null }, now = new Date()) {
  return {
    slug: event.slug,
    title: event.title,
    titleEn: event.titleEn || null,
    kind: event.kind,
    series: event.series ? { slug: event.series.slug, title: event.series.title, titleEn: event.series.titleEn || null } : null,
    city: event.city,
    venue: event.venue,
    address: event.address,
    timeZone: event.timeZone,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    registration: {
      status: registrationState(event, now),
      opensAt: event.registrationOpensAt?.toISOString() ?? null,
      closesAt: (event.registrationClosesAt ?? event.endsAt).toISOString(),
      capacity: event.capacity,
      confirmed: event.confirmedCount,
      waitlisted: event.waitlistedCount,
      requiresApproval: event.requiresApproval,
      waitlistEnabled: event.waitlistEnabled,
    },
  };
}

export async function listPublishedEvents({ now = new Date() }: { now?: Date } = {}) {
  const db = await prisma();
  const events = await db.event.findMany({
    where: { status: "PUBLISHED" },
    include: { series: true },
    orderBy: { startsAt: "asc" },
  });
  return {
    upcoming: events.filter((event) => event.endsAt >= now),
    past: events.filter((event) => event.endsAt < now).reverse(),
  };
}

export async function getPublishedEventBySlug(slug: string) {
  const db = await prisma();
  return db.event.findFirst({ where: { slug, status: "PUBLISHED" }, include: { series: true } });
}

export async function getEventBySlug(slug: string) {
  const db = await prisma();
  return db.event.findUnique({ where: { slug }, include: { series: true } });
}

type ScopedUser = { roles: { role: string; eventId: string | null; seriesId: string | null }[] };

/** Events the user may manage in the back office, newest first (the scope rules of permissions.server.ts). */
export async function listManageableEvents(user: ScopedUser) {
  const db = await prisma();
  const everything = user.roles.some(
    (grant) => grant.role === "ADMIN" || (grant.role === "ORGANIZER" && !grant.eventId && !grant.seriesId),
  );
  const eventIds = user.roles.flatMap((grant) => (grant.role === "ORGANIZER" && grant.eventId ? [grant.eventId] : []));
  const seriesIds = user.roles.flatMap((grant) => (grant.role === "ORGANIZER" && grant.seriesId ? [grant.seriesId] : []));
  return db.event.findMany({
    where: everything ? {} : { OR: [{ id: { in: eventIds } }, { seriesId: { in: seriesIds } }] },
    orderBy: { startsAt: "desc" },
  });
}
