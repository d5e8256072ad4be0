const probeOrigin = "http://redirect-check.invalid";

/**
 * Only same-site paths: "/admin" yes; "//evil.example", "https://…", "/\evil.example" no (open-redirect
 * guard). Control characters are refused too: browsers drop tabs and newlines from URLs, so "/\t/evil.example"
 * would become "//evil.example".
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return fallback;
  if (new URL(value, probeOrigin).origin !== probeOrigin) return fallback;
  return value;
}
