import { describe, expect, it } from "vitest";

// Every message file, including ones added later: nothing to register here.
const files = import.meta.glob<Record<string, { "zh-CN": Record<string, string>; en: Record<string, string> }>>("../../app/i18n/messages/*.ts", { eager: true });

// Full-width punctuation belongs to Chinese text: English text says "Host:" not "Host：". Curly quotes are
// not on the list: Chinese and English share those code points, and “…” is correct English.
const fullWidth = /[：，。（）！？；、「」『』【】《》]/u;

describe("English messages", () => {
  it("are found", () => {
    expect(Object.keys(files).length).toBeGreaterThan(5);
  });

  for (const [path, module] of Object.entries(files)) {
    const name = path.split("/").pop();
    it(`${name}: no Chinese punctuation in English text`, () => {
      const offenders = Object.values(module).flatMap((messages) => Object.entries(messages.en ?? {}).flatMap(([key, text]) => (fullWidth.test(text) ? [`${key}: ${text}`] : [])));
      expect(offenders).toEqual([]);
    });
  }
});
