import { resolve } from "node:path";

// One folder per `vitest` run, so parallel runs (several developers on one machine) never share files.
export const tmpRoot = resolve("tests/.tmp");
export function runDir(): string {
  const dir = process.env.TEST_RUN_DIR;
  if (!dir) throw new Error("TEST_RUN_DIR is set by tests/support/global-setup.ts");
  return dir;
}
export const templateDbName = "template.db";
/** The migrated template with the demo seeded once per run, and the `now` it was seeded with. */
export const demoTemplateName = "demo-template.db";
export const demoTemplateStampName = "demo-template.json";
