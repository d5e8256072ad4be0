import { kysely, prepare } from "./query.server";

/**
 * Reads of the database's own bookkeeping, for the readiness probe and for deciding whether migrations are
 * pending. Prisma keeps `_prisma_migrations` outside schema.prisma, so its columns are declared here.
 */
const bookkeeping = kysely.withTables<{
  _prisma_migrations: { migration_name: string; finished_at: string | null; rolled_back_at: string | null };
  sqlite_master: { type: string; name: string };
}>();

/** Answers once the database is open and migrated; throws while it is not. */
export const migrationCount = prepare((_args: Record<string, never>) => bookkeeping.selectFrom("_prisma_migrations").select((eb) => eb.fn.countAll<number>().as("n")));

export const migrationTable = prepare((_args: Record<string, never>) => bookkeeping.selectFrom("sqlite_master").select("name").where("type", "=", "table").where("name", "=", "_prisma_migrations"));

/** Migrations that finished and were not rolled back. */
export const appliedMigrations = prepare((_args: Record<string, never>) =>
  bookkeeping.selectFrom("_prisma_migrations").select("migration_name").where("finished_at", "is not", null).where("rolled_back_at", "is", null),
);
