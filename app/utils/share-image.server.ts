import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type satori from "satori";
import { loadSharp } from "./image.server";

/**
 * Share images (the event poster, link-preview cards) drawn on the server: satori lays out a tree of
 * elements into SVG, resvg rasterises it, sharp quantises the PNG to a palette so a poster stays well under
 * the 400 KB a chat app will forward without recompressing.
 *
 * The CJK face is Noto Sans SC from the @fontsource npm package (its WOFF files: satori cannot read WOFF2
 * or the .ttc collections Debian ships), so CI and every developer render with the same font the lockfile
 * pins. Its "chinese-simplified" subset carries the GB 2312 characters and Latin; the Latin file follows
 * for punctuation and letters the subset lacks.
 */
const fontFile = createRequire(import.meta.url);
const faces = [
  ["chinese-simplified", 400],
  ["chinese-simplified", 700],
  ["latin", 400],
  ["latin", 700],
] as const;

let loadedFonts: Parameters<typeof satori>[1]["fonts"] | null = null;

// One array for the life of the process: satori keeps its parsed fonts in a WeakMap keyed by this array.
function fonts() {
  loadedFonts ??= faces.map(([subset, weight]) => ({
    name: "Noto Sans SC",
    data: readFileSync(fontFile.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-${subset}-${weight}-normal.woff`)),
    weight,
    style: "normal" as const,
  }));
  return loadedFonts;
}

/** An element tree as satori reads it (React elements without React): `type`, `props.style`, `props.children`. */
export type ShareNode = {
  type: string;
  props: { style?: Record<string, string | number>; children?: ShareNode | string | (ShareNode | string | null)[]; src?: string; width?: number; height?: number };
};

export function node(type: string, style: Record<string, string | number>, children?: ShareNode["props"]["children"], attributes: Omit<ShareNode["props"], "style" | "children"> = {}): ShareNode {
  return { type, props: { style, children, ...attributes } };
}

// The three renderers load on the first image drawn: together they take about half a second to load, which
// every process importing this module (a server that never draws a poster, each test file) would pay.
export async function renderSharePng(tree: ShareNode, { width, height }: { width: number; height: number }): Promise<Buffer> {
  const [{ default: satori }, { Resvg }, sharp] = await Promise.all([import("satori"), import("@resvg/resvg-js"), loadSharp()]);
  const svg = await satori(tree as Parameters<typeof satori>[0], { width, height, fonts: fonts() });
  const png = new Resvg(svg, { fitTo: { mode: "width", value: width }, font: { loadSystemFonts: false } }).render().asPng();
  return sharp(png).png({ palette: true, quality: 90, effort: 4, compressionLevel: 9 }).toBuffer();
}

/** A stored image (an event cover) scaled and cropped to fill a box, as a data URL satori can draw. */
export async function coverDataUrl(bytes: Buffer, { width, height }: { width: number; height: number }): Promise<string> {
  const sharp = await loadSharp();
  const jpeg = await sharp(bytes).rotate().resize(width, height, { fit: "cover" }).jpeg({ quality: 82 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}
