import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { rawSql } from "~/models/store/connection.server";

/** Row count and content hash of every table (the migrations bookkeeping aside). */
async function snapshot(): Promise<Record<string, { rows: number; hash: string }>> {
  const sql = await rawSql();
  const tables = sql.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name").map((table) => table.name);
  const result: Record<string, { rows: number; hash: string }> = {};
  for (const table of tables) {
    const rows = sql.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY rowid`);
    const hash = createHash("sha256")
      .update(JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value)))
      .digest("hex");
    result[table] = { rows: rows.length, hash };
  }
  return result;
}

describe("demo seed", () => {
  const now = new Date();
  let first: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    await seedDemo(now);
    first = await snapshot();
  });

  it("fills the demo of DESIGN.md §8", () => {
    expect(first.Event.rows).toBeGreaterThanOrEqual(5);
    expect(first.Firm.rows).toBeGreaterThanOrEqual(11);
    expect(first.User.rows).toBeGreaterThanOrEqual(5);
    expect(first.RoleAssignment.rows).toBeGreaterThanOrEqual(5);
    expect(Object.keys(first)).toContain("AuditLog");
  });

  it("changes nothing when run a second time: same row counts and same content in every table", async () => {
    await seedDemo(now);
    expect(await snapshot()).toEqual(first);
  });

  it("changes nothing when run again on a later day either", async () => {
    await seedDemo(new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000));
    expect(await snapshot()).toEqual(first);
  });
});
