/** sharp (libvips), loaded on the first image that needs it rather than by every process importing these rules. */
export const loadSharp = async () => (await import("sharp")).default;

/**
 * Uploaded images (firm logos, speaker photos) are decoded and written anew from their pixels, so what we
 * store and serve is only what was decoded: bytes after the image (a `<script>`, a ZIP), EXIF with the GPS
 * position, comments and colour profiles are gone, and a photo taken sideways is turned upright.
 *
 * The type is read from the first bytes (not the file name or the browser's claim) and must match what the
 * decoder finds, so formats we never meant to accept (SVG, TIFF, HEIF…) never reach a decoder. The size is
 * read from the header before decoding, so a decompression bomb (a tiny file of 400 megapixels) is refused
 * without allocating its pixels; `limitInputPixels` backs that up inside the decoder.
 */
export type UploadedImageType = "png" | "jpeg" | "webp" | "gif";

export type ImageRules = {
  accept: readonly UploadedImageType[];
  /** Largest and smallest accepted side, and most pixels, of the uploaded image. */
  maxSide: number;
  minSide?: number;
  maxPixels: number;
  /** Written as: PNG keeps transparency (logos); JPEG on white is compact for photos. */
  output: "png" | "jpeg";
  /** The stored image fits in a square of this side, aspect kept, never enlarged. */
  fitWithin: number;
};

export type ReencodedImage = { bytes: Buffer; width: number; height: number; contentType: string; extension: "png" | "jpg" };

export class ImageRejected extends Error {
  constructor(readonly reason: "not_image" | "dimensions") {
    super(reason === "not_image" ? "Not an accepted image" : "Image dimensions out of range");
  }
}

export function sniffImageType(bytes: Uint8Array): UploadedImageType | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "webp";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "gif";
  return null;
}

const decodeTimeoutSeconds = 10;

/** Checks the type from the first bytes and the size from the header, before any pixel is decoded. */
async function checkedHeader(bytes: Uint8Array, rules: Pick<ImageRules, "accept" | "maxSide" | "minSide" | "maxPixels">) {
  const type = sniffImageType(bytes);
  if (!type || !rules.accept.includes(type)) throw new ImageRejected("not_image");
  let width: number;
  let height: number;
  const sharp = await loadSharp();
  try {
    const header = await sharp(bytes, { limitInputPixels: rules.maxPixels }).metadata();
    if (header.format !== type) throw new ImageRejected("not_image");
    ({ width, height } = header);
  } catch (error) {
    throw error instanceof ImageRejected ? error : rejection(error);
  }
  if (Math.max(width, height) > rules.maxSide || Math.min(width, height) < (rules.minSide ?? 1) || width * height > rules.maxPixels) {
    throw new ImageRejected("dimensions");
  }
  return { width, height };
}

export async function reencodeImage(bytes: Uint8Array, rules: ImageRules): Promise<ReencodedImage> {
  await checkedHeader(bytes, rules);
  const sharp = await loadSharp();
  let pipeline = sharp(bytes, { limitInputPixels: rules.maxPixels })
    .timeout({ seconds: decodeTimeoutSeconds })
    .rotate()
    .resize({ width: rules.fitWithin, height: rules.fitWithin, fit: "inside", withoutEnlargement: true });
  pipeline = rules.output === "png" ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 85, mozjpeg: true });
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return rules.output === "png"
      ? { bytes: data, width: info.width, height: info.height, contentType: "image/png", extension: "png" }
      : { bytes: data, width: info.width, height: info.height, contentType: "image/jpeg", extension: "jpg" };
  } catch (error) {
    throw rejection(error);
  }
}

export type ResponsiveImageRules = Pick<ImageRules, "accept" | "maxSide" | "minSide" | "maxPixels"> & {
  /** The widths wanted; those wider than the upload are left out (never enlarged), its own width stands in. */
  widths: readonly number[];
};

export type ImageRendition = { width: number; height: number; format: "webp" | "avif"; bytes: Buffer };

/**
 * A photo for `<picture>`/`srcset` (event covers): decoded once, turned upright, and written anew as WebP and
 * AVIF in each of a few widths, with the same safeguards as `reencodeImage`.
 */
export async function responsiveRenditions(bytes: Uint8Array, rules: ResponsiveImageRules): Promise<ImageRendition[]> {
  const { width } = await checkedHeader(bytes, rules);
  const fitting = rules.widths.filter((candidate) => candidate <= width);
  const widths = fitting.length ? fitting : [width];
  const sharp = await loadSharp();
  try {
    const upright = await sharp(bytes, { limitInputPixels: rules.maxPixels })
      .timeout({ seconds: decodeTimeoutSeconds })
      .rotate()
      .flatten({ background: "#ffffff" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: upright.info.width, height: upright.info.height, channels: upright.info.channels } };
    const renditions: ImageRendition[] = [];
    for (const target of widths) {
      for (const format of ["webp", "avif"] as const) {
        const resized = sharp(upright.data, raw).resize({ width: target, withoutEnlargement: true });
        const encoded = format === "webp" ? resized.webp({ quality: 80, effort: 3 }) : resized.avif({ quality: 55, effort: 1 });
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
        renditions.push({ width: info.width, height: info.height, format, bytes: data });
      }
    }
    return renditions;
  } catch (error) {
    throw rejection(error);
  }
}

// A damaged or truncated file fails inside the decoder; only the pixel limit is about size.
function rejection(error: unknown): ImageRejected {
  return new ImageRejected(/pixel limit/i.test(String((error as Error)?.message)) ? "dimensions" : "not_image");
}
