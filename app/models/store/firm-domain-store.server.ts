import { kysely, prepare } from "./query.server";

/** The mail domains organizers registered for firms: whose reserved seats an address uses (issue 12 §3). */
export const domainOwner = prepare((args: { domain: string }) => kysely.selectFrom("FirmEmailDomain").select("firmId").where("domain", "=", args.domain));

export const firmExists = prepare((args: { id: string }) => kysely.selectFrom("Firm").select("id").where("id", "=", args.id));

export const insertFirmEmailDomain = prepare((args: { id: string; firmId: string; domain: string; createdAt: string; createdById: string | null }) =>
  kysely.insertInto("FirmEmailDomain").values({ id: args.id, firmId: args.firmId, domain: args.domain, createdAt: args.createdAt, createdById: args.createdById }),
);

export const activeFirm = prepare((args: { id: string }) => kysely.selectFrom("Firm").select(["id", "nameNormalized"]).where("id", "=", args.id).where("status", "=", "ACTIVE"));

export const activeFirmOfDomain = prepare((args: { domain: string }) =>
  kysely.selectFrom("FirmEmailDomain as d").innerJoin("Firm as f", "f.id", "d.firmId").select("d.firmId").where("d.domain", "=", args.domain).where("f.status", "=", "ACTIVE"),
);
