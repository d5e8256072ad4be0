import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { databasePath } from "~/utils/env.server";
import { db, writeTransaction } from "~/models/store/connection.server";
import { startWalCheckpointer } from "~/models/store/wal-checkpointer.server";

/**
 * The server's connection leaves WAL checkpoints to a worker thread (so no request waits for one). The WAL
 * must still stay bounded under a steady stream of commits, and the connection must checkpoint by itself
 * again once the worker is gone.
 */
const page = 4096;

describe("WAL checkpoints off the event loop", () => {
  it("keeps the WAL bounded while commits keep arriving, loses nothing, and hands checkpoints back on stop", async () => {
    const { sqlite } = await db();
    sqlite.exec("CREATE TABLE IF NOT EXISTS wal_probe (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
    const stop = await startWalCheckpointer({ intervalMs: 10, restartFrames: 64 });
    expect(Number(sqlite.pragma("wal_autocheckpoint", { simple: true }))).toBe(0);
    const commits = 800;
    let largestWal = 0;
    // Every commit writes at least one whole page; without any checkpoint the WAL would reach > 3 MB.
    for (let i = 0; i < commits; i++) {
      await writeTransaction((sql) => sql.run("INSERT INTO wal_probe (payload) VALUES (randomblob(?))", page));
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      largestWal = Math.max(largestWal, statSync(`${databasePath(process.env.DATABASE_URL!)}-wal`).size);
    }
    await stop();
    expect(largestWal).toBeLessThan((commits * page) / 3);
    expect(Number((sqlite.prepare("SELECT COUNT(*) AS n FROM wal_probe").get() as { n: bigint }).n)).toBe(commits);
    expect(Number(sqlite.pragma("wal_autocheckpoint", { simple: true }))).toBe(1000);
  });
});
