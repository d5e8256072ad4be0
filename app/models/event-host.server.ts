import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { EventHostRole } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { logoUrl, uploadsDirectory } from "~/models/firm.server";
import { DomainError } from "~/utils/domain-error";
import { ImageRejected, reencodeImage, type ImageRules } from "~/utils/image.server";

/**
 * The organisations a Chinese event names on its page: 主办单位 (HOST), 承办单位 (ORGANIZER) and 支持单位
 * (SUPPORTER), in the organizer's order. A host linked to a member firm shows the firm's logo unless it has
 * one of its own.
 */
export const hostRoleOrder: EventHostRole[] = ["HOST", "ORGANIZER", "SUPPORTER"];

const maxLogoBytes = 2 * 1024 * 1024;
const hostLogoRules: ImageRules = { accept: ["png", "jpeg", "webp"], maxSide: 4096, minSide: 16, maxPixels: 4096 * 4096, output: "png", fitWithin: 512 };
const hostLogoFileName = /^[A-Za-z0-9]{1,40}-[a-f0-9]{16}\.png$/;

function hostLogosDirectory() {
  return resolve(uploadsDirectory(), "hosts");
}

export type EventHostView = { id: string; role: EventHostRole; name: string; nameEn: string; logo: string | null; firmId: string | null };

export async function listEventHosts(eventId: string): Promise<EventHostView[]> {
  const rows = await (await prisma()).eventHost.findMany({ where: { eventId }, include: { firm: { select: { logoPath: true } } }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows
    .map((row) => ({
      id: row.id,
      role: row.role,
      name: row.name,
      nameEn: row.nameEn,
      logo: row.logoPath ? `/uploads/${row.logoPath}` : logoUrl(row.firm?.logoPath ?? null),
      firmId: row.firmId,
    }))
    .sort((a, b) => hostRoleOrder.indexOf(a.role) - hostRoleOrder.indexOf(b.role));
}

/** Adds a host at the end of its role's list; its logo, if any, is re-encoded as PNG from its pixels. */
export async function addEventHost(eventId: string, host: { role: EventHostRole; name: string; nameEn?: string; firmId?: string | null; logo?: Uint8Array | null }) {
  const db = await prisma();
  if (host.firmId && !(await db.firm.findUnique({ where: { id: host.firmId }, select: { id: true } }))) {
    throw new DomainError("invalid", "invalid_input", "form.fixErrors", undefined, { firmId: "validation.invalid" });
  }
  const id = randomUUID().replaceAll("-", "");
  const logoPath = host.logo?.byteLength ? storeHostLogo(id, await hostLogo(host.logo)) : null;
  const last = await db.eventHost.findFirst({ where: { eventId }, orderBy: { position: "desc" }, select: { position: true } });
  return db.eventHost.create({
    data: { id, eventId, role: host.role, name: host.name, nameEn: host.nameEn ?? "", firmId: host.firmId || null, logoPath, position: (last?.position ?? 0) + 1 },
  });
}

/** Swaps a host with its neighbour within the same role, then numbers the role's hosts from 1. */
export async function moveEventHost(eventId: string, hostId: string, direction: "up" | "down") {
  const all = await listEventHosts(eventId);
  const role = all.find((host) => host.id === hostId)?.role;
  const hosts = all.filter((host) => host.role === role);
  const index = hosts.findIndex((host) => host.id === hostId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= hosts.length) return;
  [hosts[index], hosts[target]] = [hosts[target]!, hosts[index]!];
  const db = await prisma();
  await db.$transaction(hosts.map((host, position) => db.eventHost.update({ where: { id: host.id }, data: { position: position + 1 } })));
}

export async function removeEventHost(eventId: string, hostId: string) {
  const db = await prisma();
  const host = await db.eventHost.findFirst({ where: { id: hostId, eventId } });
  if (!host) return;
  await db.eventHost.delete({ where: { id: host.id } });
  if (host.logoPath) rmSync(resolve(uploadsDirectory(), host.logoPath), { force: true });
}

async function hostLogo(bytes: Uint8Array) {
  if (bytes.byteLength > maxLogoBytes) throw new DomainError("too_large", "logo_too_large", "programme.logo.tooLarge", { max: maxLogoBytes / 1024 }, { logo: "programme.logo.tooLarge" });
  try {
    return await reencodeImage(bytes, hostLogoRules);
  } catch (error) {
    if (!(error instanceof ImageRejected)) throw error;
    if (error.reason === "dimensions") throw new DomainError("invalid", "logo_dimensions", "programme.logo.dimensions", { max: hostLogoRules.maxSide }, { logo: "programme.logo.dimensions" });
    throw new DomainError("unsupported", "logo_not_image", "programme.logo.notImage", undefined, { logo: "programme.logo.notImage" });
  }
}

function storeHostLogo(hostId: string, image: { bytes: Buffer }): string {
  const fileName = `${hostId}-${createHash("sha256").update(image.bytes).digest("hex").slice(0, 16)}.png`;
  const directory = hostLogosDirectory();
  mkdirSync(directory, { recursive: true });
  const temporary = resolve(directory, `.${randomUUID()}.tmp`);
  writeFileSync(temporary, image.bytes);
  renameSync(temporary, resolve(directory, fileName));
  return `hosts/${fileName}`;
}

/** Reads a stored host logo by its public name; null for anything that is not exactly one of our files. */
export function readHostLogo(fileName: string): { body: Buffer; contentType: string } | null {
  if (!hostLogoFileName.test(fileName)) return null;
  try {
    return { body: readFileSync(resolve(hostLogosDirectory(), fileName)), contentType: "image/png" };
  } catch {
    return null;
  }
}
