/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (digits and capital letters without I, O, S, V, Z); the 18th is a check character computed
 * from the first 17 with the weights 3^i mod 31. Positions 3–8 are the administrative division code.
 */
export const creditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const weights = Array.from({ length: 17 }, (_, index) => {
  let weight = 1;
  for (let step = 0; step < index; step += 1) weight = (weight * 3) % 31;
  return weight;
});

/** Upper-cases, turns full-width characters into ASCII and drops spaces and dashes people paste in. */
export function normalizeCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, "")
    .toUpperCase();
}

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = creditCodeAlphabet.indexOf(first17[index]);
    if (value < 0) return null;
    sum += value * weights[index];
  }
  return creditCodeAlphabet[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = "length" | "characters" | "division" | "checkDigit";

/** Why a (normalised) code is not valid, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return "length";
  if ([...code].some((char) => !creditCodeAlphabet.includes(char))) return "characters";
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "division";
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return "checkDigit";
  return null;
}

export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(normalizeCreditCode(input)) === null;
}

/** Completes 17 characters with their check character (tests and demo data make fictional codes this way). */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (!check) throw new Error(`Not 17 characters of the credit-code alphabet: ${first17}`);
  return first17 + check;
}
