/**
 * The one comparison key for member firm names: two names with the same key are the same firm to a reader,
 * so no two members may share one. NFKC folds full-width letters, digits and brackets into their ASCII forms;
 * then case, every kind of white space (and invisible joiners) and the bracket style stop mattering.
 */
const openingBrackets = /[([{【〔〖〘〚]/gu;
const closingBrackets = /[)\]}】〕〗〙〛]/gu;
const spaceLike = /[\s\u200B-\u200D\u2060\uFEFF]/gu;

export function firmNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(spaceLike, "").replace(openingBrackets, "(").replace(closingBrackets, ")");
}
