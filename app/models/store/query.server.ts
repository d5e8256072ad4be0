import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type InferResult } from "kysely";
// Relative imports: the check-in writer thread loads the stores without the app's path aliases.
import type { DB } from "../../generated/kysely/database";
import type { Sql } from "./statements.server";

/**
 * Typed SQL (docs/decisions/0006-typed-stores.md): queries are built with Kysely over the row types that
 * `prisma generate` writes from schema.prisma, so renaming a column breaks `tsc`, and run synchronously on
 * better-sqlite3 through `Sql` (inside `writeTransaction`, the check-in writer or a plain read). This Kysely
 * never connects: it only compiles.
 */
export const kysely = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- InferResult requires a Compilable of any row
type Row<Q> = Q extends Compilable<any> ? (InferResult<Q> extends (infer R)[] ? R : never) : never;

/** A statement compiled once, run many times with only its argument values changed. */
export type Prepared<A, R> = {
  readonly text: string;
  get(sql: Sql, args: A): R | undefined;
  all(sql: Sql, args: A): R[];
  run(sql: Sql, args: A): { changes: number };
};

const marker = "\u0000arg:";

/**
 * Compiles `build` once, with placeholders for its arguments, for the hot paths (a scan, a registration):
 * compiling a Kysely query costs more than running the SQLite statement it becomes. `build` must use each
 * argument only as a value in the query (never branch on it in JavaScript, never pass a list); a statement
 * whose shape depends on its input is built per call with `compiled` instead.
 */
export function prepare<A extends Record<string, unknown>, Q extends Compilable<unknown>>(build: (args: A) => Q): Prepared<A, Row<Q>> {
  // Spreading the arguments (`values(args)`) would compile to a statement without them: name each one.
  const refuseWhole = () => {
    throw new Error("prepare: use each argument by name (args.x), not the arguments object as a whole");
  };
  const placeholders = new Proxy({} as A, { get: (_target, key) => (typeof key === "symbol" ? undefined : `${marker}${key}`), ownKeys: refuseWhole, has: refuseWhole });
  const { sql: text, parameters } = build(placeholders).compile();
  const slots = parameters.map((value) => (typeof value === "string" && value.startsWith(marker) ? { arg: value.slice(marker.length) } : { value }));
  const values = (args: A) => slots.map((slot) => ("arg" in slot ? toSqlite(args[slot.arg as keyof A]) : slot.value));
  return {
    text,
    get: (sql, args) => sql.get<Row<Q>>(text, ...values(args)),
    all: (sql, args) => sql.all<Row<Q>>(text, ...values(args)),
    run: (sql, args) => sql.run(text, ...values(args)),
  };
}

/** Runs a query whose shape depends on its input (a set of changed columns, an optional filter). */
export function compiled<Q extends Compilable<unknown>>(query: Q) {
  const { sql: text, parameters } = query.compile();
  const values = parameters.map(toSqlite);
  return {
    get: (sql: Sql) => sql.get<Row<Q>>(text, ...values),
    all: (sql: Sql) => sql.all<Row<Q>>(text, ...values),
    run: (sql: Sql) => sql.run(text, ...values),
  };
}

// better-sqlite3 binds neither booleans nor Dates; SQLite stores them as 0/1 and as Prisma's ISO text.
function toSqlite(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value;
}
