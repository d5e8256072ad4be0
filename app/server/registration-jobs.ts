import { purgeExpiredIdempotencyRecords } from "~/models/idempotency.server";
import { enqueueDayBeforeReminders } from "~/models/registration-bulk.server";
import { startOutboxSender } from "~/models/outbox.server";
import { registerBackgroundJob } from "./background";

/** The outbox sender, the day-before reminder and the Idempotency-Key expiry, run by `npm start` in-process or by `npm run worker`. */
registerBackgroundJob({ name: "outbox-sender", start: () => startOutboxSender() });

registerBackgroundJob({
  name: "day-before-reminder",
  start: () => {
    const run = () => enqueueDayBeforeReminders().catch((error) => console.error("Reminder job:", error));
    const first = setTimeout(run, 5_000);
    const timer = setInterval(run, 15 * 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  },
});

// Idempotency-Key records replay for 24 hours (registration.server.ts ignores older ones); this deletes them.
registerBackgroundJob({
  name: "idempotency-expiry",
  start: () => {
    const run = () => purgeExpiredIdempotencyRecords().catch((error) => console.error("Idempotency expiry job:", error));
    const first = setTimeout(run, 5_000);
    const timer = setInterval(run, 60 * 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  },
});
