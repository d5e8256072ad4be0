import type { Locale } from "../i18n";

/**
 * How well one side's offer fits another side's need (the scenario board and event matchmaking), without any
 * I/O: same industry, same scenario, overlap of tags and similarity of the texts. Chinese text has no spaces,
 * so it is compared by character bigrams; Latin text by words. Deterministic, and cheap enough to rank
 * hundreds of pairs per page: each side is analysed once (cached per object) however many pairs it is in.
 */

export type FitSide = { industryCode?: string | null; scenarioCode?: string | null; tags: string[]; text: string };

export type Fit = { score: number; sameIndustry: boolean; sameScenario: boolean; sharedTags: string[]; keywords: string[] };

/** How much each signal weighs in the score; they add up to 1. */
export const fitWeights = { industry: 0.2, scenario: 0.2, tags: 0.3, text: 0.3 } as const;

export const maxKeywords = 3;

/** Words and bigrams that say nothing about a scenario (they appear in nearly every post). */
const stopTerms = new Set([
  ..."我们 你们 需要 提供 进行 通过 以及 可以 能够 相关 实现 支持 用于 一个 一套 目前 现有 希望 主要 包括 具有 服务 系统 平台 能力 技术 解决 方案 企业 公司 项目 产品 应用 场景 业务 问题 数据".split(
    " ",
  ),
  ..."the and for with from that this our your are was were has have can will into over not all any per via using use based".split(" "),
]);

const hanRun = /\p{Script=Han}+/gu;
const wordRun = /[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}+#.-]*/gu;

/** A tag or a text as compared: NFKC (full-width letters and digits become ASCII), lower case, single spaces. */
export function normaliseTerm(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Characters that glue phrases together ("的", "与"): a shared phrase never starts or ends with one. */
const particles = /^[的了和与及在是为对把被将从向等并或而其之]+|[的了和与及在是为对把被将从向等并或而其之]+$/gu;

type Analysed = { tags: Set<string>; terms: Map<string, number>; norm: number; hanRuns: { run: string; bigrams: string[] }[]; words: string[] };

const analysed = new WeakMap<FitSide, Analysed>();

function analyse(side: FitSide): Analysed {
  const cached = analysed.get(side);
  if (cached) return cached;
  const text = normaliseTerm(side.text);
  const terms = new Map<string, number>();
  const add = (term: string) => {
    if (!stopTerms.has(term)) terms.set(term, (terms.get(term) ?? 0) + 1);
  };
  const hanRuns = (text.match(hanRun) ?? []).map((run) => ({ run, bigrams: Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)) }));
  for (const { run, bigrams } of hanRuns) {
    if (run.length === 1) add(run);
    for (const bigram of bigrams) add(bigram);
  }
  const words = (text.match(wordRun) ?? []).map((word) => word.replace(/[.-]+$/, "")).filter((word) => word.length >= 2);
  for (const word of words) add(word);
  let squares = 0;
  for (const count of terms.values()) squares += count * count;
  const tags = new Set(side.tags.map(normaliseTerm).filter(Boolean));
  const result = { tags, terms, norm: Math.sqrt(squares), hanRuns, words };
  analysed.set(side, result);
  return result;
}

function cosine(a: Analysed, b: Analysed): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  let dot = 0;
  for (const [term, count] of small) dot += count * (large.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

/**
 * The shared phrases of the need's text, longest first: consecutive shared bigrams of a Chinese run merge
 * into one phrase ("反欺" + "欺诈" → "反欺诈"), Latin words count when both texts have them.
 */
function sharedPhrases(need: Analysed, offer: Analysed): string[] {
  const phrases: string[] = [];
  for (const { run, bigrams } of need.hanRuns) {
    let start = -1;
    for (let i = 0; i <= bigrams.length; i++) {
      const shared = i < bigrams.length && offer.terms.has(bigrams[i]!);
      if (shared && start < 0) start = i;
      if (!shared && start >= 0) {
        const phrase = run.slice(start, i + 1).replace(particles, "");
        if (phrase.length >= 2) phrases.push(phrase);
        start = -1;
      }
    }
  }
  for (const word of need.words) if (word.length >= 3 && offer.terms.has(word)) phrases.push(word);
  const seen = new Set<string>();
  return phrases
    .filter((phrase) => !stopTerms.has(phrase) && !seen.has(phrase) && seen.add(phrase))
    .map((phrase, order) => ({ phrase, order }))
    .sort((a, b) => b.phrase.length - a.phrase.length || a.order - b.order)
    .map(({ phrase }) => phrase);
}

export function fit(need: FitSide, offer: FitSide): Fit {
  const a = analyse(need);
  const b = analyse(offer);
  const sameIndustry = !!need.industryCode && need.industryCode === offer.industryCode;
  const sameScenario = !!need.scenarioCode && need.scenarioCode === offer.scenarioCode;
  const sharedTags = [...a.tags].filter((tag) => b.tags.has(tag));
  const union = a.tags.size + b.tags.size - sharedTags.length;
  const jaccard = union === 0 ? 0 : sharedTags.length / union;
  const text = cosine(a, b);
  const raw = fitWeights.industry * +sameIndustry + fitWeights.scenario * +sameScenario + fitWeights.tags * jaccard + fitWeights.text * text;
  const keywords = [...sharedTags];
  for (const phrase of text > 0 && sharedTags.length < maxKeywords ? sharedPhrases(a, b) : []) {
    if (keywords.length >= maxKeywords) break;
    if (!keywords.some((keyword) => keyword.includes(phrase) || phrase.includes(keyword))) keywords.push(phrase);
  }
  return { score: Math.round(Math.min(1, raw) * 1000) / 1000, sameIndustry, sameScenario, sharedTags, keywords: keywords.slice(0, maxKeywords) };
}

/** Offers (or needs) best first; ties keep their given order, so a page reads the same on every load. */
export function rankByFit<T>(need: FitSide, candidates: readonly T[], sideOf: (candidate: T) => FitSide, minScore = 0): { candidate: T; fit: Fit }[] {
  return candidates
    .map((candidate, order) => ({ candidate, fit: fit(need, sideOf(candidate)), order }))
    .filter((entry) => entry.fit.score > minScore)
    .sort((x, y) => y.fit.score - x.fit.score || x.order - y.order)
    .map(({ candidate, fit: entryFit }) => ({ candidate, fit: entryFit }));
}

export type FitLabels = { industry?: string | null; scenario?: string | null };

/** "Risk control" reads "risk control" inside an English sentence; acronyms ("AI") keep their capitals. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/**
 * Why the pair fits, in one line: "同属金融·智能风控；关键词：反欺诈、信贷审批" / "Both finance · risk control;
 * keywords: anti-fraud, credit approval". Empty when nothing is shared. Labels are the taxonomy terms in the
 * reader's language, given only when the pair shares them.
 */
export function fitReason(result: Fit, labels: FitLabels, locale: Locale): string {
  const shared = [result.sameIndustry ? labels.industry : null, result.sameScenario ? labels.scenario : null].filter((label): label is string => !!label);
  if (locale === "zh-CN") {
    const parts = [shared.length ? `同属${shared.join("·")}` : "", result.keywords.length ? `关键词：${result.keywords.join("、")}` : ""];
    return parts.filter(Boolean).join("；");
  }
  const both = shared.length ? `Both ${shared.map(inSentence).join(" · ")}` : "";
  const keywords = result.keywords.length ? `${both ? "keywords" : "Keywords"}: ${result.keywords.join(", ")}` : "";
  return [both, keywords].filter(Boolean).join("; ");
}
