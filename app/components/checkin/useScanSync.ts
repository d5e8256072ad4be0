import { useCallback, useEffect, useRef, useState } from "react";
import type { Direction, ScanAnswer } from "~/schemas/checkin";
import { normalizeTicketCode } from "~/utils/ticket-code";
import { fetchTicketIndex, sendBatch, sendScan } from "./api";
import type { Connection } from "./useConnection";
import { decideLocally, dropFromQueue, enqueue, loadIndex, loadQueue, newNonce, rememberEntry, saveIndex, type IndexList, type LocalDecision } from "./offline";

const refreshEveryMs = 60_000;
// Well under the batch endpoint's 500 scans per request, yet few requests for a long offline spell.
const uploadChunk = 200;

export type ScanTarget = { code: string; registrationId?: never } | { registrationId: string; code?: never };
export type ScanOutcome =
  | { kind: "answered"; answer: ScanAnswer }
  | { kind: "refused"; status: number; message: string }
  /** Offline, a search hit cannot be checked in: the index knows tickets by code only. */
  | { kind: "needsNetwork" }
  | { kind: "queued"; local: LocalDecision; category?: { name: string; nameEn: string } };
export type IndexInfo = { generatedAt: string; count: number };

/**
 * Scans go to the server while it answers, otherwise they are decided from the local ticket index and
 * queued. Whenever the connection is back (and every minute) the queue is uploaded, then the index is
 * refreshed.
 */
export function useScanSync({ slug, deviceName, connection }: { slug: string; deviceName: string; connection: Connection }) {
  const { online, isOnline, goOffline } = connection;
  const [queueCount, setQueueCount] = useState(() => loadQueue(slug).length);
  const [syncing, setSyncing] = useState(false);
  const [index, setIndex] = useState<IndexInfo | null>(() => {
    const stored = loadIndex(slug);
    return stored ? { generatedAt: stored.generatedAt, count: stored.tickets.length } : null;
  });
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (flushing.current || !isOnline()) return;
    flushing.current = true;
    setSyncing(true);
    try {
      for (;;) {
        const chunk = loadQueue(slug).slice(0, uploadChunk);
        if (chunk.length === 0) break;
        const response = await sendBatch({ event: slug, deviceId: deviceName, scans: chunk });
        if (!response.ok) {
          if (response.status >= 500) goOffline();
          break;
        }
        dropFromQueue(slug, new Set(chunk.map((scan) => scan.nonce)));
        setQueueCount(loadQueue(slug).length);
      }
    } catch {
      goOffline();
    } finally {
      flushing.current = false;
      setSyncing(false);
      setQueueCount(loadQueue(slug).length);
    }
  }, [goOffline, isOnline, deviceName, slug]);

  const refreshIndex = useCallback(async () => {
    // A fresh index would forget this device's offline admissions until they are uploaded.
    if (!isOnline() || loadQueue(slug).length > 0) return;
    try {
      const fresh = await fetchTicketIndex(slug);
      if (!fresh) return;
      saveIndex(slug, fresh);
      setIndex({ generatedAt: fresh.generatedAt, count: fresh.tickets.length });
    } catch {
      // The next refresh tries again; scanning goes on.
    }
  }, [isOnline, slug]);

  useEffect(() => {
    if (!online) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the upload is the external system this effect syncs with; its `syncing` flag has to go up as it starts
    void flush().then(refreshIndex);
    const timer = setInterval(() => {
      void flush().then(refreshIndex);
    }, refreshEveryMs);
    return () => clearInterval(timer);
  }, [online, flush, refreshIndex]);

  const submit = async (scanned: ScanTarget, list: IndexList, direction: Direction): Promise<ScanOutcome> => {
    // The same code with or without the spaces of its printed groups: the offline index knows it without.
    const target: ScanTarget = scanned.code ? { code: normalizeTicketCode(scanned.code) } : scanned;
    const nonce = newNonce();
    const scannedAt = new Date().toISOString();
    if (isOnline()) {
      try {
        const reply = await sendScan({ ...target, list: list.id, direction, nonce, scannedAt, deviceId: deviceName });
        if (!reply.ok) return { kind: "refused", status: reply.status, message: reply.message };
        const { answer } = reply;
        if ((answer.result === "ok" || answer.result === "already_checked_in") && answer.direction === "entry" && target.code) rememberEntry(slug, target.code, list.id);
        return { kind: "answered", answer };
      } catch {
        goOffline();
      }
    }
    if (!target.code) return { kind: "needsNetwork" };
    const local = decideLocally(slug, target.code, list, direction);
    enqueue(slug, { code: target.code, nonce, scannedAt, direction, list: list.id });
    setQueueCount(loadQueue(slug).length);
    const category = local.ticket?.c ? loadIndex(slug)?.categories.find((candidate) => candidate.id === local.ticket!.c) : undefined;
    return { kind: "queued", local, category };
  };

  return { queueCount, syncing, index, submit };
}
