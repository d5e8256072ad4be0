import "~/server/registration-jobs";
import { startBackgroundJobs } from "~/server/background";
import { env, EnvError } from "~/utils/env.server";
import { applyPendingMigrations } from "./migrate";

/** `npm run worker`: the background jobs (outbox sender, reminders) as their own process. */
function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  applyPendingMigrations(config.DATABASE_URL);
  const stop = startBackgroundJobs();
  console.log(`Worker running (database ${config.DATABASE_URL}, SMTP ${config.SMTP_URL ? "configured" : "not configured: e-mails stay in the outbox"})`);
  const shutdown = () => {
    stop();
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main();
