import { backgroundJobNames, startBackgroundJobs } from "~/server/jobs";
import { env, EnvError } from "~/utils/env.server";
import { applyPendingMigrations } from "./migrate";

/** `npm run worker`: every background job `npm start` runs (app/server/jobs.ts), as a process of its own. */
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
  console.log(`Background jobs: ${backgroundJobNames().join(", ")}`);
  const shutdown = () => {
    stop();
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main();
