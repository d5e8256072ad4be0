import { randomBytes } from "node:crypto";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { qrDataUrl, qrPng } from "~/utils/qrcode.server";
import { decodeQrDataUrl, decodeQrPng as decode } from "../support/qr";

describe("ticket QR image", () => {
  it("is a PNG any decoder reads back to the exact ticket code, for many codes", () => {
    for (let i = 0; i < 40; i++) {
      const code = randomBytes(18).toString("base64url");
      const { width, text } = decode(qrPng(code));
      expect(text).toBe(code);
      // Near the requested size with whole pixels per module, so phones at the door read it from a screen.
      expect(width).toBeGreaterThan(300);
      expect(width).toBeLessThanOrEqual(360);
    }
  });

  it("keeps a quiet zone and scales to the requested width", () => {
    const code = "a".repeat(24);
    const small = decode(qrPng(code, 120));
    expect(small.text).toBe(code);
    expect(small.width).toBeLessThanOrEqual(120);
    const image = PNG.sync.read(qrPng(code, 120));
    // The corner pixel lies in the margin: white.
    expect([...image.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it("is also what the manage page shows, as a data URL", () => {
    const code = randomBytes(18).toString("base64url");
    const url = qrDataUrl(code);
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    expect(decodeQrDataUrl(url)).toBe(code);
  });
});
