import { mkdirSync, rmSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A directory lock (mkdir is atomic), so concurrent test runs do not build the app at the same time. */
export async function withLock<T>(path: string, work: () => T | Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(path, { recursive: false });
      break;
    } catch {
      // A lock older than five minutes was left by a killed run.
      try {
        if (Date.now() - statSync(path).mtimeMs > 5 * 60_000) rmSync(path, { recursive: true, force: true });
      } catch {
        // The holder released it between our mkdir and stat: try again.
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
