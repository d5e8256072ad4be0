import { createHash } from "node:crypto";
import { catalog, type Locale } from "./index";

const scripts = new Map<Locale, { path: string; body: string }>();

/**
 * One language's messages as a classic script for the browser. Its address carries a hash of its content,
 * so it is cached for good and a new deployment's messages get a new address.
 */
export function catalogScript(locale: Locale): { path: string; body: string } {
  let script = scripts.get(locale);
  if (!script) {
    const json = JSON.stringify(catalog(locale));
    const version = createHash("sha256").update(json).digest("hex").slice(0, 12);
    script = { path: `/i18n/${locale}.${version}.js`, body: `window.__messages = window.__messages || {};\nwindow.__messages[${JSON.stringify(locale)}] = ${json};\n` };
    scripts.set(locale, script);
  }
  return script;
}
