import { kysely, prepare } from "./query.server";

/** The writes of a call's review whose concurrency matters (app/models/case-review.server.ts). */

/** One score per assignment and criterion: concurrent saves land on the unique key, the last one wins. */
export const upsertScore = prepare((args: { id: string; assignmentId: string; criterionId: string; score: number; comment: string; at: string }) =>
  kysely
    .insertInto("CaseScore")
    .values({ id: args.id, assignmentId: args.assignmentId, criterionId: args.criterionId, score: args.score, comment: args.comment, updatedAt: args.at })
    .onConflict((conflict) => conflict.columns(["assignmentId", "criterionId"]).doUpdateSet({ score: args.score, comment: args.comment, updatedAt: args.at })),
);

export const setReviewComment = prepare((args: { id: string; comment: string }) => kysely.updateTable("CaseReviewAssignment").set({ comment: args.comment }).where("id", "=", args.id));

export const markReviewComplete = prepare((args: { id: string; at: string }) => kysely.updateTable("CaseReviewAssignment").set({ completedAt: args.at }).where("id", "=", args.id));

/** Records a decision only when it changes one (so a repeated click never mails twice). */
export const changeDecision = prepare((args: { id: string; decision: string; at: string; actorId: string }) =>
  kysely
    .updateTable("CaseSubmission")
    .set({ decision: args.decision as "TYPICAL", decidedAt: args.at, decidedById: args.actorId, updatedAt: args.at })
    .where("id", "=", args.id)
    .where((where) => where.or([where("decision", "is", null), where("decision", "!=", args.decision as "TYPICAL")])),
);
