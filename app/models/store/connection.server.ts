import { mkdirSync } from "node:fs";
import { open as openFile, type FileHandle } from "node:fs/promises";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { DomainError } from "~/utils/domain-error";
import { dataDirectory, databasePath, env } from "~/utils/env.server";
import { inSavepoints, isBusy, sqlFor, statement, type Sql } from "./statements.server";

export { isBusy, sqlDate, type Sql } from "./statements.server";

/**
 * One SQLite connection serves both Prisma and the hot write paths.
 *
 * Prisma is used for reads and single-statement writes. Multi-statement writes that must be atomic
 * (registration, check-in, outbox) go through `writeTransaction`, a synchronous better-sqlite3 transaction
 * on the same connection: it cannot interleave with other JavaScript, so a guarded
 * `UPDATE … WHERE confirmed < capacity` is race-free, and this thread has no second connection to deadlock
 * with (its busy-wait would block the event loop while Prisma holds the write lock). The other connections
 * live on their own threads and wait for the write lock there: the check-in writer (ADR 0004) and the WAL
 * checkpointer.
 * Do not use Prisma's `$transaction`: its statements are spread over awaits on this shared connection.
 */
type Handle = { prisma: PrismaClient; sqlite: Database };

const globalForDb = globalThis as unknown as { __db?: Promise<Handle> };

async function open(): Promise<Handle> {
  const url = env().DATABASE_URL;
  mkdirSync(dataDirectory(url), { recursive: true });
  let captured: Database | undefined;
  const factory = new PrismaBetterSQLite3({ url: `file:${databasePath(url)}`, timeout: 5000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    captured = (adapter as unknown as { client: Database }).client;
    return adapter;
  };
  const prisma = new PrismaClient({ adapter: factory });
  await prisma.$connect();
  if (!captured) throw new Error("The SQLite driver adapter did not expose its connection");
  captured.pragma("journal_mode = WAL");
  // Acknowledged registrations and check-ins must survive a power cut (DESIGN.md §4.6).
  captured.pragma("synchronous = FULL");
  captured.pragma("foreign_keys = ON");
  captured.pragma("busy_timeout = 5000");
  // Erased personal data (PIPL) must not linger in freed space of the pages written afterwards.
  captured.pragma("secure_delete = ON");
  // A Prisma write that meets a held write lock for longer than busy_timeout becomes the same clear 503.
  // Only writes are wrapped: reads never wait for a writer in WAL mode, and the hot read paths stay lean.
  const mapBusy = async ({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) => {
    try {
      return await query(args);
    } catch (error) {
      throw isBusy(error) ? busyError() : error;
    }
  };
  const writes = ["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"];
  const mapped = prisma.$extends({
    query: { $allModels: Object.fromEntries(writes.map((operation) => [operation, mapBusy])) } as never,
  }) as unknown as PrismaClient;
  return { prisma: mapped, sqlite: captured };
}

export function db(): Promise<Handle> {
  globalForDb.__db ??= open();
  return globalForDb.__db;
}

const globalForVersion = globalThis as unknown as { __dataVersion?: () => number };

/**
 * A number that changes whenever any connection commits to the database: SQLite's `PRAGMA data_version`,
 * read on a connection of its own because a connection never sees its own commits in it. Caches of rendered
 * pages key on it (app/server/public-page-cache.ts), so they are exact without knowing which writes matter.
 */
export async function dataVersion(): Promise<number> {
  if (!globalForVersion.__dataVersion) {
    await db(); // the file exists, in WAL mode, before the watcher opens it
    const watcher = new BetterSqlite3(databasePath(env().DATABASE_URL), { fileMustExist: true });
    const read = watcher.prepare("PRAGMA data_version").pluck();
    globalForVersion.__dataVersion = () => read.get() as number;
  }
  return globalForVersion.__dataVersion();
}

/** `dataVersion()` without waiting: undefined until it has been read once (the first page render does). */
export function dataVersionNow(): number | undefined {
  return globalForVersion.__dataVersion?.();
}

export async function prisma(): Promise<PrismaClient> {
  return (await db()).prisma;
}

/**
 * Runs `work` as one atomic, synchronous IMMEDIATE transaction; resolves once it is committed and on disk.
 * Waits first for any Prisma transaction on the shared connection to finish, so the two never mix. A write lock held elsewhere is waited for up to 5 s, then 503. Dates must
 * be passed as ISO strings or epoch milliseconds matching how Prisma stores them (see `sqlDate`).
 */
export async function writeTransaction<T>(work: (sql: Sql) => T): Promise<T> {
  const { sqlite } = await db();
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    while (sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
    let result: T;
    // See `syncWal`: this commit writes its WAL frames without an fsync; the promise waits for one below.
    // busy_timeout 0: a held write lock (the checkpointer's RESTART, another process) is waited for below,
    // asynchronously, instead of by SQLite sleeping on the event loop's thread.
    statement(sqlite, "PRAGMA synchronous = NORMAL").run();
    statement(sqlite, "PRAGMA busy_timeout = 0").run();
    try {
      result = sqlite.transaction(() => work(sqlFor(sqlite))).immediate();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw busyError();
      await new Promise((resolve) => setTimeout(resolve, 1));
      continue;
    } finally {
      statement(sqlite, "PRAGMA busy_timeout = 5000").run();
      statement(sqlite, "PRAGMA synchronous = FULL").run();
    }
    await syncWal(sqlite);
    return result;
  }
}

// How long a write waits for another connection's write lock before answering 503 (as busy_timeout does).
const lockWaitMs = 5000;

/**
 * After personal data was erased: secure_delete zeroed it in the new page images, but older WAL frames (and,
 * until the next checkpoint, the database file) still hold the old pages. A TRUNCATE checkpoint copies the new
 * pages over them and empties the WAL. It needs every other connection idle for a moment, which is waited for
 * asynchronously (busy_timeout 0), as `writeTransaction` waits for the write lock; false if that never came.
 */
export async function checkpointErasedData(): Promise<boolean> {
  const { sqlite } = await db();
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    while (sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
    let busy: unknown = 1;
    statement(sqlite, "PRAGMA busy_timeout = 0").run();
    try {
      busy = (sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: unknown }[])[0]?.busy;
    } catch (error) {
      if (!isBusy(error)) throw error;
    } finally {
      statement(sqlite, "PRAGMA busy_timeout = 5000").run();
    }
    if (!Number(busy)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Durability without stopping the event loop (DESIGN.md §4.6). With synchronous=FULL every commit fsyncs
 * the WAL on the calling thread: 1–3 ms during which no other request moves, hundreds of times a second in
 * a check-in rush or a registration storm. So `writeTransaction` commits with synchronous=NORMAL (the WAL
 * frames are written, not yet fsynced) and resolves only after an fsync of the WAL file has completed on
 * libuv's thread pool. Nothing is acknowledged before its frames are on disk, which is all that recovery
 * replays, so acknowledged writes are as durable as with FULL; meanwhile the loop serves other requests,
 * and commits that land while one fsync runs share the next. (Linux fsync flushes the file, whichever
 * descriptor it is called on.) Prisma's own writes still commit with synchronous=FULL.
 */
const walSyncs = new WeakMap<Database, () => Promise<void>>();

function syncWal(sqlite: Database): Promise<void> {
  let sync = walSyncs.get(sqlite);
  if (!sync) walSyncs.set(sqlite, (sync = walSyncer(`${sqlite.name}-wal`)));
  return sync();
}

function walSyncer(walPath: string): () => Promise<void> {
  let file: Promise<FileHandle> | null = null;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const fsyncOnce = async () => {
    file ??= openFile(walPath, "r");
    try {
      await (await file).sync();
    } catch (error) {
      file = null;
      throw error;
    }
  };
  const sync = (): Promise<void> => {
    if (!running) {
      running = fsyncOnce().finally(() => (running = null));
      return running;
    }
    // The running fsync may have started before this commit's frames were written: wait for the next one.
    queued ??= running.then(
      () => ((queued = null), sync()),
      () => ((queued = null), sync()),
    );
    return queued;
  };
  return sync;
}

type GroupedWork = { work: (sql: Sql) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Group = { queue: GroupedWork[]; scheduled: boolean };
const group: Group = { queue: [], scheduled: false };
const maxGroup = 200;

/**
 * Group commit: writes that arrive together share one write transaction (one WAL fsync) while each runs in
 * its own SAVEPOINT, so one refused or failing piece of work rolls back only its own writes (and its own
 * queued e-mail). The caller's promise resolves only after the COMMIT is on disk. Work queued before the
 * event loop's next turn goes into the same transaction; while one transaction's fsync runs, the next
 * collects what arrives meanwhile.
 */
export function groupedWrite<T>(work: (sql: Sql) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    group.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (group.queue.length >= maxGroup) setImmediate(flushGroup);
    else if (!group.scheduled) {
      group.scheduled = true;
      setImmediate(flushGroup);
    }
  });
}

async function flushGroup() {
  const batch = group.queue.splice(0, maxGroup);
  if (batch.length === 0) return;
  group.scheduled = group.queue.length > 0;
  if (group.scheduled) setImmediate(flushGroup);
  try {
    const outcomes = await writeTransaction((sql) =>
      inSavepoints(
        sql,
        batch.map((item) => item.work),
      ),
    );
    outcomes.forEach((outcome, index) => (outcome.ok ? batch[index].resolve(outcome.value) : batch[index].reject(outcome.error)));
  } catch (error) {
    for (const item of batch) item.reject(error);
  }
}

/** A clear 503 (app/server/http.ts adds Retry-After) instead of a 500, so clients retry the same request. */
export function busyError(): DomainError {
  return new DomainError("busy", "busy", "error.busy");
}

/**
 * SQLite's automatic WAL checkpoint, per connection: on (1,000 pages) unless the checkpointer thread runs
 * (wal-checkpointer.server.ts). Connections opened elsewhere (the check-in writer thread) follow it.
 */
export const defaultAutoCheckpointPages = 1000;
type AutoCheckpoint = { pages: number; listeners: Set<(pages: number) => void> };
const autoCheckpoint = ((globalThis as unknown as { __walAutoCheckpoint?: AutoCheckpoint }).__walAutoCheckpoint ??= {
  pages: defaultAutoCheckpointPages,
  listeners: new Set(),
});

export async function setWalAutoCheckpoint(pages: number): Promise<void> {
  autoCheckpoint.pages = pages;
  (await db()).sqlite.pragma(`wal_autocheckpoint = ${pages}`);
  for (const listener of autoCheckpoint.listeners) listener(pages);
}

export function walAutoCheckpointPages(): number {
  return autoCheckpoint.pages;
}

/** Calls `listener` on every change; returns the unsubscribe function. */
export function onWalAutoCheckpoint(listener: (pages: number) => void): () => void {
  autoCheckpoint.listeners.add(listener);
  return () => autoCheckpoint.listeners.delete(listener);
}

/** Read helper on the shared connection for hot paths that need raw SQL. */
export async function rawSql(): Promise<Sql> {
  return sqlFor((await db()).sqlite);
}
