/**
 * Ticket codes as people and scanners hand them over. Codes are base64url (ticket.server.ts), so they never
 * contain whitespace: a code typed from the manage page in its printed groups, or pasted with a line break,
 * is the same code. Shared by the server (scan, search) and the scanner page (offline index lookup).
 */

/** A QR may carry a link instead of the bare code: take `?code=` or the last path segment; drop whitespace. */
export function normalizeTicketCode(raw: string): string {
  const code = raw.trim();
  if (!/^https?:\/\//i.test(code)) return code.replace(/\s+/g, "");
  try {
    const url = new URL(code);
    return url.searchParams.get("code") ?? url.pathname.split("/").filter(Boolean).pop() ?? code;
  } catch {
    return code;
  }
}

/** The code in groups of four, for reading aloud or typing at the door ("AbCd EfGh …"). */
export function groupTicketCode(code: string): string {
  return code.match(/.{1,4}/g)?.join(" ") ?? "";
}
