/**
 * Each feature keeps its messages in app/i18n/messages/<feature>.ts. zh-CN is the source of truth; the type
 * makes `en` list exactly the same keys, so a missing translation fails the type check (and a test).
 */
export function defineMessages<const Zh extends Record<string, string>>(messages: { "zh-CN": Zh; en: { [K in keyof Zh]: string } }) {
  return messages;
}
