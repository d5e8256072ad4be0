import type { Translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { localizedText } from "~/utils/localized";

/**
 * A bilingual database field on a page. For an English reader with no English text yet, the Chinese text is
 * shown as what it is: marked lang="zh-CN" (screen readers, fonts) with a small "中文" tag.
 */
export function Localized({ zh, en }: { zh: string; en: string | null | undefined }) {
  const value = localizedText(useLocale(), zh, en);
  return <FallbackText text={value.text} fallback={value.fallback} t={useT()} />;
}

/**
 * Text already chosen on the server (`localizedText`), with the same marking when it is a fallback. Takes the
 * translator as a prop, without hooks, so markup rendered once per agenda version can use it too.
 */
export function FallbackText({ text, fallback, t }: { text: string; fallback: boolean; t: Translate }) {
  if (!fallback) return <>{text}</>;
  return (
    <span lang="zh-CN" data-fallback="zh-CN">
      {text}{" "}
      <span title={t("localized.fallback.title")} className="ml-0.5 inline-block rounded border border-line-strong px-1 align-middle text-[0.65rem] font-normal leading-tight text-muted">
        {t("localized.fallback.tag")}
      </span>
    </span>
  );
}
