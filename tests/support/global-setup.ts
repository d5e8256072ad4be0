import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { buildApp, buildIsStale } from "../../app/cli/build";
import { applyMigrations } from "../../app/cli/migrate";
import { templateDbName, tmpRoot } from "./paths";
import { withLock } from "./lock";

/**
 * Once per run: migrate a template SQLite file (each test file gets its own copy, see worker-setup.ts)
 * and build the app if the sources changed, for tests that talk to the real HTTP server. Workers are
 * forked after this runs, so they inherit TEST_RUN_DIR.
 */
export default async function setup() {
  const dir = resolve(tmpRoot, `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  process.env.TEST_RUN_DIR = dir;
  applyMigrations(`file:${resolve(dir, templateDbName)}`);
  await withLock(resolve(tmpRoot, "build.lock"), () => {
    if (buildIsStale()) buildApp({ quiet: true });
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
