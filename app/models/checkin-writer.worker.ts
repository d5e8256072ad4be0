import { parentPort, workerData } from "node:worker_threads";
// Relative imports: this thread runs under tsx without the app's path aliases or Prisma.
import { isBusy } from "./store/statements.server";
import { openWriterConnection, setAutoCheckpoint } from "./store/checkin-store.server";
import { decideScansIn } from "./checkin-decision.server";
import type { WriterReply, WriterRequest } from "./checkin-writer.server";

/**
 * The check-in writer thread (see checkin-writer.server.ts): its own connection, one IMMEDIATE
 * transaction with synchronous=FULL per group of requests that arrived together, each scan in its own
 * savepoint. Its commits and fsyncs block this thread only, never the server's event loop.
 */
const { file, autoCheckpointPages } = workerData as { file: string; autoCheckpointPages: number };
const port = parentPort!;
const { sqlite, sql } = openWriterConnection(file, autoCheckpointPages);

const queue: WriterRequest[] = [];
let scheduled = false;

const describe = (error: unknown) => String((error as { message?: unknown })?.message ?? error);

function flush() {
  scheduled = false;
  const batch = queue.splice(0);
  if (batch.length === 0) return;
  let replies: WriterReply[];
  try {
    const now = new Date();
    const results = sqlite.transaction(() => batch.map((request) => decideScansIn(sql, request.inputs, now))).immediate();
    replies = batch.map((request, index) => ({
      id: request.id,
      outcomes: results[index].map((result) => (result.ok ? { ok: true as const, value: result.value } : { ok: false as const, error: describe(result.error) })),
    }));
  } catch (error) {
    replies = batch.map((request) => ({ id: request.id, failure: isBusy(error) ? ("busy" as const) : describe(error) }));
  }
  for (const reply of replies) port.postMessage(reply);
}

port.on("message", (message: WriterRequest | { autoCheckpointPages: number } | "stop") => {
  if (message === "stop") {
    flush();
    sqlite.close();
    port.close();
    return;
  }
  if ("autoCheckpointPages" in message) {
    setAutoCheckpoint(sqlite, message.autoCheckpointPages);
    return;
  }
  queue.push(message);
  // Requests that arrive while a commit is running are waiting in the port: they all land before this runs.
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
port.postMessage("ready");
