import { randomBytes } from "node:crypto";
import { prisma } from "~/models/store/connection.server";

/** A published event with open registration and the given settings, categories and firm quotas. */
export async function createRegistrationEvent({
  capacity = null,
  waitlistEnabled = false,
  requiresApproval = false,
  categories = [],
  editableFields = ["phone", "jobTitle", "organization"],
  opensInDays = -1,
  confirmEmailFirst = false,
  holdMinutes = 30,
}: {
  capacity?: number | null;
  waitlistEnabled?: boolean;
  requiresApproval?: boolean;
  categories?: { code: string; name: string; capacity?: number | null; requiresApproval?: boolean; inviteOnly?: boolean }[];
  editableFields?: string[];
  opensInDays?: number;
  confirmEmailFirst?: boolean;
  holdMinutes?: number;
} = {}) {
  const db = await prisma();
  const slug = `test-${randomBytes(4).toString("hex")}`;
  const now = Date.now();
  const event = await db.event.create({
    data: {
      slug,
      kind: "DEEP_DIVE",
      status: "PUBLISHED",
      title: `测试活动 ${slug}`,
      titleEn: `Test event ${slug}`,
      venue: "示例会场",
      address: "成都市示例路 1 号",
      timeZone: "Asia/Shanghai",
      startsAt: new Date(now + 10 * 86_400_000),
      endsAt: new Date(now + 10 * 86_400_000 + 8 * 3_600_000),
      registrationOpensAt: new Date(now + opensInDays * 86_400_000),
      registrationClosesAt: new Date(now + 9 * 86_400_000),
      capacity,
      waitlistEnabled,
      requiresApproval,
      editableFields: JSON.stringify(editableFields),
      emailConfirmHoldMinutes: confirmEmailFirst ? holdMinutes : null,
    },
  });
  const created = [];
  for (const [position, category] of categories.entries()) {
    created.push(await db.ticketCategory.create({ data: { eventId: event.id, position, ...category } }));
  }
  return { event, slug, categories: created };
}

export async function createFirm(name: string) {
  const db = await prisma();
  const programme = await db.programme.findFirstOrThrow();
  return db.firm.create({ data: { programmeId: programme.id, name } });
}

export function person(index: number, extra: Record<string, unknown> = {}) {
  return { name: `测试者${index}`, email: `person${index}@example.org`, organization: "示例单位", consent: true, ...extra };
}
