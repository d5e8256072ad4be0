import Database from "better-sqlite3";
import { describe, expect, expectTypeOf, it } from "vitest";
import { compiled, kysely, prepare } from "~/models/store/query.server";
import { sqlFor } from "~/models/store/statements.server";

function database() {
  const sqlite = new Database(":memory:");
  sqlite.exec(`CREATE TABLE TicketCategory (id TEXT PRIMARY KEY, eventId TEXT, code TEXT, inviteOnly INTEGER, capacity INTEGER, confirmedCount INTEGER)`);
  return sqlFor(sqlite);
}

describe("typed statements", () => {
  it("binds each argument by name wherever it appears, and constants stay constants", () => {
    const sql = database();
    const insert = prepare((args: { id: string; eventId: string; inviteOnly: boolean }) =>
      kysely.insertInto("TicketCategory").values({ id: args.id, eventId: args.eventId, code: "std", inviteOnly: args.inviteOnly as unknown as number, capacity: 2, confirmedCount: 0 } as never),
    );
    insert.run(sql, { id: "c1", eventId: "e1", inviteOnly: true });
    insert.run(sql, { id: "c2", eventId: "e1", inviteOnly: false });
    const take = prepare((args: { id: string }) =>
      kysely
        .updateTable("TicketCategory")
        .set((eb) => ({ confirmedCount: eb("confirmedCount", "+", 1) }))
        .where("id", "=", args.id)
        .where((eb) => eb.or([eb("capacity", "is", null), eb("confirmedCount", "<", eb.ref("capacity"))])),
    );
    expect([1, 2, 3].map(() => take.run(sql, { id: "c1" }).changes)).toEqual([1, 1, 0]);
    const byEvent = prepare((args: { eventId: string }) => kysely.selectFrom("TicketCategory").select(["id", "inviteOnly", "confirmedCount"]).where("eventId", "=", args.eventId).orderBy("id"));
    const rows = byEvent.all(sql, { eventId: "e1" });
    expectTypeOf(rows[0]).toEqualTypeOf<{ id: string; inviteOnly: number; confirmedCount: number }>();
    expect(rows).toEqual([
      { id: "c1", inviteOnly: 1, confirmedCount: 2 },
      { id: "c2", inviteOnly: 0, confirmedCount: 0 },
    ]);
  });

  it("refuses, when the module loads, a statement built from the arguments object as a whole", () => {
    expect(() => prepare((args: { id: string; code: string }) => kysely.insertInto("TicketCategory").values({ ...args } as never))).toThrow(/by name/);
  });

  it("runs a statement whose shape depends on its input, with Dates stored as Prisma stores them", () => {
    const sql = database();
    sql.run(`ALTER TABLE TicketCategory ADD COLUMN note TEXT`);
    sql.run(`INSERT INTO TicketCategory (id, eventId, code, inviteOnly, capacity, confirmedCount) VALUES ('c1', 'e1', 'std', 0, NULL, 0)`);
    const at = new Date("2026-12-01T08:00:00Z");
    compiled(
      kysely
        .updateTable("TicketCategory")
        .set({ code: "vip", note: at } as never)
        .where("id", "=", "c1"),
    ).run(sql);
    expect(compiled(kysely.selectFrom("TicketCategory").selectAll().where("id", "=", "c1")).get(sql)).toMatchObject({ code: "vip", note: "2026-12-01T08:00:00.000+00:00" });
  });
});
