import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { buildApp, buildIsStale } from "../../app/cli/build";
import { applyMigrations } from "../../app/cli/migrate";
import { demoTemplateName, demoTemplateStampName, templateDbName, tmpRoot } from "./paths";
import { withLock } from "./lock";
import { testEnv } from "./test-env";

/**
 * Once per run: migrate a template SQLite file (each test file gets its own copy, see worker-setup.ts),
 * seed the demo into a second template (tests/support/demo-database.ts) while the app builds if the
 * sources changed, for tests that talk to the real HTTP server. Workers are forked after this runs, so
 * they inherit TEST_RUN_DIR.
 */
export default async function setup() {
  const dir = resolve(tmpRoot, `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  process.env.TEST_RUN_DIR = dir;
  applyMigrations(`file:${resolve(dir, templateDbName)}`);
  const seeded = seedDemoTemplate(dir);
  await withLock(resolve(tmpRoot, "build.lock"), () => {
    if (buildIsStale()) buildApp({ quiet: true });
  });
  await seeded;
  return () => rmSync(dir, { recursive: true, force: true });
}

// A process of its own: the demo's modules and database connection stay out of this one, which forks the workers.
function seedDemoTemplate(dir: string): Promise<void> {
  copyFileSync(resolve(dir, templateDbName), resolve(dir, demoTemplateName));
  const log = resolve(dir, "demo-template.log");
  const output = openSync(log, "w");
  const child = spawn(resolve("node_modules/.bin/tsx"), [resolve("tests/support/seed-demo-template.ts"), resolve(dir, demoTemplateStampName)], {
    env: { ...process.env, ...testEnv, DATABASE_URL: `file:${resolve(dir, demoTemplateName)}`, SMTP_URL: "" },
    stdio: ["ignore", output, output],
  });
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`Seeding the demo template failed (exit ${code}):\n${readFileSync(log, "utf8")}`))));
  });
}
