/**
 * What an uploaded file is, read from its bytes (magic numbers), never from its name or the browser's claim.
 * DOCX and PPTX are ZIP packages: they count as such only when the package holds `[Content_Types].xml` and
 * the part folder of their kind (`word/` or `ppt/`).
 */
export const caseFileTypes = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  png: "image/png",
  jpeg: "image/jpeg",
} as const;

export type CaseFileType = keyof typeof caseFileTypes;

const extensions: Record<CaseFileType, readonly string[]> = { pdf: ["pdf"], docx: ["docx"], pptx: ["pptx"], png: ["png"], jpeg: ["jpg", "jpeg"] };

/**
 * Whether a file's name agrees with what its bytes are: a name ending in another type's extension (a PDF
 * renamed "diagram.png") is refused, so nobody opens a file as something it is not. A name without an
 * extension says nothing and agrees.
 */
export function nameMatchesType(fileName: string, type: CaseFileType): boolean {
  const extension = /\.([^./\\]{1,10})$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined || extensions[type].includes(extension);
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

export function sniffCaseFile(bytes: Uint8Array): CaseFileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names || !names.includes("[Content_Types].xml")) return null;
    if (names.some((name) => name.startsWith("word/"))) return "docx";
    if (names.some((name) => name.startsWith("ppt/"))) return "pptx";
  }
  return null;
}

/** The entry names of a ZIP archive from its central directory, or null when the archive is not well formed. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
  const lowest = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.byteLength) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
