import { enqueueDayBeforeReminders } from "~/models/registration-bulk.server";
import { startOutboxSender } from "~/models/outbox.server";
import { registerBackgroundJob } from "./background";

/** The outbox sender and the day-before reminder, run by `npm start` in-process or by `npm run worker`. */
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
