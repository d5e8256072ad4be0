import type { Direction, ScanAnswer } from "~/schemas/checkin";
import type { QueuedScan, TicketIndex } from "./offline";

/**
 * The scanner's calls to the check-in API. Each call has its own deadline: a door cannot wait for a slow
 * network, so a late scan answer counts as "offline" and the scan is decided from the local index instead.
 * Network failures and timeouts throw; callers treat that as the connection being gone.
 */

export type SearchAttendee = {
  registrationId: string;
  name: string;
  organization: string;
  phone: string;
  status: string;
  category: { name: string; nameEn: string } | null;
  enteredListIds: string[];
};

export type ScanRequest = { code?: string; registrationId?: string; list: string; direction: Direction; nonce: string; scannedAt: string; deviceId: string };
export type ScanReply = { ok: true; answer: ScanAnswer } | { ok: false; status: number; message: string };

const scanDeadlineMs = 1500;
const searchDeadlineMs = 5000;
const indexDeadlineMs = 15_000;
const batchDeadlineMs = 20_000;

async function timedFetch(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal, credentials: "same-origin", cache: "no-store" });
  } finally {
    clearTimeout(timer);
  }
}

const postJson = (body: unknown): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const eventPath = (slug: string, rest: string) => `/api/v1/events/${encodeURIComponent(slug)}/checkin/${rest}`;

/** POST /api/v1/checkin: the server's decision, or the reason it could not decide (4xx). A 5xx throws like no answer. */
export async function sendScan(scan: ScanRequest): Promise<ScanReply> {
  const response = await timedFetch("/api/v1/checkin", postJson(scan), scanDeadlineMs);
  if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (response.ok) return { ok: true, answer: body as ScanAnswer };
  return { ok: false, status: response.status, message: (body as { error?: { message?: string } }).error?.message ?? "" };
}

/** POST /api/v1/checkin/batch: uploads queued offline scans; the server answers each one, nothing here needs them. */
export async function sendBatch(batch: { event: string; deviceId: string; scans: QueuedScan[] }): Promise<{ ok: boolean; status: number }> {
  const response = await timedFetch("/api/v1/checkin/batch", postJson(batch), batchDeadlineMs);
  return { ok: response.ok, status: response.status };
}

/** GET …/checkin/index: the ticket index for offline decisions, or null when the server refuses it. */
export async function fetchTicketIndex(slug: string): Promise<TicketIndex | null> {
  const response = await timedFetch(eventPath(slug, "index"), {}, indexDeadlineMs);
  if (!response.ok) return null;
  const body = (await response.json()) as TicketIndex;
  return { generatedAt: body.generatedAt, lists: body.lists, categories: body.categories, tickets: body.tickets };
}

/** GET …/checkin/search?q=: the attendees found, or the server's message saying what to fix in the query. */
export async function searchAttendees(slug: string, query: string): Promise<{ attendees?: SearchAttendee[]; error?: { message: string } }> {
  const response = await timedFetch(`${eventPath(slug, "search")}?q=${encodeURIComponent(query)}`, {}, searchDeadlineMs);
  return (await response.json()) as { attendees?: SearchAttendee[]; error?: { message: string } };
}

/** GET /healthz within the scan deadline: only a server that answers quickly counts as back online. */
export async function serverAnswersQuickly(): Promise<boolean> {
  try {
    return (await timedFetch("/healthz", {}, scanDeadlineMs)).ok;
  } catch {
    return false;
  }
}
