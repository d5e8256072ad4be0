import { createCheckInList, ensureDefaultList } from "~/models/checkin-list.server";
import { prisma } from "~/models/store/connection.server";

/**
 * Demo check-in lists for the Shanghai deep dive (where the demo check-in account works): the default
 * main entrance and a guest room for the "guest" category with entry and exit. Idempotent.
 */
export async function seedCheckIn() {
  const db = await prisma();
  const event = await db.event.findUnique({ where: { slug: "deep-dive-finance-shanghai" } });
  if (!event) return;
  await ensureDefaultList(event.id);
  if (await db.checkInList.findFirst({ where: { eventId: event.id, name: "嘉宾室" } })) return;
  const guest = await db.ticketCategory.findFirst({ where: { eventId: event.id, code: "guest" } });
  await createCheckInList(event.id, {
    name: "嘉宾室",
    nameEn: "Guest room",
    allowedCategoryIds: guest ? [guest.id] : [],
    mode: "ENTRY_EXIT",
    allowReentry: true,
  });
}
