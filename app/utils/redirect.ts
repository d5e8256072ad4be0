const probeOrigin = "http://redirect-check.invalid";

/**
 * Only same-site paths: "/admin" yes; "//evil.example", "https://…", "/\evil.example" no (open-redirect
 * guard). Control characters are refused too: browsers drop tabs and newlines from URLs, so "/\t/evil.example"
 * would become "//evil.example". The path comes back as the URL parser serialises it, percent-encoded
 * ("/。evil" → "/%E3%80%82evil"): a Location header carries only ASCII, and anything else made the redirect throw.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this test
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return fallback;
  const url = new URL(value, probeOrigin);
  if (url.origin !== probeOrigin) return fallback;
  return url.pathname + url.search + url.hash;
}
