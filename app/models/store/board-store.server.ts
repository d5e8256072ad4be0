import { kysely, prepare } from "./query.server";

/**
 * The scenario board's writes (issue 18 §1). Each state change is one guarded UPDATE: a post is moderated
 * only while it is pending, a contact request decided only while it is pending and only by the author of the
 * post it was sent to, so two clicks (or two moderators) never both win.
 */

type PostFields = {
  side: "NEED" | "OFFER";
  firmId: string | null;
  organizationName: string;
  organizationNameEn: string;
  title: string;
  titleEn: string;
  industryId: string | null;
  scenarioId: string | null;
  tags: string;
  description: string;
  descriptionEn: string;
  details: string;
  detailsEn: string;
  budgetMin: number | null;
  budgetMax: number | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

/** The columns an author writes, the same for a new post and an edit (each argument named, as `prepare` needs). */
function postColumns(args: PostFields): PostFields {
  return {
    side: args.side,
    firmId: args.firmId,
    organizationName: args.organizationName,
    organizationNameEn: args.organizationNameEn,
    title: args.title,
    titleEn: args.titleEn,
    industryId: args.industryId,
    scenarioId: args.scenarioId,
    tags: args.tags,
    description: args.description,
    descriptionEn: args.descriptionEn,
    details: args.details,
    detailsEn: args.detailsEn,
    budgetMin: args.budgetMin,
    budgetMax: args.budgetMax,
    contactName: args.contactName,
    contactEmail: args.contactEmail,
    contactPhone: args.contactPhone,
  };
}

export const insertPost = prepare((args: PostFields & { id: string; authorUserId: string; now: string }) =>
  kysely.insertInto("BoardPost").values({
    id: args.id,
    ...postColumns(args),
    status: "PENDING",
    authorUserId: args.authorUserId,
    createdAt: args.now,
    updatedAt: args.now,
  }),
);

/** An edit by its author puts the post back in review: it leaves the board until approved again. */
export const updateOwnPost = prepare((args: PostFields & { id: string; authorUserId: string; now: string }) =>
  kysely
    .updateTable("BoardPost")
    .set({
      ...postColumns(args),
      status: "PENDING",
      rejectionReason: "",
      reviewedAt: null,
      reviewedById: null,
      publishedAt: null,
      updatedAt: args.now,
    })
    .where("id", "=", args.id)
    .where("authorUserId", "=", args.authorUserId),
);

export const industryIdByCode = prepare((args: { code: string }) => kysely.selectFrom("Industry").select("id").where("code", "=", args.code));
export const scenarioIdByCode = prepare((args: { code: string }) => kysely.selectFrom("Scenario").select("id").where("code", "=", args.code));

export const approvePost = prepare((args: { id: string; reviewerId: string; now: string }) =>
  kysely
    .updateTable("BoardPost")
    .set({ status: "APPROVED", reviewedAt: args.now, reviewedById: args.reviewerId, rejectionReason: "", publishedAt: args.now, updatedAt: args.now })
    .where("id", "=", args.id)
    .where("status", "=", "PENDING"),
);

export const rejectPost = prepare((args: { id: string; reviewerId: string; reason: string; now: string }) =>
  kysely
    .updateTable("BoardPost")
    .set({ status: "REJECTED", reviewedAt: args.now, reviewedById: args.reviewerId, rejectionReason: args.reason, publishedAt: null, updatedAt: args.now })
    .where("id", "=", args.id)
    .where("status", "=", "PENDING"),
);

/** The post's author and what an e-mail about it names. */
export const postWithAuthor = prepare((args: { id: string }) =>
  kysely
    .selectFrom("BoardPost")
    .leftJoin("User", "User.id", "BoardPost.authorUserId")
    .select([
      "BoardPost.id",
      "BoardPost.status",
      "BoardPost.side",
      "BoardPost.title",
      "BoardPost.titleEn",
      "BoardPost.organizationName",
      "BoardPost.organizationNameEn",
      "BoardPost.authorUserId",
      "BoardPost.contactEmail",
      "BoardPost.contactName",
    ])
    .select(["User.email as authorEmail", "User.name as authorName", "User.locale as authorLocale"])
    .where("BoardPost.id", "=", args.id),
);

/** A second request between the same two posts is refused by the unique key, not read-then-written. */
export const insertContactRequest = prepare((args: { id: string; fromPostId: string; toPostId: string; message: string; now: string }) =>
  kysely
    .insertInto("BoardContactRequest")
    .values({ id: args.id, fromPostId: args.fromPostId, toPostId: args.toPostId, message: args.message, status: "PENDING", createdAt: args.now })
    .onConflict((conflict) => conflict.columns(["fromPostId", "toPostId"]).doNothing()),
);

export const contactRequestById = prepare((args: { id: string }) =>
  kysely
    .selectFrom("BoardContactRequest")
    .innerJoin("BoardPost as toPost", "toPost.id", "BoardContactRequest.toPostId")
    .select(["BoardContactRequest.id", "BoardContactRequest.fromPostId", "BoardContactRequest.toPostId", "BoardContactRequest.status", "toPost.authorUserId as toAuthorUserId"])
    .where("BoardContactRequest.id", "=", args.id),
);

export const decideContactRequest = prepare((args: { id: string; status: "ACCEPTED" | "DECLINED"; now: string }) =>
  kysely.updateTable("BoardContactRequest").set({ status: args.status, decidedAt: args.now }).where("id", "=", args.id).where("status", "=", "PENDING"),
);
