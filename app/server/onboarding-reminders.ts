import { sendOverdueReminders } from "~/models/onboarding.server";
import { registerBackgroundJob } from "./background";

// Once a day (and a few minutes after start): overdue onboarding steps are e-mailed to the firm's contacts.
// The per-step `lastReminderAt` keeps restarts from sending twice within a week.
const dayMs = 24 * 60 * 60 * 1000;

async function run() {
  try {
    const { firms, emails } = await sendOverdueReminders();
    if (emails > 0) console.log(`Onboarding reminders: ${emails} e-mails queued for ${firms} firms.`);
  } catch (error) {
    console.error("Onboarding reminders failed", error);
  }
}

registerBackgroundJob({
  name: "onboarding-reminders",
  start: () => {
    const first = setTimeout(run, 5 * 60 * 1000);
    const daily = setInterval(run, dayMs);
    first.unref();
    daily.unref();
    return () => {
      clearTimeout(first);
      clearInterval(daily);
    };
  },
});
