import { randomBytes, randomUUID } from "node:crypto";
import { createApiToken } from "~/models/api-token.server";
import { createCheckInList, ensureDefaultList, type CheckInListInput } from "~/models/checkin-list.server";
import { createUser, grantRole } from "~/models/user.server";
import type { RegistrationStatus } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { hashSecret } from "~/utils/secrets.server";

/** Check-in test data written straight into the schema, so these tests do not depend on the registration code. */
export const newTicketCode = () => randomBytes(16).toString("base64url");
export const newNonce = () => randomUUID();

export async function createEventFixture(slug = `checkin-${randomBytes(4).toString("hex")}`) {
  const db = await prisma();
  const startsAt = new Date(Date.now() - 60 * 60 * 1000);
  const event = await db.event.create({
    data: {
      slug,
      kind: "DEEP_DIVE",
      status: "PUBLISHED",
      title: `签到测试 ${slug}`,
      titleEn: `Check-in test ${slug}`,
      timeZone: "Asia/Shanghai",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 60 * 60 * 1000),
      capacity: 1000,
    },
  });
  const general = await db.ticketCategory.create({ data: { eventId: event.id, code: "general", name: "普通", nameEn: "General", position: 1 } });
  const vip = await db.ticketCategory.create({ data: { eventId: event.id, code: "vip", name: "贵宾", nameEn: "VIP", position: 2 } });
  const mainList = await ensureDefaultList(event.id);
  return { event, categories: { general, vip }, mainList };
}

export async function addList(eventId: string, input: CheckInListInput) {
  return createCheckInList(eventId, input);
}

let counter = 0;
export async function addRegistration(
  eventId: string,
  {
    status = "CONFIRMED",
    categoryId = null,
    name,
    organization = "示例科技有限公司",
    phone = null,
  }: { status?: RegistrationStatus; categoryId?: string | null; name?: string; organization?: string; phone?: string | null } = {},
) {
  counter += 1;
  const email = `attendee${counter}-${randomBytes(3).toString("hex")}@example.org`;
  return (await prisma()).registration.create({
    data: {
      eventId,
      categoryId,
      status,
      name: name ?? `参会人${counter}`,
      email,
      emailNormalized: email,
      organization,
      phone,
      ticketCode: newTicketCode(),
      manageTokenHash: hashSecret(randomBytes(16).toString("hex")),
      consentAt: new Date(),
      consentNoticeVersion: "1",
    },
  });
}

export async function tokenFor(eventSlug: string, role: "CHECKIN" | "ORGANIZER" = "CHECKIN") {
  return (await createApiToken({ eventSlug, role })).token;
}

export async function staffUser(eventSlug: string, role: "CHECKIN" | "ORGANIZER" = "CHECKIN", password = "staff-password-2025") {
  const email = `staff-${randomBytes(4).toString("hex")}@example.org`;
  await createUser({ email, name: "测试签到员", password });
  await grantRole({ email, role, scope: { eventSlug } });
  return { email, password };
}
