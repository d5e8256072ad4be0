import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { purgeRetention } from "~/models/retention.server";
import { register } from "~/models/registration-write.server";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";

/** DESIGN.md §7: personal data of events that ended more than RETENTION_DAYS ago is anonymised, audited. */
async function eventEndedDaysAgo(days: number, people: number) {
  const { event, slug } = await createRegistrationEvent({ capacity: 10 });
  const ids: string[] = [];
  for (let i = 0; i < people; i++)
    ids.push((await register({ slug, input: person(Number.parseInt(randomBytes(3).toString("hex"), 16), { phone: "+86 138 0000 0000", jobTitle: "经理" }) })).body.registration.id);
  const endsAt = new Date(Date.now() - days * 86_400_000);
  await (await prisma()).event.update({ where: { id: event.id }, data: { startsAt: new Date(endsAt.getTime() - 3_600_000), endsAt } });
  return { eventId: event.id, ids };
}

describe("retention purge", () => {
  it("reports in a dry run, then anonymises only events past the retention period, once, audited", async () => {
    const old = await eventEndedDaysAgo(400, 3);
    const recent = await eventEndedDaysAgo(30, 2);
    const db = await prisma();
    const checkedIn = new Date();
    await db.registration.update({ where: { id: old.ids[0] }, data: { checkedInAt: checkedIn } });

    const dry = await purgeRetention({ days: 365, dryRun: true });
    expect(dry.events.map((event) => event.id)).toEqual([old.eventId]);
    expect(dry.registrations).toBe(3);
    expect(dry.emails).toBe(3);
    expect(await db.registration.count({ where: { eventId: old.eventId, anonymisedAt: { not: null } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "retention.purged" } })).toBe(0);

    const before = await db.registration.findMany({ where: { eventId: old.eventId } });
    const report = await purgeRetention({ days: 365 });
    expect(report.registrations).toBe(3);
    const after = await db.registration.findMany({ where: { eventId: old.eventId } });
    for (const row of after) {
      const was = before.find((candidate) => candidate.id === row.id)!;
      expect(row.anonymisedAt).not.toBeNull();
      expect(row.name).toBe("");
      expect(row.email).not.toContain("example.org");
      expect(row.organization).toBe("");
      expect(row.phone).toBeNull();
      expect(row.jobTitle).toBeNull();
      expect(row.answers).toBe("{}");
      expect(row.ticketCode).not.toBe(was.ticketCode);
      expect(row.manageTokenHash).not.toBe(was.manageTokenHash);
      // What statistics need stays.
      expect(row.status).toBe(was.status);
    }
    expect(after.find((row) => row.id === old.ids[0])!.checkedInAt?.getTime()).toBe(checkedIn.getTime());
    expect(await db.emailMessage.count({ where: { eventId: old.eventId } })).toBe(0);
    expect((await db.event.findUniqueOrThrow({ where: { id: old.eventId } })).confirmedCount).toBe(3);

    // The recent event is untouched.
    expect(await db.registration.count({ where: { eventId: recent.eventId, anonymisedAt: null, name: { not: "" } } })).toBe(2);
    expect(await db.emailMessage.count({ where: { eventId: recent.eventId } })).toBe(2);

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "retention.purged" } });
    expect(JSON.parse(entry.details)).toMatchObject({ days: 365, registrations: 3, emails: 3 });

    // Running again finds nothing left to do.
    expect((await purgeRetention({ days: 365 })).registrations).toBe(0);
    expect(await db.auditLog.count({ where: { action: "retention.purged" } })).toBe(1);
  });
});
