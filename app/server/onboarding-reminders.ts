import { sendOverdueReminders } from "~/models/onboarding.server";
import { registerPeriodicJob } from "./background";

// Once a day (and a few minutes after start): overdue onboarding steps are e-mailed to the firm's contacts.
// The per-step `lastReminderAt` keeps restarts from sending twice within a week.
registerPeriodicJob(
  "onboarding-reminders",
  async () => {
    const { firms, emails } = await sendOverdueReminders();
    if (emails > 0) console.log(`Onboarding reminders: ${emails} e-mails queued for ${firms} firms.`);
  },
  { firstAfterMs: 5 * 60_000, everyMs: 24 * 60 * 60_000 },
);
