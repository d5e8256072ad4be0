import { mkdirSync, rmSync } from "node:fs";
import { buildApp, buildIsStale } from "../../app/cli/build";
import { applyMigrations } from "../../app/cli/migrate";
import { templateDb, tmpDir } from "./paths";

/**
 * Once per run: migrate a template SQLite file (each test file gets its own copy, see worker-setup.ts)
 * and build the app if the sources changed, for tests that talk to the real HTTP server.
 */
export default function setup() {
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  applyMigrations(`file:${templateDb}`);
  if (buildIsStale()) buildApp({ quiet: true });
  return () => rmSync(tmpDir, { recursive: true, force: true });
}
