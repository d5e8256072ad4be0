import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { busyError, onWalAutoCheckpoint, walAutoCheckpointPages, writeTransaction } from "~/models/store/connection.server";
import { databasePath, env } from "~/utils/env.server";
import { decideScansIn, type ScanInput, type ScanOutcome } from "./checkin-decision.server";

/**
 * Check-in writes run on a thread of their own (DESIGN.md §6: a clear answer at the door in well under
 * 50 ms). On the server's thread, a commit's write() and fsync can stall for 20–40 ms when the disk is
 * busy, and every request waits behind it. Here a worker thread with its own SQLite connection decides
 * the scans (the same `decideScan`, in one IMMEDIATE transaction per group, synchronous=FULL) while the
 * event loop keeps serving; an answer is sent only after its commit is on disk. SQLite's write lock
 * serialises this connection with the server's, so the guarded updates stay exactly-once.
 *
 * Should the thread fail to start (no tsx loader, say), scans are decided on the server's connection as
 * before; should it die later, the scans in flight answer 503 (the scanner retries with the same nonce,
 * which replays the stored answer) and the next scan starts a new thread.
 */
export type WriterRequest = { id: number; inputs: ScanInput[] };
type ItemResult = { ok: true; value: ScanOutcome } | { ok: false; error: string };
export type WriterReply = { id: number; outcomes: ItemResult[] } | { id: number; failure: "busy" | string };

type Pending = { resolve: (outcomes: ScanOutcome[]) => void; reject: (error: unknown) => void; sentAt: number };
type Writer = { worker: Worker; pending: Map<number, Pending>; nextId: number; ready: boolean; stopping: boolean; answerWithinMs: number };
// On globalThis: the server and the Remix build each load their own copy of this module (as db.server.ts).
const state = globalThis as unknown as { __checkInWriter?: Writer | null; __checkInWriterUnavailable?: boolean };
// Failures cross over as Symbol.for markers, not errors, for the same reason: the thread one copy started
// answers scans the other copy sent, and each copy's HttpError is its own class.
const writerUnavailable = Symbol.for("checkInWriter.unavailable");
const writerBusy = Symbol.for("checkInWriter.busy");

/** Decides the scans in one transaction on the writer thread; resolves after the commit is on disk. */
export async function decideScans(inputs: ScanInput[]): Promise<ScanOutcome[]> {
  if (state.__checkInWriterUnavailable) return decideOnServerThread(inputs);
  const writer = (state.__checkInWriter ??= startWriter(defaultEntry(), defaultAnswerWithinMs));
  const id = writer.nextId++;
  return new Promise<ScanOutcome[]>((resolve, reject) => {
    if (writer.pending.size === 0) writer.worker.ref();
    writer.pending.set(id, { resolve, reject, sentAt: Date.now() });
    writer.worker.postMessage({ id, inputs } satisfies WriterRequest);
  }).catch((error) => {
    if (error === writerUnavailable) return decideOnServerThread(inputs);
    throw error === writerBusy ? busyError() : error;
  });
}

/**
 * Starts the writer thread now (the server does this at start-up, so the first scan does not wait for it).
 * Only tests change `entry` (the thread's module) and `answerWithinMs`.
 */
export function startCheckInWriter({ entry = defaultEntry(), answerWithinMs = defaultAnswerWithinMs }: { entry?: string; answerWithinMs?: number } = {}): () => Promise<void> {
  if (!state.__checkInWriterUnavailable) state.__checkInWriter ??= startWriter(entry, answerWithinMs);
  return stopCheckInWriter;
}

/** The writer thread's id once it is ready to decide scans (tests and diagnostics). */
export function checkInWriterThreadId(): number | null {
  const writer = state.__checkInWriter;
  return writer?.ready ? writer.worker.threadId : null;
}

export async function stopCheckInWriter(): Promise<void> {
  const writer = state.__checkInWriter;
  if (!writer) return;
  state.__checkInWriter = null;
  writer.stopping = true;
  const exited = new Promise((resolve) => writer.worker.once("exit", resolve));
  writer.worker.postMessage("stop");
  await exited;
}

async function decideOnServerThread(inputs: ScanInput[]): Promise<ScanOutcome[]> {
  const results = await writeTransaction((sql) => decideScansIn(sql, inputs, new Date()));
  return results.map((result) => {
    if (!result.ok) throw result.error;
    return result.value;
  });
}

// Paths are from the app's root, the working directory, as for the server build (app/cli/build.ts).
const defaultEntry = () => join(process.cwd(), "app", "models", "checkin-writer.worker.ts");

const defaultAnswerWithinMs = 15_000;

// Synchronous, so two scans arriving together cannot start two threads.
function startWriter(entry: string, answerWithinMs: number): Writer {
  // The thread's module is TypeScript, loaded through tsx's API (Node 20 workers ignore an --import loader
  // for their entry file).
  const url = JSON.stringify(pathToFileURL(entry).href);
  const worker = new Worker(`import("tsx/esm/api").then(({ tsImport }) => tsImport(${url}, ${url}))`, {
    eval: true,
    workerData: { file: databasePath(env().DATABASE_URL), autoCheckpointPages: walAutoCheckpointPages() },
  });
  worker.unref();
  const writer: Writer = { worker, pending: new Map(), nextId: 1, ready: false, stopping: false, answerWithinMs };
  const unsubscribe = onWalAutoCheckpoint((pages) => worker.postMessage({ autoCheckpointPages: pages }));
  // A thread that does not answer in time is stuck (its own wait for a lock gives up after 5 s): it is
  // replaced, and its scans answer 503 so the scanners send them again, with the same nonces. One watchdog
  // per thread, not a timer per scan: the pending map is in sending order, so its first entry is the oldest.
  const watchdog = setInterval(
    () => {
      const oldest = writer.pending.values().next().value;
      if (!oldest || Date.now() - oldest.sentAt <= answerWithinMs) return;
      console.error(`Check-in writer thread did not answer within ${answerWithinMs} ms; replacing it.`);
      void worker.terminate();
    },
    Math.min(1000, answerWithinMs),
  ).unref();
  const settle = (id: number, settle: (pending: Pending) => void) => {
    const pending = writer.pending.get(id);
    if (!pending) return;
    writer.pending.delete(id);
    if (writer.pending.size === 0) worker.unref();
    settle(pending);
  };
  worker.on("message", (reply: WriterReply | "ready") => {
    if (reply === "ready") {
      writer.ready = true;
      return;
    }
    if ("failure" in reply) {
      return settle(reply.id, ({ reject }) => reject(reply.failure === "busy" ? writerBusy : new Error(`Check-in writer: ${reply.failure}`)));
    }
    settle(reply.id, ({ resolve, reject }) => {
      const failed = reply.outcomes.find((outcome) => !outcome.ok);
      if (failed && !failed.ok) reject(new Error(`Check-in writer: ${failed.error}`));
      else resolve(reply.outcomes.map((outcome) => (outcome as { value: ScanOutcome }).value));
    });
  });
  worker.on("error", (error) => console.error("Check-in writer thread:", error));
  worker.on("exit", () => {
    clearInterval(watchdog);
    unsubscribe();
    if (state.__checkInWriter === writer) state.__checkInWriter = null;
    if (!writer.ready && !writer.stopping) {
      state.__checkInWriterUnavailable = true;
      console.error("Check-in writer thread did not start; deciding scans on the server thread.");
    }
    const failure = writer.ready ? writerBusy : writerUnavailable;
    for (const id of [...writer.pending.keys()]) settle(id, ({ reject }) => reject(failure));
  });
  return writer;
}
