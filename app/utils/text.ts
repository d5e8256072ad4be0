import { z } from "zod";

/**
 * One rule for text people type (names, titles, notes) and one for text we write out (XML, ICS, CSV, mail
 * headers). Client-safe: the browser validates with the same schemas.
 *
 * Input is normalised to NFC and trimmed (zero-width leftovers at either end too). Characters that would
 * hide or garble the text elsewhere are refused, not silently dropped, so the person sees what to fix: C0/C1
 * controls (tab and line breaks only in long text), bidi overrides and isolates (they make a name read
 * backwards in lists and exports), noncharacters (U+FFFE made schedule.xml ill-formed) and lone surrogates.
 * Text made only of invisible characters counts as empty, so a required field refuses it.
 */

const lineBreaks = "\\n\\r\\u2028\\u2029";
const otherControls = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";
const bidiControls = "\\u202A-\\u202E\\u2066-\\u2069";
const codePoint = (value: number) => `\\u{${value.toString(16)}}`;
const planeEndNoncharacters = Array.from({ length: 17 }, (_, plane) => codePoint(plane * 0x10000 + 0xfffe) + codePoint(plane * 0x10000 + 0xffff)).join("");
const noncharacters = `\\uFDD0-\\uFDEF${planeEndNoncharacters}`;
// With the u flag a surrogate pair is one code point, so this class matches only unpaired halves.
const loneSurrogates = "\\uD800-\\uDFFF";

// Characters with no visible form of their own: zero-width space/joiners, word joiner, BOM, soft hyphen,
// invisible operators, Hangul fillers, variation selectors, tags. Meaningful between letters, never alone.
const invisible =
  "\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\u{E0000}-\\u{E007F}\\u{E0100}-\\u{E01EF}";

const refusedInShortText = new RegExp(`[\\t${lineBreaks}${otherControls}${bidiControls}${noncharacters}${loneSurrogates}]`, "u");
const refusedInLongText = new RegExp(`[${otherControls}${bidiControls}${noncharacters}${loneSurrogates}]`, "u");
// eslint-disable-next-line no-misleading-character-class -- each code point is its own member here; U+034F is a combining mark listed alone, not joined to U+00AD
const onlyInvisible = new RegExp(`^[\\s${invisible}]*$`, "u");
// Zero-width characters only mean something between letters; at either end they are leftovers of copy and paste.
const edgeInvisible = /^[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+|[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+$/g;

export type TextProblem = "validation.hiddenCharacter";

/** The stored form of typed text, or the problem to show at the field. Long text keeps tabs and line breaks (as \n). */
export function normalizeText(value: string, { multiline = false }: { multiline?: boolean } = {}): { text: string } | { problem: TextProblem } {
  const unified = multiline ? value.replace(/\r\n?|[\u2028\u2029]/g, "\n") : value;
  if ((multiline ? refusedInLongText : refusedInShortText).test(unified)) return { problem: "validation.hiddenCharacter" };
  const text = unified.normalize("NFC").replace(edgeInvisible, "");
  return { text: onlyInvisible.test(text) ? "" : text };
}

type TextOptions = { multiline?: boolean; tooLong?: string };

function textSchema(max: number, required: boolean, { multiline = false, tooLong = `validation.tooLong|${max}` }: TextOptions) {
  // Conform reads an empty string as "missing" on both sides of the pipe: text that normalises to nothing too.
  const typed = z.string({ required_error: "validation.required" });
  const bounds = required
    ? typed.min(1, "validation.required").max(max, tooLong)
    : typed
        .max(max, tooLong)
        .optional()
        .transform((value) => value ?? "");
  return z
    .string({ required_error: "validation.required", invalid_type_error: "validation.invalid" })
    .transform((value, context) => {
      const result = normalizeText(value, { multiline });
      if ("problem" in result) {
        context.addIssue({ code: "custom", message: result.problem });
        return z.NEVER;
      }
      return result.text;
    })
    .pipe(bounds);
}

/** A required one-line text field (name, title): empty, blank or invisible-only text is refused. */
export const zText = (max: number, options: TextOptions = {}) => textSchema(max, true, options);

/** An optional one-line text field; absent or blank becomes "". */
export const zOptionalText = (max: number, options: TextOptions = {}) => textSchema(max, false, options).default("");

/** An optional multi-line text field (description, note, message); absent or blank becomes "". */
export const zLongText = (max: number, options: Omit<TextOptions, "multiline"> = {}) => textSchema(max, false, { ...options, multiline: true }).default("");

/** A required multi-line text field. */
export const zRequiredLongText = (max: number, options: Omit<TextOptions, "multiline"> = {}) => textSchema(max, true, { ...options, multiline: true });

const uncarriable = new RegExp(`[${otherControls}${bidiControls}${noncharacters}${loneSurrogates}]`, "gu");

/**
 * Text as an output format can carry it: drops controls other than tab and line breaks, bidi overrides,
 * noncharacters and lone surrogates (what XML 1.0 forbids or readers choke on). For rows stored before the
 * input rule existed, and for anything that did not come through a form.
 */
export function printableText(value: string): string {
  return value.replace(uncarriable, "");
}

/** One line for a mail header (subject, display name): no CR/LF to inject headers, nothing unprintable. */
export function headerText(value: string): string {
  return printableText(value)
    .replace(/[\t\n\r\u2028\u2029]+/g, " ")
    .trim();
}
