import type { BoardSide, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/models/store/connection.server";
import { fit, type Fit, type FitSide } from "./match-fit";

/**
 * The standing scenario board (/matchmaking): needs of demand-side organisations and offers of member firms,
 * public once an organizer approved them. What leaves this module for a reader never carries a post's
 * contact fields unless the reader may see them: the author, or the author of a post whose contact request
 * between the two was accepted.
 */

export type BoardFilter = { side?: BoardSide; industry?: string; scenario?: string; tag?: string; q?: string };

/** Tags are stored between commas (",反欺诈,信贷审批,") so that one LIKE finds a tag. */
export function storedTags(tags: string[]): string {
  const unique = [...new Set(tags.map((tag) => tag.normalize("NFKC").trim()).filter(Boolean))];
  return `,${unique.join(",")},`;
}

export function tagsOf(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}

const publicFields = {
  id: true,
  side: true,
  organizationName: true,
  organizationNameEn: true,
  title: true,
  titleEn: true,
  tags: true,
  description: true,
  descriptionEn: true,
  details: true,
  detailsEn: true,
  budgetMin: true,
  budgetMax: true,
  publishedAt: true,
  firm: { select: { id: true, name: true, nameEn: true } },
  industry: { select: { code: true, name: true, nameEn: true } },
  scenario: { select: { code: true, name: true, nameEn: true } },
} satisfies Prisma.BoardPostSelect;

type PublicRow = Prisma.BoardPostGetPayload<{ select: typeof publicFields }>;

function publicPost(row: PublicRow) {
  const { tags, publishedAt, ...rest } = row;
  return { ...rest, tags: tagsOf(tags), publishedAt: publishedAt?.toISOString() ?? null };
}
export type PublicBoardPost = ReturnType<typeof publicPost>;

function approvedWhere(filter: BoardFilter): Prisma.BoardPostWhereInput {
  const q = filter.q?.normalize("NFKC").trim();
  return {
    status: "APPROVED",
    ...(filter.side ? { side: filter.side } : {}),
    ...(filter.industry ? { industry: { code: filter.industry } } : {}),
    ...(filter.scenario ? { scenario: { code: filter.scenario } } : {}),
    ...(filter.tag ? { tags: { contains: `,${filter.tag.normalize("NFKC").trim()},` } } : {}),
    ...(q
      ? {
          OR: ["title", "titleEn", "description", "descriptionEn", "details", "detailsEn", "organizationName", "organizationNameEn", "tags"].map((field): Prisma.BoardPostWhereInput => ({
            [field]: { contains: q },
          })),
        }
      : {}),
  };
}

/** The approved posts that match the filter, newest first. */
export async function listBoardPosts(filter: BoardFilter = {}): Promise<PublicBoardPost[]> {
  const rows = await (await prisma()).boardPost.findMany({ where: approvedWhere(filter), orderBy: [{ publishedAt: "desc" }, { id: "asc" }], select: publicFields });
  return rows.map(publicPost);
}

/** Every tag of the approved posts, most used first (the filter's choices). */
export async function boardTagCounts(): Promise<{ tag: string; count: number }[]> {
  const rows = await (await prisma()).boardPost.findMany({ where: { status: "APPROVED" }, select: { tags: true } });
  const counts = new Map<string, number>();
  for (const row of rows) for (const tag of tagsOf(row.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

function fitSide(post: PublicBoardPost): FitSide {
  return {
    industryCode: post.industry?.code,
    scenarioCode: post.scenario?.code,
    tags: post.tags,
    text: [post.title, post.titleEn, post.description, post.descriptionEn, post.details, post.detailsEn].join("\n"),
  };
}

export type RankedPost = { post: PublicBoardPost; fit: Fit };

/** The approved posts of the other side that fit this one, best first (a need's offers, an offer's needs). */
export function rankCounterparts(post: PublicBoardPost, others: PublicBoardPost[], limit = 10): RankedPost[] {
  const own = fitSide(post);
  return others
    .filter((other) => other.side !== post.side && other.id !== post.id)
    .map((other, order) => {
      const otherSide = fitSide(other);
      return { post: other, fit: post.side === "NEED" ? fit(own, otherSide) : fit(otherSide, own), order };
    })
    .filter((entry) => entry.fit.score > 0)
    .sort((a, b) => b.fit.score - a.fit.score || a.order - b.order)
    .slice(0, limit)
    .map(({ post: other, fit: entryFit }) => ({ post: other, fit: entryFit }));
}

export type BoardContact = { name: string; email: string; phone: string };

/**
 * One post as a reader sees it: approved, or the reader's own (any state); its contact only for its author
 * and for the authors of posts whose contact request with it was accepted. Null when the reader may not see it.
 */
export async function boardPostForReader(postId: string, readerUserId: string | null) {
  const db = await prisma();
  const row = await db.boardPost.findUnique({
    where: { id: postId },
    select: { ...publicFields, status: true, authorUserId: true, rejectionReason: true, contactName: true, contactEmail: true, contactPhone: true },
  });
  if (!row) return null;
  const own = !!readerUserId && row.authorUserId === readerUserId;
  if (row.status !== "APPROVED" && !own) return null;
  const { status, authorUserId: _author, rejectionReason, contactName, contactEmail, contactPhone, ...fields } = row;
  const accepted = readerUserId && !own ? await acceptedBetween(postId, readerUserId) : false;
  const contact: BoardContact | null = own || accepted ? { name: contactName, email: contactEmail, phone: contactPhone } : null;
  return { post: publicPost(fields), status, own, rejectionReason: own ? rejectionReason : "", contact };
}

/** Whether a contact request between this post and a post of the reader was accepted (either direction). */
async function acceptedBetween(postId: string, readerUserId: string): Promise<boolean> {
  const found = await (
    await prisma()
  ).boardContactRequest.findFirst({
    where: {
      status: "ACCEPTED",
      OR: [
        { fromPostId: postId, toPost: { authorUserId: readerUserId } },
        { toPostId: postId, fromPost: { authorUserId: readerUserId } },
      ],
    },
    select: { id: true },
  });
  return !!found;
}
