import { closeSync, openSync, readSync, statSync } from "node:fs";
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

/** The WAL header's checkpoint sequence number: it moves on each time a commit starts the log from the top. */
function checkpointSequence(walFile: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(walFile, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

describe("WAL checkpoints off the event loop", () => {
  it("keeps the WAL bounded while commits keep arriving, loses nothing, and hands checkpoints back on stop", async () => {
    const { sqlite } = await db();
    const walFile = `${databasePath(process.env.DATABASE_URL!)}-wal`;
    sqlite.exec("CREATE TABLE IF NOT EXISTS wal_probe (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
    const stop = await startWalCheckpointer({ intervalMs: 10, restartFrames: 64 });
    expect(Number(sqlite.pragma("wal_autocheckpoint", { simple: true }))).toBe(0);
    let commits = 0;
    let largestWal = 0;
    let restarts = 0;
    const commit = async () => {
      await writeTransaction((sql) => sql.run("INSERT INTO wal_probe (payload) VALUES (randomblob(?))", page));
      commits++;
      largestWal = Math.max(largestWal, statSync(walFile).size);
    };
    // Bursts of 20 commits, each followed by commits at a slower pace until the log has been started from the
    // top again: the checkpointer's own progress paces the test, not a guess at how fast a loaded machine runs
    // it. Every commit writes at least one whole page; without any checkpoint the WAL would pass 3 MB.
    while (commits < 800) {
      const before = checkpointSequence(walFile);
      for (let i = 0; i < 20; i++) await commit();
      const deadline = Date.now() + 10_000;
      while (checkpointSequence(walFile) === before) {
        expect(Date.now(), "the checkpointer never started the WAL from the top again").toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 10));
        await commit();
      }
      restarts++;
    }
    await stop();
    expect(restarts).toBeGreaterThanOrEqual(10);
    expect(largestWal).toBeLessThan((commits * page) / 3);
    expect(Number((sqlite.prepare("SELECT COUNT(*) AS n FROM wal_probe").get() as { n: bigint }).n)).toBe(commits);
    expect(Number(sqlite.pragma("wal_autocheckpoint", { simple: true }))).toBe(1000);
  });
});
