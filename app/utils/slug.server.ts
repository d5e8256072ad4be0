import { pinyin } from "pinyin-pro";

/**
 * A URL name proposed from an event's titles: the English title when it has one, else the Chinese title in
 * toneless pinyin, one syllable per hyphenated part (智能体深度行 → zhi-neng-ti-shen-du-xing), as Chinese
 * sites usually spell them. Null when neither title gives three letters or digits.
 */
export function slugFromTitles({ title, titleEn }: { title: string; titleEn?: string | null }, maxLength = 60): string | null {
  const fromEnglish = slugify(titleEn ?? "");
  if (fromEnglish.length >= 3) return shorten(fromEnglish, maxLength);
  const syllables = pinyin(title, { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const fromPinyin = slugify(syllables.join(" "));
  return fromPinyin.length >= 3 ? shorten(fromPinyin, maxLength) : null;
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Cut at a hyphen, so no syllable or word is broken. */
function shorten(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen >= 3 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength);
}
