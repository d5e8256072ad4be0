import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { bulkProgress, enqueueDayBeforeReminders, previewBulkMessage, sendBulkMessage } from "~/models/registration-bulk.server";
import { registrationInputSchema } from "~/schemas/registration";
import { cancelRegistration, register } from "~/models/registration-write.server";
import { prisma } from "~/models/store/connection.server";
import { createRegistrationEvent, person } from "../support/registration-fixtures";

async function eventWithAttendees(first: number) {
  const { event, slug } = await createRegistrationEvent({ capacity: 10 });
  const ids: string[] = [];
  for (let index = first; index < first + 3; index++) {
    const answer = await register({ slug, input: registrationInputSchema.parse(person(index)) });
    ids.push(answer.body.registration.id);
  }
  await cancelRegistration(ids[2]);
  return { event, ids };
}

beforeAll(async () => {
  await useDemoDatabase();
});

describe("bulk messages", () => {
  it("previews with a sample name, queues one message per live registration under one batch, and reports progress", async () => {
    const { event, ids } = await eventWithAttendees(500);
    const preview = await previewBulkMessage({ subject: "会场变更", body: "会场改到 3 号厅。\n\n请提前 15 分钟到场。", locale: "zh-CN" });
    expect(preview.html).toContain("会场改到 3 号厅");
    expect(preview.text).toContain("请提前 15 分钟到场");

    const admin = await (await prisma()).user.findUniqueOrThrow({ where: { email: "admin@demo.example.org" } });
    const { batchId, total } = await sendBulkMessage({ eventId: event.id, filter: {}, subject: "会场变更", body: "会场改到 3 号厅。", actorUserId: admin.id });
    expect(total).toBe(2);
    const db = await prisma();
    const messages = await db.emailMessage.findMany({ where: { batchId } });
    expect(messages.map((message) => message.registrationId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(messages.every((message) => message.subject.includes("会场变更"))).toBe(true);
    expect(await bulkProgress(batchId)).toEqual({ total: 2, sent: 0, failed: 0, pending: 2 });

    await db.emailMessage.update({ where: { id: messages[0].id }, data: { status: "SENT", sentAt: new Date() } });
    expect(await bulkProgress(batchId)).toEqual({ total: 2, sent: 1, failed: 0, pending: 1 });
    expect(await db.auditLog.count({ where: { action: "registration.bulk_message", eventId: event.id } })).toBe(1);
  });
});

describe("the day-before reminder", () => {
  it("reminds each confirmed attendee of tomorrow's event once, and nobody else", async () => {
    const now = new Date();
    const tomorrowMorning = DateTime.fromJSDate(now, { zone: "Asia/Shanghai" }).plus({ days: 1 }).set({ hour: 9, minute: 0 });
    const soon = await eventWithAttendees(600);
    const later = await eventWithAttendees(700);
    const db = await prisma();
    await db.event.update({
      where: { id: soon.event.id },
      data: { startsAt: tomorrowMorning.toUTC().toJSDate(), endsAt: tomorrowMorning.plus({ hours: 8 }).toUTC().toJSDate() },
    });

    await enqueueDayBeforeReminders(now);
    const reminders = await db.emailMessage.findMany({ where: { kind: "reminder", eventId: { in: [soon.event.id, later.event.id] } } });
    expect(reminders.map((message) => message.registrationId).sort()).toEqual([soon.ids[0], soon.ids[1]].sort());

    expect(await enqueueDayBeforeReminders(now)).toBe(0);
    expect(await db.emailMessage.count({ where: { kind: "reminder", eventId: soon.event.id } })).toBe(2);
  });
});
