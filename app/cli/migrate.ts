import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { appliedMigrations, migrationTable } from "../models/store/maintenance-store.server";
import { sqlFor } from "../models/store/statements.server";
import { databasePath } from "../utils/env.server";

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

/** Names of the migrations in prisma/migrations that the database has not applied yet. */
export function pendingMigrations(databaseUrl: string): string[] {
  const folder = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
  const all = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const file = databasePath(databaseUrl);
  if (!existsSync(file)) return all;
  const sqlite = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    const sql = sqlFor(sqlite);
    if (!migrationTable.get(sql, {})) return all;
    const applied = new Set(appliedMigrations.all(sql, {}).map((row) => row.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * Migrates only when something is pending. Prisma's `migrate deploy` needs the database to itself, so
 * tools that run beside a live server (the operator CLI) must not call it on an up-to-date database.
 */
export function applyPendingMigrations(databaseUrl: string) {
  if (pendingMigrations(databaseUrl).length > 0) applyMigrations(databaseUrl);
}
