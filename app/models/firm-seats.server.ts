import { randomUUID } from "node:crypto";
import { domainToASCII } from "node:url";
import type { MessageKey } from "~/i18n";
import { prisma, rawSql, sqlDate, writeTransaction } from "~/models/store/connection.server";
import { activeFirm, activeFirmOfDomain, domainOwner, firmExists, insertFirmEmailDomain } from "~/models/store/firm-domain-store.server";
import { DomainError, type Refusal } from "~/utils/domain-error";
import { audit } from "~/models/audit.server";
import { firmNameKey } from "./firm-name";

/**
 * Whose reserved seats a registration uses (issue 12 §3). A firm's seats and its portal belong to people the
 * firm vouches for: an invite code bound to the firm, a signed-in contact of the firm, or an address on a mail
 * domain an organizer registered for the firm. A typed organization name proves nothing and never counts.
 */

// Shared mailbox providers: registering one for a firm would hand its seats to anyone with a free account.
const publicMailDomains = new Set([
  "qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "sina.com",
  "sina.cn",
  "sohu.com",
  "aliyun.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "tom.com",
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "proton.me",
  "protonmail.com",
]);

const hostname = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** `@Example.COM ` → `example.com`; internationalised names in their ASCII form; null when it is no domain. */
export function mailDomain(text: string): string | null {
  const ascii = domainToASCII(text.normalize("NFKC").trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase());
  return hostname.test(ascii) ? ascii : null;
}

function domainError(refusal: Refusal, code: string, key: MessageKey): DomainError {
  return new DomainError(refusal, code, key, undefined, { domain: key });
}

export async function listFirmEmailDomains(firmId: string) {
  return (await prisma()).firmEmailDomain.findMany({ where: { firmId }, orderBy: { domain: "asc" }, select: { id: true, domain: true, createdAt: true } });
}

/** Organizers only: a domain belongs to at most one firm, and public mailbox providers are refused. */
export async function addFirmEmailDomain({ firmId, domain, actorUserId, now = new Date() }: { firmId: string; domain: string; actorUserId?: string; now?: Date }) {
  const normalized = mailDomain(domain);
  if (!normalized) throw domainError("invalid", "invalid_domain", "programme.domains.invalid");
  if (publicMailDomains.has(normalized)) throw domainError("invalid", "public_mail_domain", "programme.domains.publicProvider");
  const outcome = await writeTransaction((sql) => {
    const owner = domainOwner.get(sql, { domain: normalized });
    if (owner) return owner.firmId === firmId ? ("already" as const) : ("taken" as const);
    if (!firmExists.get(sql, { id: firmId })) return "missing" as const;
    insertFirmEmailDomain.run(sql, { id: randomUUID(), firmId, domain: normalized, createdAt: sqlDate(now), createdById: actorUserId ?? null });
    return "added" as const;
  });
  if (outcome === "missing") throw new DomainError("not_found", "not_found", "error.notFound.body");
  if (outcome === "taken") throw domainError("conflict", "domain_taken", "programme.domains.taken");
  if (outcome === "added") await audit({ action: "firm.email_domain_added", actorUserId, targetType: "firm", targetId: firmId, details: { domain: normalized } });
  return normalized;
}

export async function removeFirmEmailDomain({ firmId, domainId, actorUserId }: { firmId: string; domainId: string; actorUserId?: string }) {
  const db = await prisma();
  const row = await db.firmEmailDomain.findFirst({ where: { id: domainId, firmId } });
  if (!row) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await db.firmEmailDomain.delete({ where: { id: row.id } });
  await audit({ action: "firm.email_domain_removed", actorUserId, targetType: "firm", targetId: firmId, details: { domain: row.domain } });
}

/**
 * The firm whose reserved seats the registration uses, or null for a public registration. In order: the firm
 * of the invite code; the firm of the signed-in contact (of several, the one the typed organization names,
 * else the first); the active firm that registered the address's domain.
 */
export async function firmForSeats({
  inviteFirmId,
  contactFirmIds = [],
  email,
  organization,
}: {
  inviteFirmId: string | null | undefined;
  contactFirmIds?: string[];
  email: string;
  organization: string;
}): Promise<string | null> {
  if (inviteFirmId) return inviteFirmId;
  const sql = await rawSql();
  if (contactFirmIds.length) {
    const active = contactFirmIds.flatMap((id) => activeFirm.get(sql, { id }) ?? []);
    const named = active.find((firm) => firm.nameNormalized === firmNameKey(organization));
    if (named) return named.id;
    const first = contactFirmIds.find((id) => active.some((firm) => firm.id === id));
    if (first) return first;
  }
  const domain = mailDomain(email.slice(email.lastIndexOf("@") + 1));
  if (!domain) return null;
  return activeFirmOfDomain.get(sql, { domain })?.firmId ?? null;
}
