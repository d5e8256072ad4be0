import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { rawSql } from "~/models/store/connection.server";
import { checkInListById, defaultListOf, eventBySlug } from "~/models/store/checkin-store.server";
import { DomainError } from "~/utils/domain-error";
import { normalizeTicketCode } from "~/utils/ticket-code";
import { maxCodeLength, type ScanAnswer, type ScanFailure, type ScanInput, type ScanOutcome } from "./checkin-decision.server";
import { ensureDefaultList } from "./checkin-list.server";
import { scanTimeProblem, unknownList } from "./checkin-rules";
import { decideScans } from "./checkin-writer.server";

/** The scan endpoints' side of check-in: one scan as it arrives, and one device's offline queue. */

export type { Direction, ListRef, ScanAnswer, ScanFailure, ScanInput, ScanOutcome, ScanResult } from "./checkin-decision.server";
export { maxCodeLength } from "./checkin-decision.server";
export { maxFutureSkewMs, maxPastAgeMs, scanTimeProblem } from "./checkin-rules";

const codeField = z.string().trim().min(1).max(maxCodeLength);
const nonceField = z
  .string()
  .trim()
  .min(8)
  .max(100)
  .regex(/^[\w.:-]+$/, "letters, digits, . : _ - only");
const scanFields = {
  code: codeField.optional(),
  registrationId: z.string().trim().min(1).max(40).optional(),
  direction: z.enum(["entry", "exit"]).default("entry"),
  nonce: nonceField,
  scannedAt: z.coerce.date().optional(),
  list: z.string().trim().min(1).max(40).optional(),
};
const oneCode = (value: { code?: string; registrationId?: string }) => Boolean(value.code) !== Boolean(value.registrationId);
const oneCodeMessage = { message: "exactly one of code or registrationId", path: ["code"] };

/** Body of `POST /api/v1/checkin`. `list` or `event` picks the event; a token alone means the token's event. */
export const scanRequestSchema = z
  .object({
    ...scanFields,
    event: z.string().trim().min(1).max(120).optional(),
    deviceId: z.string().trim().max(80).default(""),
    offline: z.boolean().default(false),
  })
  .refine(oneCode, oneCodeMessage);
export type ScanRequest = z.infer<typeof scanRequestSchema>;

export const maxBatchScans = 500;
/** Body of `POST /api/v1/checkin/batch`: one device's offline queue. */
export const batchRequestSchema = z.object({
  event: z.string().trim().min(1).max(120).optional(),
  list: z.string().trim().min(1).max(40).optional(),
  deviceId: z.string().trim().max(80).default(""),
  scans: z.array(z.object(scanFields).refine(oneCode, oneCodeMessage)).min(1).max(maxBatchScans),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** Decides one scan; resolves after the transaction holding it has committed and reached the disk. */
export async function scanTicket(input: ScanInput): Promise<ScanOutcome> {
  const [outcome] = await decideScans([input]);
  return outcome;
}

// ───────────────────────────── event and list resolution ─────────────────────────────

export type ScanTarget = { eventId: string; listId: string };

/**
 * Which event and list a scan is for: the list id decides; else the event slug's default list; else the
 * fallback event (the bearer token's). Throws 422 when nothing names an event or the names disagree.
 */
export async function resolveScanTarget({ list, event, fallbackEventId }: { list?: string; event?: string; fallbackEventId?: string }): Promise<ScanTarget> {
  const sql = await rawSql();
  const eventId = event ? eventBySlug.get(sql, { slug: event })?.id : fallbackEventId;
  if (event && !eventId) throw new DomainError("not_found", "unknown_event", "checkin.error.unknownEvent");
  if (list) {
    const row = checkInListById.get(sql, { id: list });
    if (!row || (event && row.eventId !== eventId)) throw new DomainError("invalid", "unknown_list", "checkin.error.unknownList", undefined, { list: "unknown list" });
    return { eventId: row.eventId, listId: row.id };
  }
  if (!eventId) throw new DomainError("invalid", "invalid_input", "checkin.error.noEvent", undefined, { list: "required" });
  const row = defaultListOf.get(sql, { eventId });
  return { eventId, listId: row?.id ?? (await ensureDefaultList(eventId)).id };
}

// ───────────────────────────── offline reconciliation ─────────────────────────────

export type BatchItemOutcome = { nonce: string } & ({ ok: true; answer: ScanAnswer } | { ok: false; status: number; code: string; messageKey: MessageKey });

/**
 * Applies one device's offline queue in scan-time order, a chunk per transaction. An offline entry for a
 * ticket another device had admitted is stored with `conflict` and listed for organizers.
 */
export async function reconcileScans(
  target: ScanTarget,
  scans: BatchRequest["scans"],
  context: { deviceId: string; staffUserId?: string | null; apiTokenId?: string | null; listFor: (list: string | undefined) => Promise<string> },
  now = new Date(),
): Promise<BatchItemOutcome[]> {
  const prepared: { index: number; input?: ScanInput; failure?: ScanFailure }[] = [];
  for (const [index, scan] of scans.entries()) {
    const scannedAt = scan.scannedAt ?? now;
    const failure = scanTimeProblem(scannedAt, now);
    if (failure) {
      prepared.push({ index, failure });
      continue;
    }
    let listId: string;
    try {
      listId = scan.list ? await context.listFor(scan.list) : target.listId;
    } catch {
      prepared.push({ index, failure: unknownList });
      continue;
    }
    prepared.push({
      index,
      input: {
        eventId: target.eventId,
        listId,
        code: scan.code ? normalizeTicketCode(scan.code) : undefined,
        registrationId: scan.registrationId,
        direction: scan.direction,
        nonce: scan.nonce,
        scannedAt,
        deviceId: context.deviceId,
        staffUserId: context.staffUserId,
        apiTokenId: context.apiTokenId,
        offline: true,
      },
    });
  }
  const outcomes: BatchItemOutcome[] = new Array(scans.length);
  for (const item of prepared) {
    if (item.failure) outcomes[item.index] = { nonce: scans[item.index].nonce, ok: false, ...item.failure };
  }
  const ordered = prepared
    .filter((item): item is { index: number; input: ScanInput } => item.input !== undefined)
    .sort((a, b) => a.input.scannedAt.getTime() - b.input.scannedAt.getTime() || a.index - b.index);
  const chunkSize = 250;
  for (let start = 0; start < ordered.length; start += chunkSize) {
    const chunk = ordered.slice(start, start + chunkSize);
    const results = await decideScans(chunk.map((item) => item.input));
    chunk.forEach((item, position) => {
      outcomes[item.index] = { nonce: item.input.nonce, ...results[position] } as BatchItemOutcome;
    });
  }
  return outcomes;
}
