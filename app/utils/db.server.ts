import { mkdirSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database, Statement } from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { HttpError } from "./http.server";
import { dataDirectory, databasePath, env } from "./env.server";

/**
 * One SQLite connection serves both Prisma and the hot write paths.
 *
 * Prisma is used for reads and single-statement writes. Multi-statement writes that must be atomic
 * (registration, check-in, outbox) go through `writeTransaction`, a synchronous better-sqlite3 transaction
 * on the same connection: it cannot interleave with other JavaScript, so a guarded
 * `UPDATE … WHERE confirmed < capacity` is race-free, and there is no second connection to deadlock with
 * (a second connection's busy-wait would block the event loop while Prisma holds the write lock).
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
    query: { $allModels: Object.fromEntries(writes.map((operation) => [operation, mapBusy])), $executeRaw: mapBusy, $executeRawUnsafe: mapBusy } as never,
  }) as unknown as PrismaClient;
  return { prisma: mapped, sqlite: captured };
}

export function db(): Promise<Handle> {
  globalForDb.__db ??= open();
  return globalForDb.__db;
}

export async function prisma(): Promise<PrismaClient> {
  return (await db()).prisma;
}

const statements = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement that returns plain numbers (the adapter turns on BigInt for the connection). */
export function statement(sqlite: Database, sql: string): Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = sqlite.prepare(sql);
    if (prepared.reader) prepared.safeIntegers(false);
    cache.set(sql, prepared);
  }
  return prepared;
}

export type Sql = {
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  all<T>(sql: string, ...params: unknown[]): T[];
  run(sql: string, ...params: unknown[]): { changes: number };
};

function sqlFor(sqlite: Database): Sql {
  return {
    get: <T,>(sql: string, ...params: unknown[]) => statement(sqlite, sql).get(...params) as T | undefined,
    all: <T,>(sql: string, ...params: unknown[]) => statement(sqlite, sql).all(...params) as T[],
    run: (sql: string, ...params: unknown[]) => ({ changes: Number(statement(sqlite, sql).run(...params).changes) }),
  };
}

/**
 * Runs `work` as one atomic, synchronous IMMEDIATE transaction. Waits first for any Prisma transaction
 * on the shared connection to finish, so the two never mix. Dates must be passed as ISO strings or
 * epoch milliseconds matching how Prisma stores them (see `sqlDate`).
 */
export async function writeTransaction<T>(work: (sql: Sql) => T): Promise<T> {
  const { sqlite } = await db();
  while (sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
  try {
    return sqlite.transaction(() => work(sqlFor(sqlite))).immediate();
  } catch (error) {
    throw isBusy(error) ? busyError() : error;
  }
}

/** SQLITE_BUSY/LOCKED: another connection held the write lock for longer than busy_timeout. Nothing was written. */
export function isBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = String((error as { message?: unknown })?.message ?? "");
  // Prisma reports a busy timeout through the driver adapter as P1008 "Operation has timed out".
  return /^SQLITE_(BUSY|LOCKED)/.test(code) || code === "P1008" || /database is locked|SQLITE_BUSY|SocketTimeout/.test(message);
}

/** A clear 503 (app/server/http.ts adds Retry-After) instead of a 500, so clients retry the same request. */
export function busyError(): HttpError {
  return new HttpError(503, "busy", "error.busy");
}

/** Read helper on the shared connection for hot paths that need raw SQL. */
export async function rawSql(): Promise<Sql> {
  return sqlFor((await db()).sqlite);
}

/** Prisma's SQLite adapter stores DateTime as ISO-8601 text; raw SQL must write the same. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
