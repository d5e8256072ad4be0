import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { databasePath, env } from "~/utils/env.server";

/**
 * Backups of the SQLite file with SQLite's online backup API (better-sqlite3 `backup`): consistent while
 * the server keeps serving and writing, unlike copying the file (which can tear a WAL database).
 */
export class BackupError extends Error {}

function checkDatabaseFile(file: string) {
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
  }
  try {
    const integrity = source.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${file} failed the integrity check: ${String(integrity)}`);
    if (!source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()) {
      throw new BackupError(`${file} is not a database of this application (no _prisma_migrations table)`);
    }
    const migrations = (source.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL").get() as { n: number }).n;
    return { migrations };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a usable database: ${(error as Error).message}`);
  } finally {
    source.close();
  }
}

/** Writes a consistent copy of DATABASE_URL to `to` (refuses to overwrite) and checks it. */
export async function backupDatabase(to: string, databaseUrl = env().DATABASE_URL) {
  if (existsSync(to)) throw new BackupError(`${to} already exists; choose a new file name`);
  const file = databasePath(databaseUrl);
  if (!existsSync(file)) throw new BackupError(`There is no database at ${file}`);
  const source = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
  const { migrations } = checkDatabaseFile(to);
  return { file: to, bytes: statSync(to).size, migrations };
}

/**
 * Replaces DATABASE_URL with the backup `from`. Refuses while any other process (the server, the worker)
 * has the database open: leaving WAL mode needs the file to itself, so that is the test. The current file
 * is first saved next to it as `<file>.before-restore-<time>`. Pending migrations apply at the next start.
 */
export async function restoreDatabase(from: string, databaseUrl = env().DATABASE_URL, now = new Date()) {
  const { migrations } = checkDatabaseFile(from);
  const file = databasePath(databaseUrl);
  let saved: string | null = null;
  if (existsSync(file)) {
    const target = new Database(file, { timeout: 0 });
    try {
      try {
        const mode = target.pragma("journal_mode = DELETE", { simple: true });
        if (mode !== "delete") throw new Error(String(mode));
      } catch {
        throw new BackupError(`The database ${file} is in use by another process. Stop the server and the worker first, then restore.`);
      }
      saved = `${file}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      await target.backup(saved);
    } finally {
      target.close();
    }
  }
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  const restored = new Database(file);
  try {
    restored.pragma("journal_mode = WAL");
  } finally {
    restored.close();
  }
  return { file, from, saved, migrations };
}
