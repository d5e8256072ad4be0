/**
 * A bilingual database field (`name` / `nameEn`, `city` / `cityEn` …) as a reader sees it. English readers get
 * the English text; where nobody has written one yet they get the Chinese text marked as a fallback, so a page
 * can say so (lang="zh-CN" and a small "中文" tag) instead of passing Chinese off as a translation.
 * Client-safe and free of the message catalogues: the locale is the reader's ("zh-CN" or "en").
 */
export type LocalizedText = { text: string; lang: "zh-CN" | "en"; fallback: boolean };

export function localizedText(locale: string, zh: string, en: string | null | undefined): LocalizedText {
  const english = en?.trim() ?? "";
  if (locale !== "en") return { text: zh, lang: "zh-CN", fallback: false };
  if (english) return { text: english, lang: "en", fallback: false };
  return { text: zh, lang: "zh-CN", fallback: zh.trim() !== "" };
}
