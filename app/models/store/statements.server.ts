import type { Database, Statement } from "better-sqlite3";

/**
 * Raw SQL on a better-sqlite3 connection, for the hot write paths and the check-in writer thread. Nothing
 * here loads Prisma, so a worker thread can use it with its own connection.
 */
export type Sql = {
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  all<T>(sql: string, ...params: unknown[]): T[];
  run(sql: string, ...params: unknown[]): { changes: number };
};

const statements = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement that returns plain numbers (the Prisma adapter turns on BigInt for its connection). */
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

export function sqlFor(sqlite: Database): Sql {
  return {
    get: <T>(sql: string, ...params: unknown[]) => statement(sqlite, sql).get(...params) as T | undefined,
    all: <T>(sql: string, ...params: unknown[]) => statement(sqlite, sql).all(...params) as T[],
    run: (sql: string, ...params: unknown[]) => ({ changes: Number(statement(sqlite, sql).run(...params).changes) }),
  };
}

export type SavepointOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs each piece of work in its own SAVEPOINT inside the caller's transaction (group commit): one that
 * throws rolls back only its own writes, the others stay and commit together.
 */
export function inSavepoints<T>(sql: Sql, works: ((sql: Sql) => T)[]): SavepointOutcome<T>[] {
  return works.map((work) => {
    sql.run("SAVEPOINT grouped_write");
    try {
      const value = work(sql);
      sql.run("RELEASE grouped_write");
      return { ok: true as const, value };
    } catch (error) {
      sql.run("ROLLBACK TO grouped_write");
      sql.run("RELEASE grouped_write");
      return { ok: false as const, error };
    }
  });
}

/** SQLITE_BUSY/LOCKED: another connection held the write lock for longer than busy_timeout. Nothing was written. */
export function isBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = String((error as { message?: unknown })?.message ?? "");
  // Prisma reports a busy timeout through the driver adapter as P1008 "Operation has timed out".
  return /^SQLITE_(BUSY|LOCKED)/.test(code) || code === "P1008" || /database is locked|SQLITE_BUSY|SocketTimeout/.test(message);
}

/** Prisma's SQLite adapter stores DateTime as ISO-8601 text; raw SQL must write the same. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
