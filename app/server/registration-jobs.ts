import { purgeExpiredIdempotencyRecords } from "~/models/idempotency.server";
import { enqueueDayBeforeReminders } from "~/models/registration-bulk.server";
import { startOutboxSender } from "~/models/outbox.server";
import { renderQueuedEmail } from "~/models/queued-email-render.server";
import { releaseExpiredHolds } from "~/models/registration-write.server";
import { registerBackgroundJob, registerPeriodicJob } from "./background";

/**
 * The outbox sender, the day-before reminder, the release of unconfirmed e-mail holds and the Idempotency-Key
 * expiry, run by `npm start` in-process or by `npm run worker`.
 */
registerBackgroundJob({ name: "outbox-sender", start: () => startOutboxSender({ render: renderQueuedEmail }) });

registerPeriodicJob("day-before-reminder", enqueueDayBeforeReminders, { firstAfterMs: 5_000, everyMs: 15 * 60_000 });
// Holds last minutes, so a check every minute releases a place at most a minute late.
registerPeriodicJob("email-hold-release", releaseExpiredHolds, { firstAfterMs: 1_000, everyMs: 60_000 });
// Idempotency-Key records replay for 24 hours (registration-write.server.ts ignores older ones); this deletes them.
registerPeriodicJob("idempotency-expiry", purgeExpiredIdempotencyRecords, { firstAfterMs: 5_000, everyMs: 60 * 60_000 });
