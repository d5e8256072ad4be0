import type { FirmProfileFacts } from "./application-store.server";
import { kysely, prepare } from "./query.server";

/** Member firms (app/models/firm.server.ts): their name keys, their creation on approval, their contacts. */

/** Another firm holding this name key (`Firm.nameNormalized`'s unique index backs the check up). */
export const firmHoldingName = prepare((args: { nameKey: string; exceptFirmId: string | null }) =>
  kysely.selectFrom("Firm").select("id").where("nameNormalized", "=", args.nameKey).where("id", "is not", args.exceptFirmId),
);

export const firmWithCreditCode = prepare((args: { creditCode: string }) => kysely.selectFrom("Firm").select("id").where("creditCode", "=", args.creditCode));

/** Firms without a name key (created before the column existed, or by hand), oldest first. */
export const firmsWithoutNameKey = prepare((_args: Record<string, never>) => kysely.selectFrom("Firm").select(["id", "name"]).where("nameNormalized", "is", null).orderBy("createdAt").orderBy("id"));

export const setFirmNameKey = prepare((args: { id: string; nameKey: string }) =>
  kysely.updateTable("Firm").set({ nameNormalized: args.nameKey }).where("id", "=", args.id).where("nameNormalized", "is", null),
);

/** A member firm created from an approved application: active from `at`. */
export const insertMemberFirm = prepare((args: FirmProfileFacts & { id: string; programmeId: string; name: string; nameKey: string; creditCode: string; at: string }) =>
  kysely.insertInto("Firm").values({
    id: args.id,
    programmeId: args.programmeId,
    name: args.name,
    nameNormalized: args.nameKey,
    nameEn: "",
    creditCode: args.creditCode,
    founding: 0,
    industry: args.industry,
    city: args.city,
    website: args.website,
    size: args.size,
    description: "",
    offers: args.offers,
    needs: args.needs,
    status: "ACTIVE",
    memberSince: args.at,
    createdAt: args.at,
    updatedAt: args.at,
  }),
);

export const firmContactGrant = prepare((args: { firmId: string; userId: string }) =>
  kysely.selectFrom("RoleAssignment").select("id").where("firmId", "=", args.firmId).where("role", "=", "FIRM_CONTACT").where("userId", "=", args.userId),
);

export const firmContactCount = prepare((args: { firmId: string }) =>
  kysely
    .selectFrom("RoleAssignment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("firmId", "=", args.firmId)
    .where("role", "=", "FIRM_CONTACT"),
);

export const grantFirmContact = prepare((args: { id: string; userId: string; firmId: string; at: string; createdById: string | null }) =>
  kysely.insertInto("RoleAssignment").values({ id: args.id, userId: args.userId, role: "FIRM_CONTACT", firmId: args.firmId, createdAt: args.at, createdById: args.createdById }),
);

export const revokeFirmContact = prepare((args: { firmId: string; userId: string }) =>
  kysely.deleteFrom("RoleAssignment").where("firmId", "=", args.firmId).where("role", "=", "FIRM_CONTACT").where("userId", "=", args.userId),
);

/**
 * Published events a firm takes or took part in: it has a confirmed registration or a seat quota there. Newest
 * first, for the public firm page.
 */
export const eventsOfFirm = prepare((args: { firmId: string }) =>
  kysely
    .selectFrom("Event")
    .select(["Event.slug", "Event.title", "Event.titleEn", "Event.city", "Event.cityEn", "Event.startsAt", "Event.endsAt", "Event.timeZone"])
    .where("Event.status", "=", "PUBLISHED")
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("Registration")
            .select("Registration.id")
            .whereRef("Registration.eventId", "=", "Event.id")
            .where("Registration.firmId", "=", args.firmId)
            .where("Registration.status", "=", "CONFIRMED"),
        ),
        eb.exists(eb.selectFrom("FirmQuota").select("FirmQuota.id").whereRef("FirmQuota.eventId", "=", "Event.id").where("FirmQuota.firmId", "=", args.firmId)),
      ]),
    )
    .orderBy("Event.startsAt", "desc"),
);
