import { demoLogins, seedDemo } from "../../prisma/seed";
import { backgroundJobNames, startBackgroundJobs } from "~/server/jobs";
import { createHttpApp } from "~/server/http";
import { prisma } from "~/models/store/connection.server";
import { env, EnvError } from "~/utils/env.server";
import { startWalCheckpointer } from "~/models/store/wal-checkpointer.server";
import { startCheckInWriter } from "~/models/checkin-writer.server";
import { backfillFirmNameKeys } from "~/models/firm.server";
import { buildApp, buildIsStale, loadServerBuild } from "./build";
import { applyPendingMigrations } from "./migrate";

/** `npm start`: validate config, migrate, seed demo data on an empty database, build if needed, serve (and run the background jobs unless JOBS=off). */
async function main() {
  process.env.NODE_ENV ??= "production";
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
  const names = await backfillFirmNameKeys();
  for (const name of names.clashes) console.warn(`Member firm "${name}" has the same name as another member after normalisation; rename one of them.`);
  const db = await prisma();
  const empty = (await db.programme.count()) === 0;
  if (empty && config.SEED_DEMO) {
    console.log("Empty database: loading the demo data…");
    await seedDemo();
  }

  if (buildIsStale()) {
    console.log("Building the app…");
    buildApp();
  }

  const build = await loadServerBuild();
  const app = createHttpApp({ build, env: config });
  // JOBS=off: a separate `npm run worker` runs them, and running them here too would double them.
  const stopJobs = config.JOBS === "on" ? startBackgroundJobs() : () => {};
  console.log(`Background jobs: ${config.JOBS === "on" ? backgroundJobNames().join(", ") : "none (JOBS=off: run `npm run worker` beside this server)"}`);
  const stopCheckpointer = await startWalCheckpointer();
  const stopCheckInWriter = startCheckInWriter();
  const server = app.listen(config.PORT, () => {
    console.log(`\nServing ${config.APP_URL} (port ${config.PORT}, database ${config.DATABASE_URL})`);
    if (config.SEED_DEMO) {
      console.log("Demo logins (created by the demo seed only):");
      for (const login of demoLogins) console.log(`  ${login.role.padEnd(14)} ${login.email}  /  ${login.password}`);
    }
  });
  const shutdown = () => {
    stopJobs();
    server.close(() => void Promise.all([stopCheckInWriter(), stopCheckpointer()]).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
