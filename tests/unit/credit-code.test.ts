import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditCodeAlphabet, creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, normalizeCreditCode, withCheckCharacter } from "~/models/credit-code";

// Fictional codes: registration authority 9, type 1, division 110108, then a made-up organisation code.
const fictional17 = "91110108MA0000001";

describe("unified social credit code", () => {
  it("computes the check character with weights 3^i mod 31 (worked by hand)", () => {
    // Σ value·weight for 91110108MA0000001 with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28:
    // 9·1 + 1·3 + 1·9 + 1·27 + 0·19 + 1·26 + 0·16 + 8·17 + M(21)·20 + A(10)·29 + 0… + 1·28 = 948;
    // 948 mod 31 = 18, 31 − 18 = 13, the 14th character of the alphabet: D.
    const sum = 9 + 3 + 9 + 27 + 0 + 26 + 0 + 136 + 420 + 290 + 28;
    expect(sum).toBe(948);
    const expected = "D";
    expect(creditCodeAlphabet[(31 - (sum % 31)) % 31]).toBe(expected);
    expect(creditCodeCheckCharacter(fictional17)).toBe(expected);
    expect(isValidCreditCode(fictional17 + expected)).toBe(true);
  });

  it("accepts every code completed with its check character", () => {
    const char = fc.constantFrom(...creditCodeAlphabet);
    const digit = fc.constantFrom(..."0123456789");
    fc.assert(
      fc.property(fc.tuple(char, char), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 }), (head, division, rest) => {
        const code = withCheckCharacter(head.join("") + division.join("") + rest.join(""));
        expect(creditCodeProblem(code)).toBeNull();
      }),
    );
  });

  it("rejects every wrong check character", () => {
    const valid = withCheckCharacter(fictional17);
    for (const char of creditCodeAlphabet) {
      if (char === valid[17]) continue;
      expect(creditCodeProblem(fictional17 + char)).toBe("checkDigit");
    }
  });

  it("detects a single mistyped character", () => {
    const valid = withCheckCharacter(fictional17);
    const mistyped = valid.slice(0, 10) + (valid[10] === "1" ? "2" : "1") + valid.slice(11);
    expect(creditCodeProblem(mistyped)).toBe("checkDigit");
  });

  it("names what is wrong: length, letters outside the alphabet, a non-numeric division code", () => {
    expect(creditCodeProblem("91110108MA000000")).toBe("length");
    expect(creditCodeProblem("91110108MA000000IO")).toBe("characters");
    expect(creditCodeProblem("9111A108MA00000010")).toBe("division");
  });

  it("normalises full-width characters, lower case, spaces and dashes", () => {
    const valid = withCheckCharacter(fictional17);
    const typed = ` ${valid.slice(0, 8).toLowerCase()}-${valid.slice(8)} `.replace("9", "９");
    expect(normalizeCreditCode(typed)).toBe(valid);
    expect(isValidCreditCode(typed)).toBe(true);
  });
});
