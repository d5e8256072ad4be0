import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "./env.server";

/**
 * Secrets the server must use again (webhook signing keys), unlike tokens, which it only compares and so
 * keeps hashed (secrets.server.ts). They are stored sealed with AES-256-GCM under a key derived from
 * SESSION_SECRET, so a copy of the database alone does not reveal them. Changing SESSION_SECRET makes
 * sealed secrets unreadable: their holders must be re-created.
 */
function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", env().SESSION_SECRET, "", `sealed-secret:${purpose}`, 32));
}

export function seal(purpose: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The secret, or null when it was sealed under another SESSION_SECRET (or tampered with). */
export function unseal(purpose: string, stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
