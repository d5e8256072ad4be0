import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type ShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connectToShadowDb"]>>;

/**
 * `migrate dev` replays every migration file on a shadow database as one raw statement, which
 * better-sqlite3's `prepare` refuses ("more than one statement"): without this, it fails with P3006.
 * Scripts without parameters go through `exec` instead, as `migrate deploy` already does.
 */
class MigrationAdapterFactory extends PrismaBetterSQLite3 {
  override async connectToShadowDb(): Promise<ShadowAdapter> {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0 || !/;\s*\S/.test(query.sql)) return executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new MigrationAdapterFactory({ url: process.env.DATABASE_URL ?? "file:./data/app.db" });
  },
});
