import { createHash } from "node:crypto";
import { prisma, rawSql } from "~/models/store/connection.server";
import { offlineTickets } from "~/models/store/checkin-report-store.server";
import { parseCategoryIds } from "./checkin-rules";

/** The key the offline index is addressed by: nobody can turn it back into a ticket code. */
export function ticketKey(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("base64url").slice(0, 22);
}

/** "张伟" → "张*", "John Smith" → "J. S.": enough for staff to recognise, little to leak. */
export function maskedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "";
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) return `${[...trimmed][0]}${"*".repeat(Math.min(2, [...trimmed].length - 1))}`;
  return trimmed
    .split(/\s+/)
    .map((part) => `${[...part][0]?.toUpperCase() ?? ""}.`)
    .join(" ");
}

export type OfflineTicket = {
  /** ticketKey(code) */
  k: string;
  /** v valid, c cancelled, p not approved */
  s: "v" | "c" | "p";
  /** category id */
  c: string | null;
  /** masked name */
  n: string;
  /** organization */
  o: string;
  /** ids of lists already entered */
  e: string[];
};

/**
 * The offline ticket index (privacy: keys are truncated SHA-256 of the 128-bit codes, names are masked,
 * no e-mail, phone or code leaves the server; the scanner keeps it only for the event it was loaded for).
 */
export async function offlineIndex(eventId: string) {
  const rows = offlineTickets.all(await rawSql(), { eventId });
  const lists = (await prisma()).checkInList.findMany({ where: { eventId }, orderBy: { position: "asc" } });
  const categories = (await prisma()).ticketCategory.findMany({ where: { eventId }, select: { id: true, name: true, nameEn: true }, orderBy: { position: "asc" } });
  const tickets: OfflineTicket[] = rows.map((row) => ({
    k: ticketKey(row.ticketCode),
    s: row.status === "CONFIRMED" ? "v" : row.status === "CANCELLED" ? "c" : "p",
    c: row.categoryId,
    n: maskedName(row.name),
    o: row.organization,
    e: row.entered ? row.entered.split(",") : [],
  }));
  return {
    eventId,
    generatedAt: new Date().toISOString(),
    lists: (await lists).map((list) => ({
      id: list.id,
      name: list.name,
      nameEn: list.nameEn,
      mode: list.mode,
      allowReentry: list.allowReentry,
      allowedCategoryIds: parseCategoryIds(list.allowedCategoryIds),
    })),
    categories: await categories,
    tickets,
  };
}
