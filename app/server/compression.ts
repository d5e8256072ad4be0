import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import compression from "compression";
import type { NextFunction, Request, Response } from "express";

/**
 * Smaller answers for phones on slow networks (issue "light on phones").
 *
 * Built assets never change under their hashed names, so each is compressed once, at brotli's highest
 * quality, and the bytes are kept for the life of the process: a share storm of first visits costs no
 * compression work. Pages and JSON are compressed per answer by `compression` (brotli quality 4, fast),
 * except the check-in scan endpoints: their answers are a few hundred bytes that a scanner on the venue's
 * network needs at once, and the hot path (hot-endpoints.ts) answers them ahead of express anyway.
 */
const compressible = new Set([".js", ".css", ".svg", ".json", ".webmanifest", ".map"]);
const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".map": "application/json; charset=utf-8",
};

type Encoded = { br: Buffer; gzip: Buffer };

/**
 * Bytes compressed for one answer encoding. "max" for assets, compressed once per hashed name; "page" for
 * replayed pages: brotli 5 is within a few per cent of the best size for a page, at a few milliseconds once
 * per page and database state (quality 11 would take a tenth of a second of the only thread).
 */
export function compressed(bytes: Buffer, encoding: keyof Encoded, effort: "max" | "page"): Buffer {
  if (encoding === "gzip") return gzipSync(bytes, { level: effort === "max" ? 9 : 6 });
  const quality = effort === "max" ? constants.BROTLI_MAX_QUALITY : 5;
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

export function precompressedAssets(directory: string) {
  const encoded = new Map<string, Promise<Encoded | null>>();
  const load = (path: string) =>
    readFile(join(directory, path)).then(
      (bytes) => ({ br: compressed(bytes, "br", "max"), gzip: compressed(bytes, "gzip", "max") }),
      () => null,
    );
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const path = normalize(req.path);
    const extension = extname(path);
    if (!compressible.has(extension) || path.includes("..")) return next();
    const encoding = acceptedEncoding(req.headers["accept-encoding"]);
    if (!encoding) return next();
    let entry = encoded.get(path);
    if (!entry) {
      entry = load(path);
      encoded.set(path, entry);
    }
    entry
      .then((files) => {
        if (!files) return next();
        const body = files[encoding];
        res.setHeader("Content-Type", types[extension]!);
        res.setHeader("Content-Encoding", encoding);
        res.setHeader("Content-Length", String(body.length));
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        res.end(req.method === "HEAD" ? undefined : body);
      })
      .catch(next);
  };
}

export function acceptedEncoding(header: string | undefined): keyof Encoded | null {
  if (!header) return null;
  const offered = header.split(",").map((part) => part.trim().split(";"));
  const accepts = (name: string) => offered.some(([coding, quality]) => coding === name && !/q=0(\.0*)?$/.test(quality?.trim() ?? ""));
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

const scanPaths = /^\/api\/v1\/checkin(\/|$)/;

export function compressedAnswers() {
  return compression({
    filter: (req, res) => !scanPaths.test(req.path ?? req.url ?? "") && compression.filter(req, res),
  });
}
