import type { Direction, ScanResult } from "~/schemas/checkin";
import { ticketKey } from "./sha256";

/**
 * What the scanner keeps on the device (localStorage): its setup, the event's ticket index for
 * offline decisions, and the queue of scans waiting for upload. All keyed by event slug.
 */
export type Setup = { eventSlug: string; listId: string; deviceName: string };
export type IndexTicket = { k: string; s: "v" | "c" | "p"; c: string | null; n: string; o: string; e: string[] };
export type IndexList = { id: string; name: string; nameEn: string; mode: "ENTRY_ONLY" | "ENTRY_EXIT"; allowReentry: boolean; allowedCategoryIds: string[] };
export type TicketIndex = {
  generatedAt: string;
  lists: IndexList[];
  categories: { id: string; name: string; nameEn: string }[];
  tickets: IndexTicket[];
};
export type QueuedScan = { code?: string; registrationId?: string; nonce: string; scannedAt: string; direction: Direction; list: string };

const setupKey = "checkin.setup.v1";
const indexKey = (slug: string) => `checkin.index.v1.${slug}`;
const queueKey = (slug: string) => `checkin.queue.v1.${slug}`;
const insideKey = (slug: string) => `checkin.inside.v1.${slug}`;

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the scanner still works online.
  }
}

export const loadSetup = () => read<Setup>(setupKey);
export const saveSetup = (setup: Setup) => write(setupKey, setup);
export const clearSetup = () => localStorage.removeItem(setupKey);

export const loadIndex = (slug: string) => read<TicketIndex>(indexKey(slug));
export const saveIndex = (slug: string, index: TicketIndex) => write(indexKey(slug), index);

export const loadQueue = (slug: string) => read<QueuedScan[]>(queueKey(slug)) ?? [];
export function enqueue(slug: string, scan: QueuedScan) {
  write(queueKey(slug), [...loadQueue(slug), scan]);
}
export function dropFromQueue(slug: string, nonces: Set<string>) {
  write(
    queueKey(slug),
    loadQueue(slug).filter((scan) => !nonces.has(scan.nonce)),
  );
}

/** A nonce from getRandomValues: randomUUID needs a secure context. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type LocalDecision = { result: ScanResult | "unknown"; ticket?: IndexTicket };

/** Decides green/red from the index alone, remembering admissions so this device never admits a ticket twice. */
export function decideLocally(slug: string, code: string, list: IndexList | undefined, direction: Direction): LocalDecision {
  const index = loadIndex(slug);
  if (!index || !list) return { result: "unknown" };
  const key = ticketKey(code.trim());
  const ticket = index.tickets.find((candidate) => candidate.k === key);
  if (!ticket) return { result: "invalid" };
  if (ticket.s === "c") return { result: "cancelled", ticket };
  if (ticket.s === "p") return { result: "not_approved", ticket };
  if (list.allowedCategoryIds.length > 0 && (!ticket.c || !list.allowedCategoryIds.includes(ticket.c))) return { result: "wrong_list", ticket };
  const inside = new Set(read<string[]>(insideKey(slug)) ?? []);
  const presenceKey = `${list.id}:${key}`;
  if (direction === "exit") {
    inside.delete(presenceKey);
    write(insideKey(slug), [...inside]);
    return { result: "ok", ticket };
  }
  const reentry = list.mode === "ENTRY_EXIT" && list.allowReentry;
  const entered = ticket.e.includes(list.id);
  if (entered && (!reentry || inside.has(presenceKey))) return { result: "already_checked_in", ticket };
  if (!entered) ticket.e.push(list.id);
  inside.add(presenceKey);
  write(insideKey(slug), [...inside]);
  saveIndex(slug, index);
  return { result: "ok", ticket };
}

/** After an online answer, the index learns the admission too, so a later offline scan sees it. */
export function rememberEntry(slug: string, code: string, listId: string) {
  const index = loadIndex(slug);
  if (!index) return;
  const ticket = index.tickets.find((candidate) => candidate.k === ticketKey(code.trim()));
  if (!ticket) return;
  if (!ticket.e.includes(listId)) {
    ticket.e.push(listId);
    saveIndex(slug, index);
  }
  const inside = new Set(read<string[]>(insideKey(slug)) ?? []);
  inside.add(`${listId}:${ticket.k}`);
  write(insideKey(slug), [...inside]);
}
