import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Applies pending Prisma migrations to DATABASE_URL (creates the file on first start). */
export function applyMigrations(databaseUrl: string) {
  const cli = fileURLToPath(new URL("./prisma.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
  }
}
