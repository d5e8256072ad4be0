import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Prisma } from "~/generated/prisma/client";
import { translator, isLocale, type Locale } from "~/i18n";
import { accountByEmail, insertInvitedAccount, renewSetupLink } from "~/models/store/account-store.server";
import { prisma, rawSql, sqlDate, writeTransaction, type Sql } from "~/models/store/connection.server";
import { eventsOfFirm, firmContactCount, firmContactGrant, firmHoldingName, firmsWithoutNameKey, grantFirmContact, revokeFirmContact, setFirmNameKey } from "~/models/store/firm-store.server";
import { dataDirectory, env } from "~/utils/env.server";
import { DomainError } from "~/utils/domain-error";
import { ImageRejected, reencodeImage, type ImageRules } from "~/utils/image.server";
import { hashSecret, randomSecret } from "~/utils/secrets.server";
import { renderEmail } from "@emails/render";
import FirmContactInvitationEmail from "@emails/firm-contact-invitation";
import type { FirmProfileInput } from "~/schemas/application";
import { audit } from "~/models/audit.server";
import { firmNameKey } from "./firm-name";
import { emailSchema } from "./user.server";
import { enqueueEmailInTransaction } from "./outbox.server";
import type { ProgrammeDirectory } from "~/schemas/api-programme";

/** The programme of this deployment (DESIGN.md §2: one row today). */
export async function currentProgramme() {
  const programme = await (await prisma()).programme.findFirst({ orderBy: { createdAt: "asc" } });
  if (!programme) throw new DomainError("not_found", "not_found", "programme.error.noProgramme");
  return programme;
}

// ───────────────────────────── Member directory ─────────────────────────────

export type DirectoryFilter = { q?: string; industry?: string; city?: string; founding?: boolean };

/** Active members for the public directory, founding firms first, then by the date they joined. */
export async function listMembers(filter: DirectoryFilter = {}) {
  const db = await prisma();
  const programme = await currentProgramme();
  const q = filter.q?.trim();
  const where: Prisma.FirmWhereInput = {
    programmeId: programme.id,
    status: "ACTIVE",
    ...(filter.industry ? { industry: filter.industry } : {}),
    ...(filter.city ? { city: filter.city } : {}),
    ...(filter.founding !== undefined ? { founding: filter.founding } : {}),
    ...(q ? { OR: [{ name: { contains: q } }, { nameEn: { contains: q } }, { description: { contains: q } }, { offers: { contains: q } }, { industry: { contains: q } }] } : {}),
  };
  const [firms, facets] = await Promise.all([
    db.firm.findMany({ where, orderBy: [{ founding: "desc" }, { memberSince: "asc" }, { name: "asc" }] }),
    db.firm.findMany({ where: { programmeId: programme.id, status: "ACTIVE" }, select: { industry: true, city: true } }),
  ]);
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  return {
    programme,
    firms,
    industries: distinct(facets.map((firm) => firm.industry)),
    cities: distinct(facets.map((firm) => firm.city)),
  };
}

export function logoUrl(logoPath: string | null): string | null {
  return logoPath ? `/uploads/${logoPath}` : null;
}

/** `GET /api/v1/programme` (DESIGN.md §5). */
export async function publicProgrammeDirectory(): Promise<ProgrammeDirectory> {
  const { programme, firms } = await listMembers();
  return {
    name: programme.name,
    launchedAt: programme.launchedAt.toISOString(),
    firms: firms.map((firm) => ({
      name: firm.name,
      founding: firm.founding,
      industry: firm.industry,
      city: firm.city,
      memberSince: firm.memberSince ? firm.memberSince.toISOString() : null,
      ...(firm.website ? { website: firm.website } : {}),
    })),
  };
}

export async function getPublicFirm(firmId: string) {
  const firm = await (await prisma()).firm.findUnique({ where: { id: firmId } });
  return firm && firm.status === "ACTIVE" ? firm : null;
}

/** The programme's headline figures for the home page: its founding firms and all its active members. */
export async function programmeFigures() {
  const db = await prisma();
  const programme = await currentProgramme();
  const active = { programmeId: programme.id, status: "ACTIVE" as const };
  const [founding, members] = await Promise.all([db.firm.count({ where: { ...active, founding: true } }), db.firm.count({ where: active })]);
  return { programme, founding, members };
}

/**
 * Published events the firm takes part in (a confirmed registration or a seat quota): those not yet over,
 * soonest first, and those it attended, newest first.
 */
export async function firmEvents(firmId: string, now = new Date()) {
  const rows = eventsOfFirm.all(await rawSql(), { firmId });
  const shown = ({ endsAt: _ends, ...event }: (typeof rows)[number]) => ({ ...event, startsAt: new Date(event.startsAt).toISOString() });
  const over = (event: (typeof rows)[number]) => new Date(event.endsAt) <= now;
  return {
    upcoming: rows
      .filter((event) => !over(event))
      .reverse()
      .map(shown),
    attended: rows.filter(over).map(shown),
  };
}

export async function getFirm(firmId: string) {
  const firm = await (await prisma()).firm.findUnique({ where: { id: firmId } });
  if (!firm) throw new DomainError("not_found", "not_found", "error.notFound.body");
  return firm;
}

export async function listFirmsForAdmin({ q, status }: { q?: string; status?: "ACTIVE" | "SUSPENDED" | "LEFT" } = {}) {
  const db = await prisma();
  return db.firm.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(q ? { OR: [{ name: { contains: q } }, { nameEn: { contains: q } }, { creditCode: { contains: q.toUpperCase() } }] } : {}),
    },
    orderBy: [{ founding: "desc" }, { memberSince: "asc" }, { name: "asc" }],
    include: { _count: { select: { roles: true } } },
  });
}

// ───────────────────────────── Names ─────────────────────────────

export function firmNameTaken(): DomainError {
  return new DomainError("conflict", "firm_name_taken", "programme.firm.nameTaken", undefined, { name: "programme.firm.nameTaken" });
}

/** Throws 409 when another firm's name has the same key; `Firm.nameNormalized`'s unique index backs this up. */
export function assertFirmNameFree(sql: Sql, name: string, exceptFirmId: string | null = null) {
  const clash = firmHoldingName.get(sql, { nameKey: firmNameKey(name), exceptFirmId });
  if (clash) throw firmNameTaken();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Computes the name key of firms that have none (created before the column existed, or by hand). Runs at
 * start-up: NFKC cannot be expressed in SQLite, so a migration cannot do it. A firm whose key another firm
 * already holds keeps none and is reported, for an organizer to rename.
 */
export async function backfillFirmNameKeys(): Promise<{ filled: number; clashes: string[] }> {
  const pending = firmsWithoutNameKey.all(await rawSql(), {});
  if (pending.length === 0) return { filled: 0, clashes: [] };
  return writeTransaction((sql) => {
    const clashes: string[] = [];
    let filled = 0;
    for (const firm of pending) {
      const key = firmNameKey(firm.name);
      if (firmHoldingName.get(sql, { nameKey: key, exceptFirmId: null })) clashes.push(firm.name);
      else filled += setFirmNameKey.run(sql, { id: firm.id, nameKey: key }).changes;
    }
    return { filled, clashes };
  });
}

/** Profile edit by a contact or an organizer. A rename to another member's name is refused; every rename is audited. */
export async function updateFirmProfile({ firmId, input, actorUserId }: { firmId: string; input: FirmProfileInput; actorUserId?: string }) {
  const db = await prisma();
  const before = await getFirm(firmId);
  const nameNormalized = firmNameKey(input.name);
  if (await db.firm.findFirst({ where: { nameNormalized, id: { not: firmId } }, select: { id: true } })) throw firmNameTaken();
  let firm;
  try {
    firm = await db.firm.update({ where: { id: firmId }, data: { ...input, nameNormalized, website: input.website ?? null } });
  } catch (error) {
    if (isUniqueViolation(error)) throw firmNameTaken();
    throw error;
  }
  await audit({ action: "firm.profile_updated", actorUserId, targetType: "firm", targetId: firmId });
  if (before.name !== firm.name || before.nameEn !== firm.nameEn) {
    await audit({
      action: "firm.renamed",
      actorUserId,
      targetType: "firm",
      targetId: firmId,
      details: { from: before.name, to: firm.name, ...(before.nameEn !== firm.nameEn ? { fromEn: before.nameEn, toEn: firm.nameEn } : {}) },
    });
  }
  return firm;
}

/**
 * For the organizers' registration list: the member firm whose name (or English name) a typed organization
 * matches, as an unverified hint. Matching never attaches a registration to a firm.
 */
export async function firmNameSuggester(): Promise<(organization: string) => string | null> {
  const firms = await (await prisma()).firm.findMany({ where: { status: "ACTIVE" }, select: { name: true, nameEn: true } });
  const byKey = new Map<string, string>();
  for (const firm of firms) {
    byKey.set(firmNameKey(firm.name), firm.name);
    if (firm.nameEn) byKey.set(firmNameKey(firm.nameEn), firm.name);
  }
  return (organization) => (organization.trim() ? (byKey.get(firmNameKey(organization)) ?? null) : null);
}

export async function setFirmStatus({ firmId, status, actorUserId }: { firmId: string; status: "ACTIVE" | "SUSPENDED" | "LEFT"; actorUserId?: string }) {
  await getFirm(firmId);
  const firm = await (await prisma()).firm.update({ where: { id: firmId }, data: { status } });
  await audit({ action: "firm.status_changed", actorUserId, targetType: "firm", targetId: firmId, details: { status } });
  return firm;
}

// ───────────────────────────── Logos ─────────────────────────────

export const maxLogoBytes = 512 * 1024;
const maxLogoPixels = 4096;
const logoRules: ImageRules = {
  accept: ["png", "jpeg", "webp"],
  maxSide: maxLogoPixels,
  minSide: 16,
  maxPixels: maxLogoPixels * maxLogoPixels,
  output: "png",
  fitWithin: 1024,
};
// Logos are stored as PNG; JPEG and WebP names are still served for files stored before that.
const logoTypes = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" } as const;
export type LogoExtension = keyof typeof logoTypes;

export function uploadsDirectory(): string {
  return resolve(dataDirectory(env().DATABASE_URL), "uploads");
}

/**
 * Stores a logo under data/uploads/logos, re-encoded as PNG from its decoded pixels (utils/image.server.ts);
 * the file name carries the hash of what is stored, so it can be cached forever.
 */
export async function saveFirmLogo({ firmId, bytes, actorUserId }: { firmId: string; bytes: Uint8Array; actorUserId?: string }) {
  const firm = await getFirm(firmId);
  if (bytes.byteLength === 0) throw new DomainError("invalid", "logo_missing", "programme.logo.missing", undefined, { logo: "programme.logo.missing" });
  if (bytes.byteLength > maxLogoBytes) {
    throw new DomainError("too_large", "logo_too_large", "programme.logo.tooLarge", { max: maxLogoBytes / 1024 }, { logo: "programme.logo.tooLarge" });
  }
  let image;
  try {
    image = await reencodeImage(bytes, logoRules);
  } catch (error) {
    if (!(error instanceof ImageRejected)) throw error;
    if (error.reason === "dimensions") {
      throw new DomainError("invalid", "logo_dimensions", "programme.logo.dimensions", { max: maxLogoPixels }, { logo: "programme.logo.dimensions" });
    }
    throw new DomainError("unsupported", "logo_not_image", "programme.logo.notImage", undefined, { logo: "programme.logo.notImage" });
  }
  const hash = createHash("sha256").update(image.bytes).digest("hex").slice(0, 16);
  const fileName = `${firm.id}-${hash}.${image.extension}`;
  const directory = resolve(uploadsDirectory(), "logos");
  mkdirSync(directory, { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const temporary = resolve(directory, `.${randomUUID()}.tmp`);
  writeFileSync(temporary, image.bytes);
  renameSync(temporary, resolve(directory, fileName));
  const logoPath = `logos/${fileName}`;
  await (await prisma()).firm.update({ where: { id: firm.id }, data: { logoPath } });
  if (firm.logoPath && firm.logoPath !== logoPath) rmSync(resolve(uploadsDirectory(), firm.logoPath), { force: true });
  await audit({ action: "firm.logo_updated", actorUserId, targetType: "firm", targetId: firm.id });
  return { logoPath, width: image.width, height: image.height };
}

/** Reads a stored upload by its public name; null for anything that is not exactly one of our files. */
export function readUpload(kind: string, fileName: string): { body: Buffer; contentType: string } | null {
  if (kind !== "logos" || !/^[A-Za-z0-9-]{1,64}-[a-f0-9]{16}\.(png|jpg|webp)$/.test(fileName)) return null;
  const extension = fileName.split(".").pop() as LogoExtension;
  try {
    return { body: readFileSync(resolve(uploadsDirectory(), kind, fileName)), contentType: logoTypes[extension] };
  } catch {
    return null;
  }
}

// ───────────────────────────── Contacts (colleagues) ─────────────────────────────

export const setupLinkLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export function setupUrl(token: string): string {
  return `${env().APP_URL}/account/setup/${token}`;
}

export async function listFirmContacts(firmId: string) {
  const grants = await (
    await prisma()
  ).roleAssignment.findMany({
    where: { firmId, role: "FIRM_CONTACT" },
    include: { user: { select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, setupTokenExpiresAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return grants.map((grant) => ({
    grantId: grant.id,
    userId: grant.user.id,
    email: grant.user.email,
    name: grant.user.name,
    role: grant.role,
    active: Boolean(grant.user.passwordHash) && !grant.user.disabledAt,
    invitedSince: grant.createdAt,
  }));
}

export type ContactInvitation = {
  email: string;
  name: string;
  locale: Locale;
  // The secret of the set-password link; only used when the account has no password yet.
  setupToken: string;
  hasPassword: boolean;
};

/** Looks up the account and renders the invitation before the write transaction (rendering is async). */
export async function prepareContactInvitation({ email, name, locale, firmName }: { email: string; name: string; locale: string; firmName: string }) {
  const normalized = emailSchema.parse(email);
  const existing = await (await prisma()).user.findUnique({ where: { email: normalized } });
  const language: Locale = isLocale(existing?.locale) ? (existing!.locale as Locale) : isLocale(locale) ? locale : "zh-CN";
  const invitation: ContactInvitation = {
    email: normalized,
    name: existing?.name ?? name,
    locale: language,
    setupToken: randomSecret(32),
    hasPassword: Boolean(existing?.passwordHash),
  };
  const t = translator(language);
  const url = invitation.hasPassword ? `${env().APP_URL}/login?redirectTo=%2Ffirm` : setupUrl(invitation.setupToken);
  const email_ = await renderEmail(
    t("programme.email.invite.subject", { firm: firmName }),
    FirmContactInvitationEmail({
      lang: language,
      heading: t("programme.email.invite.heading", { firm: firmName }),
      greeting: t("programme.email.greeting", { name: invitation.name }),
      intro: t(invitation.hasPassword ? "programme.email.invite.introExisting" : "programme.email.invite.intro", { firm: firmName }),
      actionUrl: url,
      actionLabel: t(invitation.hasPassword ? "programme.email.invite.signIn" : "programme.email.invite.setPassword"),
      expiryNote: invitation.hasPassword ? null : t("programme.email.invite.expiry", { days: setupLinkLifetimeMs / 86_400_000 }),
      footer: t("programme.email.footer"),
    }),
  );
  return { invitation, email: email_ };
}

/**
 * Inside a write transaction: finds or creates the contact's account, grants FIRM_CONTACT for the firm and,
 * for an account without a password, stores the hash of a fresh set-password link.
 */
export function addFirmContactInTransaction(
  sql: Sql,
  { firmId, invitation, actorUserId, now }: { firmId: string; invitation: ContactInvitation; actorUserId?: string | null; now: Date },
): { userId: string; created: boolean; alreadyContact: boolean } {
  const existing = accountByEmail.get(sql, { email: invitation.email });
  const userId = existing?.id ?? randomUUID();
  const setupTokenHash = hashSecret(invitation.setupToken);
  const setupTokenExpiresAt = sqlDate(new Date(now.getTime() + setupLinkLifetimeMs));
  if (!existing) {
    insertInvitedAccount.run(sql, { id: userId, email: invitation.email, name: invitation.name, locale: invitation.locale, at: sqlDate(now), setupTokenHash, setupTokenExpiresAt });
  } else if (!existing.passwordHash) {
    renewSetupLink.run(sql, { id: userId, setupTokenHash, setupTokenExpiresAt, at: sqlDate(now) });
  }
  const grant = firmContactGrant.get(sql, { firmId, userId });
  if (!grant) grantFirmContact.run(sql, { id: randomUUID(), userId, firmId, at: sqlDate(now), createdById: actorUserId ?? null });
  return { userId, created: !existing, alreadyContact: Boolean(grant) };
}

/** A firm contact (or an organizer) invites a colleague: account + FIRM_CONTACT grant + invitation e-mail. */
export async function inviteFirmContact({
  firmId,
  email,
  name,
  locale,
  actorUserId,
  now = new Date(),
}: {
  firmId: string;
  email: string;
  name: string;
  locale: string;
  actorUserId?: string;
  now?: Date;
}) {
  const firm = await getFirm(firmId);
  const { invitation, email: message } = await prepareContactInvitation({ email, name, locale, firmName: firm.name });
  const result = await writeTransaction((sql) => {
    const added = addFirmContactInTransaction(sql, { firmId, invitation, actorUserId, now });
    if (added.alreadyContact) return added;
    enqueueEmailInTransaction(sql, { kind: "firm-contact-invitation", to: invitation.email, ...message, dedupeKey: `firm-invite:${firmId}:${added.userId}:${now.getTime()}` }, now);
    return added;
  });
  if (result.alreadyContact) throw new DomainError("conflict", "already_contact", "programme.contacts.already", undefined, { email: "programme.contacts.already" });
  await audit({ action: "role.granted", actorUserId, targetType: "user", targetId: result.userId, details: { role: "FIRM_CONTACT", firmId } });
  return result;
}

/** Removes a colleague's access to the firm; a firm always keeps at least one contact. */
export async function removeFirmContact({ firmId, userId, actorUserId }: { firmId: string; userId: string; actorUserId?: string }) {
  const outcome = await writeTransaction((sql) => {
    const count = firmContactCount.get(sql, { firmId })?.n ?? 0;
    const isContact = firmContactGrant.get(sql, { firmId, userId });
    if (!isContact) return "missing" as const;
    if (count <= 1) return "last" as const;
    revokeFirmContact.run(sql, { firmId, userId });
    // Signed-in sessions of the removed colleague keep working only for other grants they still hold.
    return "removed" as const;
  });
  if (outcome === "missing") throw new DomainError("not_found", "not_found", "programme.contacts.notFound");
  if (outcome === "last") throw new DomainError("conflict", "last_contact", "programme.contacts.lastOne");
  await audit({ action: "role.revoked", actorUserId, targetType: "user", targetId: userId, details: { role: "FIRM_CONTACT", firmId } });
}

// ───────────────────────────── Portal: events, quotas, invite codes ─────────────────────────────

/** What the firm has at events: its people registered, its seat quotas and its invite codes (read-only). */
export async function firmEventActivity(firmId: string) {
  const db = await prisma();
  const [registrations, quotas, inviteCodes] = await Promise.all([
    db.registration.findMany({
      where: { firmId },
      select: { id: true, name: true, status: true, createdAt: true, event: { select: { id: true, slug: true, title: true, titleEn: true, startsAt: true, timeZone: true } } },
      orderBy: [{ event: { startsAt: "asc" } }, { name: "asc" }],
    }),
    db.firmQuota.findMany({
      where: { firmId },
      select: { id: true, quota: true, confirmedCount: true, event: { select: { id: true, slug: true, title: true, titleEn: true, startsAt: true, timeZone: true } } },
      orderBy: { event: { startsAt: "asc" } },
    }),
    db.inviteCode.findMany({
      where: { firmId },
      select: { id: true, code: true, label: true, maxUses: true, usedCount: true, expiresAt: true, revokedAt: true, event: { select: { id: true, slug: true, title: true, titleEn: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { registrations, quotas, inviteCodes };
}
