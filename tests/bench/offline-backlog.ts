import { randomUUID } from "node:crypto";

/**
 * DESIGN.md §6: 2,400 queued scans from 10 devices reconciled in < 30 s. Each device uploads its queue
 * the way the scanner does (POST /api/v1/checkin/batch, 200 scans per request), all devices at once.
 */
export async function benchOfflineBacklog({
  baseUrl,
  token,
  codes,
  devices = 10,
  perDevice = 240,
  chunk = 200,
}: {
  baseUrl: string;
  token: string;
  codes: string[];
  devices?: number;
  perDevice?: number;
  chunk?: number;
}) {
  const started = performance.now();
  const base = Date.now() - 30 * 60_000;
  let ok = 0;
  let already = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: devices }, async (_, device) => {
      const queue = Array.from({ length: perDevice }, (_, index) => ({
        code: codes[(device * perDevice + index) % codes.length],
        nonce: randomUUID(),
        scannedAt: new Date(base + (device * perDevice + index) * 500).toISOString(),
      }));
      for (let start = 0; start < queue.length; start += chunk) {
        const response = await fetch(`${baseUrl}/api/v1/checkin/batch`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId: `backlog-${device}`, scans: queue.slice(start, start + chunk) }),
        });
        if (!response.ok) {
          failed += Math.min(chunk, queue.length - start);
          continue;
        }
        const body = (await response.json()) as { results: { result?: string }[] };
        for (const item of body.results) {
          if (item.result === "ok") ok += 1;
          else if (item.result) already += 1;
          else failed += 1;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, scans: devices * perDevice, ok, already, failed };
}
