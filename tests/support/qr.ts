import jsQR from "jsqr";
import { PNG } from "pngjs";

/** Reads a QR PNG the way a scanner would (jsQR on the decoded pixels): its text and the image width. */
export function decodeQrPng(png: Buffer): { text: string | null; width: number } {
  const image = PNG.sync.read(png);
  return { text: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null, width: image.width };
}

/** The same for a `data:image/png;base64,…` URL (the ticket page inlines its QR that way). */
export function decodeQrDataUrl(dataUrl: string): string | null {
  return decodeQrPng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64")).text;
}
