import { defineMessages } from "../define";

/** The marker on a database text shown in Chinese to an English reader because its English field is empty. */
export const localization = defineMessages({
  "zh-CN": {
    "localized.fallback.tag": "中文",
    "localized.fallback.title": "尚无英文版本，显示中文原文",
    "localized.englishField": "{field}（英文）",
    // Punctuation around text the code puts together, in the reader's typography.
    "punctuation.label": "{label}：",
    "punctuation.aside": "（{text}）",
    "punctuation.listSeparator": "；",
    "punctuation.nameSeparator": "、",
  },
  en: {
    "localized.fallback.tag": "中文",
    "localized.fallback.title": "No English version yet: shown in Chinese",
    "localized.englishField": "{field} (English)",
    "punctuation.label": "{label}: ",
    "punctuation.aside": " ({text})",
    "punctuation.listSeparator": "; ",
    "punctuation.nameSeparator": "; ",
  },
});
