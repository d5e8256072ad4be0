import { z } from "zod";
import type { Role } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { hashPassword, minPasswordLength, verifyPassword } from "~/utils/password.server";
import { randomSecret } from "~/utils/secrets.server";
import { zText } from "~/utils/text";
import { audit } from "~/models/audit.server";
import { DomainError, type Refusal } from "~/utils/domain-error";

export const emailSchema = z.string().trim().toLowerCase().email().max(254);
export const passwordSchema = z.string().min(minPasswordLength).max(200);

type UserRefusal = "duplicate_email" | "invalid_email" | "invalid_name" | "weak_password" | "unknown_user" | "unknown_scope" | "bad_scope" | "no_such_grant";

// The field of the back-office forms each refusal belongs to, if any. An unknown e-mail was typed: the form
// keeps it and says so on the field. A grant id nobody typed that is not there (or not the user's to touch) is a 404.
const refusals: Record<UserRefusal, { refusal: Refusal; field?: string }> = {
  duplicate_email: { refusal: "conflict", field: "email" },
  invalid_email: { refusal: "invalid", field: "email" },
  invalid_name: { refusal: "invalid", field: "name" },
  weak_password: { refusal: "invalid", field: "password" },
  unknown_user: { refusal: "invalid", field: "email" },
  unknown_scope: { refusal: "invalid", field: "scope" },
  bad_scope: { refusal: "invalid", field: "scope" },
  no_such_grant: { refusal: "not_found" },
};

/** What the user model refuses: translated for the back office, and its English `message` for the admin CLI. */
export class UserError extends DomainError {
  override readonly message: string;

  constructor(
    override readonly code: UserRefusal,
    message: string,
  ) {
    const { refusal, field } = refusals[code];
    const messageKey = `admin.access.error.${code}` as const;
    super(refusal, code, messageKey, code === "weak_password" ? { min: minPasswordLength } : undefined, field ? { [field]: messageKey } : undefined);
    this.message = message;
  }
}

export const nameSchema = zText(100);

/** Generated when an operator creates a user without choosing a password; shown once, never stored. */
export function generatePassword(): string {
  return randomSecret(12);
}

function validEmail(email: string): string {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new UserError("invalid_email", `Not a valid e-mail address: ${email}`);
  return parsed.data;
}

function validPassword(password: string): string {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new UserError("weak_password", `The password must have ${minPasswordLength} to 200 characters`);
  return parsed.data;
}

export async function createUser({ email, name, password, locale = "zh-CN", actorUserId }: { email: string; name: string; password?: string; locale?: string; actorUserId?: string }) {
  const db = await prisma();
  const normalized = validEmail(email);
  const parsedName = nameSchema.safeParse(name);
  if (!parsedName.success) throw new UserError("invalid_name", "The name must have 1 to 100 characters");
  const passwordHash = password ? await hashPassword(validPassword(password)) : null;
  if (await db.user.findUnique({ where: { email: normalized } })) {
    throw new UserError("duplicate_email", `A user with e-mail ${normalized} already exists`);
  }
  const user = await db.user.create({ data: { email: normalized, name: parsedName.data, locale, passwordHash } });
  await audit({ action: "user.created", actorUserId, targetType: "user", targetId: user.id, details: { email: normalized } });
  return user;
}

/** Every account with its grants and the names of their scopes, for the access page and `list-users`. */
export async function listUsers() {
  return (await prisma()).user.findMany({
    orderBy: { email: "asc" },
    include: {
      roles: {
        orderBy: { createdAt: "asc" },
        include: {
          event: { select: { slug: true, title: true, titleEn: true } },
          series: { select: { slug: true, title: true, titleEn: true } },
          firm: { select: { id: true, name: true } },
        },
      },
    },
  });
}

/** Check-in staff of one event (grants scoped to it), for the event's access page. */
export async function listEventCheckInStaff(eventId: string) {
  return (await prisma()).roleAssignment.findMany({
    where: { role: "CHECKIN", eventId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Removes one grant by id. `allowed` decides on the grant as stored (the caller's permission check, e.g.
 * "only admins touch ADMIN grants" or "only grants of this event"); a refused or unknown grant is "no_such_grant".
 */
export async function revokeGrant({
  grantId,
  actorUserId,
  allowed = () => true,
}: {
  grantId: string;
  actorUserId?: string;
  allowed?: (grant: { role: Role; eventId: string | null; seriesId: string | null; firmId: string | null; userId: string }) => boolean;
}) {
  const db = await prisma();
  const grant = await db.roleAssignment.findUnique({ where: { id: grantId } });
  if (!grant || !allowed(grant)) throw new UserError("no_such_grant", `No grant ${grantId}`);
  await db.roleAssignment.deleteMany({ where: { id: grant.id } });
  await audit({
    action: "role.revoked",
    actorUserId,
    targetType: "user",
    targetId: grant.userId,
    eventId: grant.eventId,
    details: { role: grant.role, eventId: grant.eventId, seriesId: grant.seriesId, firmId: grant.firmId },
  });
  return grant;
}

export async function findUserByEmail(email: string) {
  return (await prisma()).user.findUnique({ where: { email: email.trim().toLowerCase() }, include: { roles: true } });
}

/** Sets a password and signs the user out everywhere else. */
export async function setPassword({ userId, password, keepSessionId }: { userId: string; password: string; keepSessionId?: string }) {
  const db = await prisma();
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(validPassword(password)) } });
  await db.authSession.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  await audit({ action: "auth.password_changed", actorUserId: userId, targetType: "user", targetId: userId });
}

export async function changePassword({ userId, currentPassword, newPassword, sessionId }: { userId: string; currentPassword: string; newPassword: string; sessionId: string }) {
  const user = await (await prisma()).user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new DomainError("invalid", "wrong_password", "account.wrongPassword", undefined, { currentPassword: "account.wrongPassword" });
  }
  await setPassword({ userId, password: newPassword, keepSessionId: sessionId });
}

export type GrantScope = { eventSlug?: string; eventId?: string; seriesSlug?: string; seriesId?: string; firmId?: string };

async function resolveScope(role: Role, scope: GrantScope) {
  const db = await prisma();
  const eventId = scope.eventId
    ? (await db.event.findUnique({ where: { id: scope.eventId } }))?.id
    : scope.eventSlug
      ? (await db.event.findUnique({ where: { slug: scope.eventSlug } }))?.id
      : undefined;
  if ((scope.eventSlug || scope.eventId) && !eventId) {
    throw new UserError("unknown_scope", `No event with ${scope.eventId ? `id ${scope.eventId}` : `slug ${scope.eventSlug}`}`);
  }
  const seriesId = scope.seriesId
    ? (await db.series.findUnique({ where: { id: scope.seriesId } }))?.id
    : scope.seriesSlug
      ? (await db.series.findUnique({ where: { slug: scope.seriesSlug } }))?.id
      : undefined;
  if ((scope.seriesSlug || scope.seriesId) && !seriesId) {
    throw new UserError("unknown_scope", `No series with ${scope.seriesId ? `id ${scope.seriesId}` : `slug ${scope.seriesSlug}`}`);
  }
  const firmId = scope.firmId ? (await db.firm.findUnique({ where: { id: scope.firmId } }))?.id : undefined;
  if (scope.firmId && !firmId) throw new UserError("unknown_scope", `No firm with id ${scope.firmId}`);
  const valid =
    (role === "ADMIN" && !eventId && !seriesId && !firmId) ||
    (role === "ORGANIZER" && !firmId && !(eventId && seriesId)) ||
    (role === "CHECKIN" && eventId && !seriesId && !firmId) ||
    (role === "FIRM_CONTACT" && firmId && !eventId && !seriesId);
  if (!valid) {
    throw new UserError("bad_scope", "Scopes: admin takes none; organizer takes --event, --series or none (all events); checkin takes --event; firm_contact takes --firm");
  }
  return { eventId: eventId ?? null, seriesId: seriesId ?? null, firmId: firmId ?? null };
}

export async function grantRole({ email, role, scope, actorUserId }: { email: string; role: Role; scope: GrantScope; actorUserId?: string }) {
  const db = await prisma();
  const user = await findUserByEmail(email);
  if (!user) throw new UserError("unknown_user", `No user with e-mail ${email}`);
  const resolved = await resolveScope(role, scope);
  const existing = await db.roleAssignment.findFirst({ where: { userId: user.id, role, ...resolved } });
  if (existing) return existing;
  const grant = await db.roleAssignment.create({ data: { userId: user.id, role, ...resolved, createdById: actorUserId ?? null } });
  await audit({ action: "role.granted", actorUserId, targetType: "user", targetId: user.id, eventId: resolved.eventId, details: { role, ...resolved } });
  return grant;
}

export async function revokeRole({ email, role, scope, actorUserId }: { email: string; role: Role; scope: GrantScope; actorUserId?: string }) {
  const db = await prisma();
  const user = await findUserByEmail(email);
  if (!user) throw new UserError("unknown_user", `No user with e-mail ${email}`);
  const resolved = await resolveScope(role, scope);
  const { count } = await db.roleAssignment.deleteMany({ where: { userId: user.id, role, ...resolved } });
  if (count === 0) throw new UserError("no_such_grant", `${email} has no ${role.toLowerCase()} grant with that scope`);
  await audit({ action: "role.revoked", actorUserId, targetType: "user", targetId: user.id, eventId: resolved.eventId, details: { role, ...resolved } });
}

/** What a grant can be scoped to, for the access page's scope picker. */
export async function grantScopeOptions() {
  const db = await prisma();
  const [events, series, firms] = await Promise.all([
    db.event.findMany({ select: { id: true, slug: true, title: true, titleEn: true }, orderBy: { startsAt: "desc" } }),
    db.series.findMany({ select: { id: true, slug: true, title: true, titleEn: true }, orderBy: { title: "asc" } }),
    db.firm.findMany({ select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } }),
  ]);
  return { events, series, firms };
}
