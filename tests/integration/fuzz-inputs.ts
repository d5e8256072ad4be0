import fc from "fast-check";

/**
 * Shared generators for the fuzz tests: wrong types, huge strings, control characters, lone surrogates,
 * SQL and HTML injection strings. `xssMarkers` are what must never come back unescaped in a page.
 */
export const xssMarkers = ["<script>fuzzxss()</script>", `"><img src=x onerror=fuzzxss()>`];
export const containsRawMarkup = (html: string) => html.includes("<script>fuzzxss") || html.includes("<img src=x onerror=fuzzxss");

const nasty = fc.constantFrom(
  ...xssMarkers,
  "' OR 1=1; DROP TABLE Registration; --",
  "Robert'); DELETE FROM Event;--",
  "\u0000",
  "\u202e\u0000\u0007\u001b[31m",
  "\ud800",
  "\udfff\ud800x",
  "%00%ff",
  "${7*7}{{7*7}}",
  "../../etc/passwd",
  "null",
  "NaN",
  "1e309",
  " ",
  "\t\r\n",
  "😀".repeat(60),
  "a@b",
  "@example.org",
);
const control = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const huge = fc.integer({ min: 300, max: 30_000 }).map((n) => "長".repeat(n));
export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 4, arbitrary: nasty },
  { weight: 2, arbitrary: control },
  { weight: 1, arbitrary: huge },
);
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);
export const value = fc.oneof({ weight: 5, arbitrary: text }, { weight: 2, arbitrary: wrongType }, { weight: 1, arbitrary: fc.constant(undefined) });
/** Not an e-mail address, whatever else it is. */
export const badEmail = fc.oneof(
  value,
  text.map((t) => `${t} not an address`),
);

/** Raw bodies that are not valid UTF-8 (or not JSON at all). */
export const invalidUtf8 = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 600 }),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => Uint8Array.from([...Buffer.from('{"name":"'), 0xff, 0xfe, 0xc3, ...bytes, ...Buffer.from('"}')])),
);

/** Form fields are strings: anything becomes its string form (or the field is left out). */
export function formBody(fields: Record<string, unknown>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, raw] of Object.entries(fields)) {
    if (raw === undefined) continue;
    body.append(name, typeof raw === "string" ? raw : JSON.stringify(raw));
  }
  return body;
}

export const fuzzRuns = (base: number) => Math.max(5, Math.round(base * Number(process.env.FUZZ_SCALE ?? 1.5)));
