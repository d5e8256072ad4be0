import { createHash, randomBytes } from "node:crypto";

/** A URL-safe secret of `bytes` random bytes (default 128 bits, DESIGN.md §4.3). */
export function randomSecret(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

/** Secrets (session ids, tokens, manage links) are stored only as their SHA-256. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
