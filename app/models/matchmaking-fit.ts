import { localized, type Locale, type Translate } from "~/i18n";
import { sidesComplement, type MatchSideName } from "./matchmaking-rules";

/**
 * How well another participant of an event fits this one, with the reasons shown beside each suggestion:
 * complementary sides, the same industry, shared tags, and words of one's needs found in the other's offers
 * (both ways). Pure, so the ranking is tested without a database.
 */
export type FitSubject = { side: MatchSideName; offers: string; needs: string; tags: string[]; industry: { code: string; name: string; nameEn: string } | null };

export type FitReason = { kind: "complement" } | { kind: "industry"; name: string; nameEn: string } | { kind: "tags"; tags: string[] } | { kind: "keywords"; words: string[] };

const weights = { complement: 0.3, industry: 0.2, tag: 0.1, maxTags: 0.3, keyword: 0.05, maxKeywords: 0.2 };

export function suggestionFit(me: FitSubject, other: FitSubject): { score: number; reasons: FitReason[] } {
  const reasons: FitReason[] = [];
  let score = 0;
  if (sidesComplement(me.side, other.side)) {
    score += weights.complement;
    reasons.push({ kind: "complement" });
  }
  if (me.industry && other.industry && me.industry.code === other.industry.code) {
    score += weights.industry;
    reasons.push({ kind: "industry", name: me.industry.name, nameEn: me.industry.nameEn });
  }
  const mine = new Set(me.tags.map((tag) => tag.toLowerCase()));
  const tags = other.tags.filter((tag) => mine.has(tag.toLowerCase()));
  if (tags.length) {
    score += Math.min(weights.maxTags, tags.length * weights.tag);
    reasons.push({ kind: "tags", tags });
  }
  const words = [...new Set([...commonTerms(me.needs, other.offers), ...commonTerms(me.offers, other.needs)])].slice(0, 5);
  if (words.length) {
    score += Math.min(weights.maxKeywords, words.length * weights.keyword);
    reasons.push({ kind: "keywords", words });
  }
  return { score: Math.round(score * 100) / 100, reasons };
}

/**
 * Terms two texts share: Latin words of three letters or more, and for Chinese each run of at least two
 * characters cut into overlapping pairs (反欺诈 → 反欺, 欺诈); a pair inside a longer shared run is folded
 * into the longest run both texts contain.
 */
export function commonTerms(a: string, b: string): string[] {
  const termsOf = (text: string) => {
    const lower = text.toLowerCase();
    const words = lower.match(/[a-z][a-z0-9+#.-]{2,}/g) ?? [];
    const runs = lower.match(/\p{Script=Han}{2,}/gu) ?? [];
    return { words: new Set(words), runs };
  };
  const left = termsOf(a);
  const right = termsOf(b);
  const shared = [...left.words].filter((word) => right.words.has(word));
  const rightText = right.runs.join("|");
  for (const run of left.runs) {
    // The longest piece of this run (two characters at least) that the other text contains.
    let best = "";
    for (let start = 0; start < run.length - 1; start += 1) {
      for (let end = run.length; end - start >= 2 && end - start > best.length; end -= 1) {
        if (rightText.includes(run.slice(start, end))) {
          best = run.slice(start, end);
          break;
        }
      }
    }
    if (best && !shared.includes(best)) shared.push(best);
  }
  return shared;
}

/** The reasons as the reader sees them ("同属金融；共同标签：反欺诈、信贷审批"). */
export function describeFit(reasons: FitReason[], t: Translate, locale: Locale): string[] {
  const list = (items: string[]) => items.join(locale === "en" ? ", " : "、");
  return reasons.map((reason) => {
    if (reason.kind === "complement") return t("matchmaking.reason.complement");
    if (reason.kind === "industry") return t("matchmaking.reason.industry", { industry: localized(locale, reason.name, reason.nameEn) });
    if (reason.kind === "tags") return t("matchmaking.reason.tags", { tags: list(reason.tags) });
    return t("matchmaking.reason.keywords", { words: list(reason.words) });
  });
}
