import { enqueueDayBeforeReminders } from "~/models/registration-bulk.server";
import { startOutboxSender } from "~/models/outbox.server";
import { releaseExpiredHolds } from "~/models/registration.server";
import { registerBackgroundJob } from "./background";

/**
 * The outbox sender, the day-before reminder and the release of unconfirmed e-mail holds, run by `npm start`
 * in-process or by `npm run worker`.
 */
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

registerBackgroundJob({
  name: "email-hold-release",
  start: () => {
    const run = () => releaseExpiredHolds().catch((error) => console.error("Hold release job:", error));
    // Holds last minutes, so a check every minute releases a place at most a minute late.
    const first = setTimeout(run, 1_000);
    const timer = setInterval(run, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  },
});
