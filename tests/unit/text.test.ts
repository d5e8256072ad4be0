import { describe, expect, it } from "vitest";
import { headerText, normalizeText, printableText, zLongText, zOptionalText, zText } from "~/utils/text";

const hidden = { problem: "validation.hiddenCharacter" };

describe("typed text", () => {
  it("is NFC and trimmed of spaces and zero-width leftovers, keeping joiners and emoji inside", () => {
    expect(normalizeText("  Zoe\u0301\u200B ")).toEqual({ text: "Zoé" });
    expect(normalizeText("\u3000👩\u200D💻 ❤️")).toEqual({ text: "👩\u200D💻 ❤️" });
    expect(normalizeText("\u200B\u200C\u200D\u2060\uFEFF\u00AD")).toEqual({ text: "" });
  });

  it("refuses controls, bidi overrides and isolates, noncharacters and lone surrogates; tab and line breaks only in long text", () => {
    for (const value of ["a\u0000b", "a\u001Bb", "a\u0085b", "\u202Eabc", "a\u2066b\u2069", "a\uFFFE", "a\uFFFF", "a\uFDD0", "a\u{10FFFF}", "a\uD800"]) {
      expect(normalizeText(value)).toEqual(hidden);
      expect(normalizeText(value, { multiline: true })).toEqual(hidden);
    }
    expect(normalizeText("a\tb")).toEqual(hidden);
    expect(normalizeText("a\nb")).toEqual(hidden);
    expect(normalizeText("a\r\n\tb\rc", { multiline: true })).toEqual({ text: "a\n\tb\nc" });
  });

  it("gives schemas one shape: required, optional and long text", () => {
    expect(zText(5).safeParse("\u200B").error?.issues[0].message).toBe("validation.required");
    expect(zText(5).safeParse("123456").error?.issues[0].message).toBe("validation.tooLong|5");
    expect(zText(5, { tooLong: "agenda.validation.tooLong" }).safeParse("123456").error?.issues[0].message).toBe("agenda.validation.tooLong");
    expect(zText(5).safeParse(undefined).error?.issues[0].message).toBe("validation.required");
    expect(zOptionalText(5).parse(undefined)).toBe("");
    expect(zLongText(50).parse(" 第一行\r\n第二行 ")).toBe("第一行\n第二行");
  });
});

describe("text written out", () => {
  it("drops what XML, iCalendar and CSV cannot carry and keeps line breaks", () => {
    expect(printableText("Agents\uFFFE and\u0001 tools\u202E\n2")).toBe("Agents and tools\n2");
  });

  it("keeps a mail header on one line", () => {
    expect(headerText("Hello\r\nBcc: someone@example.org")).toBe("Hello Bcc: someone@example.org");
  });
});
