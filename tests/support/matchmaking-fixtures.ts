import { randomBytes } from "node:crypto";
import { saveSetup } from "~/models/matchmaking.server";
import { prisma } from "~/models/store/connection.server";
import { hashSecret } from "~/utils/secrets.server";

/**
 * An event with matchmaking switched on, its matchmaking session starting `startsInMinutes` from now (so
 * check-in at the table can be open), and confirmed registrants known by their manage tokens.
 */
export async function matchmakingEvent({ slots, tables, startsInMinutes = 10 }: { slots: number; tables: number; startsInMinutes?: number }) {
  const db = await prisma();
  const slug = `meet-${randomBytes(4).toString("hex")}`;
  const sessionStart = new Date(Math.ceil((Date.now() + startsInMinutes * 60_000) / 60_000) * 60_000);
  const event = await db.event.create({
    data: {
      slug,
      kind: "DEEP_DIVE",
      status: "PUBLISHED",
      title: `洽谈 ${slug}`,
      titleEn: `Meetings ${slug}`,
      timeZone: "Asia/Shanghai",
      startsAt: new Date(sessionStart.getTime() - 3_600_000),
      endsAt: new Date(sessionStart.getTime() + 8 * 3_600_000),
      capacity: 500,
    },
  });
  await db.session.create({ data: { eventId: event.id, title: "一对一供需洽谈", type: "MATCHMAKING", startsAt: sessionStart, endsAt: new Date(sessionStart.getTime() + slots * 15 * 60_000) } });
  await saveSetup(event.id, { enabled: true, slotMinutes: 15, tables, optInClosesAt: null }, null);
  const slotIds = (await db.matchmakingSlot.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } })).map((slot) => slot.id);
  return { event, slotIds };
}

export type Registrant = { id: string; token: string; name: string; email: string; phone: string; jobTitle: string; organization: string };

export async function registrant(eventId: string, index: number, names: { name?: string; organization?: string } = {}): Promise<Registrant> {
  const token = randomBytes(24).toString("base64url");
  const suffix = randomBytes(3).toString("hex");
  const person = {
    name: names.name ?? `保密姓名${index}-${suffix}`,
    email: `secret${index}-${suffix}@example.org`,
    phone: `+86 139 ${suffix.slice(0, 4)} ${String(1000 + index)}`,
    jobTitle: `保密职务${index}-${suffix}`,
    organization: names.organization ?? `示例机构${index}-${suffix}`,
  };
  const registration = await (
    await prisma()
  ).registration.create({
    data: {
      eventId,
      status: "CONFIRMED",
      ...person,
      emailNormalized: person.email,
      ticketCode: randomBytes(16).toString("base64url"),
      manageTokenHash: hashSecret(token),
      consentAt: new Date(),
      consentNoticeVersion: "1",
    },
  });
  return { id: registration.id, token, ...person };
}
