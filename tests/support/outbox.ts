import { prisma } from "~/models/store/connection.server";

/**
 * Waits until the outbox holds no PENDING or SENDING message (for one event, or at all): the sender is idle,
 * so whatever it was going to deliver has been delivered and a count taken now is final.
 */
export async function untilOutboxIdle(eventId?: string, timeoutMs = 20_000) {
  const db = await prisma();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = await db.emailMessage.count({ where: { status: { in: ["PENDING", "SENDING"] }, ...(eventId ? { eventId } : {}) } });
    if (busy === 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox still holds ${busy} unsent e-mails after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
