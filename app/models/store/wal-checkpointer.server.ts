import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { defaultAutoCheckpointPages, setWalAutoCheckpoint } from "./connection.server";
import { databasePath, env } from "~/utils/env.server";

/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit pushes the
 * WAL past 1,000 pages: that commit copies the pages into the database file and fsyncs it (synchronous=FULL),
 * blocking every request behind it for several milliseconds, a few times a second under a check-in rush
 * (the check-in p99 went from ~34 to ~45 ms with it). Here the server's connection stops checkpointing and a
 * worker thread with its own connection runs a PASSIVE checkpoint every `intervalMs`; a passive checkpoint
 * never waits for the write lock, so requests never wait for it either.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const sqlite = new Database(workerData.file);
sqlite.pragma("busy_timeout = 1000");
sqlite.pragma("journal_size_limit = " + workerData.restartFrames * 4096);
sqlite.pragma("synchronous = FULL");
sqlite.pragma("secure_delete = ON");
const checkpoint = () => {
  try {
    const [{ log }] = sqlite.pragma("wal_checkpoint(PASSIVE)");
    // Passive checkpoints never rewind the WAL while commits keep arriving; past the limit one RESTART
    // waits for a gap between commits, copies the last frames and lets the next commit start from the top.
    // It holds the write lock while it runs, so a second passive pass first shrinks what is left to copy.
    if (log > workerData.restartFrames) {
      sqlite.pragma("wal_checkpoint(PASSIVE)");
      sqlite.pragma("wal_checkpoint(RESTART)");
    }
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  sqlite.close();
  parentPort.close();
});
`;

export async function startWalCheckpointer({ intervalMs = 100, restartFrames = 8192 }: { intervalMs?: number; restartFrames?: number } = {}): Promise<() => Promise<void>> {
  await setWalAutoCheckpoint(0);
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(workerSource, { eval: true, workerData: { driver, file: databasePath(env().DATABASE_URL), intervalMs, restartFrames } });
  worker.unref();
  let running = true;
  // Should the worker die, the connection checkpoints by itself again: slower commits, never an endless WAL.
  const fallBack = () => {
    if (running) void setWalAutoCheckpoint(defaultAutoCheckpointPages);
    running = false;
  };
  worker.on("message", (message: { error?: string }) => message.error && console.error("WAL checkpoint:", message.error));
  worker.on("error", (error) => {
    console.error("WAL checkpointer stopped:", error);
    fallBack();
  });
  worker.on("exit", fallBack);
  return async () => {
    if (!running) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("stop");
    await exited;
  };
}
