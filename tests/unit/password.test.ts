import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/utils/password.server";

describe("password hashing", () => {
  it("stores a salted scrypt hash, never the password, and verifies it", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("uses a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("treats equivalent Unicode forms as the same password (NFKC)", async () => {
    const hash = await hashPassword("ｐａｓｓｗｏｒｄ１２３４"); // full-width, as typed with a Chinese IME
    expect(await verifyPassword("password1234", hash)).toBe(true);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
    expect(await verifyPassword("x", "scrypt$32768$8$1$$")).toBe(false);
  });
});
