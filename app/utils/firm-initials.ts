/**
 * The letters a firm's logo card shows when it has no logo: the first two Han characters of a Chinese name
 * (a bracketed part such as "（演示）" dropped), or the initials of the first two words
 * of a Latin one.
 */
export function firmInitials(name: string): string {
  const bare = name.replace(/[（(][^）)]*[）)]/g, "").trim();
  const han = bare.match(/\p{Script=Han}/gu);
  if (han && han.length > 0) return han.slice(0, 2).join("");
  const words = bare.split(/[\s\-_.,&]+/).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");
}
