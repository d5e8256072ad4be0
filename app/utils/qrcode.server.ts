import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

/**
 * The ticket code as a QR PNG: medium error correction survives cracked phone screens at the door.
 *
 * qrcode draws the symbol; the PNG is written here as a 1-bit greyscale image. qrcode's own PNG output goes
 * through pngjs, which expands the symbol to RGBA and tries five row filters per row in JavaScript: ~15 ms
 * of CPU per ticket, most of the outbox sender's time when thousands of tickets go out at once. A QR code
 * is black and white squares, so one bit per pixel, identical rows per module and zlib's native deflate
 * give the same picture in well under a millisecond (and a smaller file).
 */
export function qrPng(text: string, width = 360, margin = 2): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cells = modules.size + 2 * margin;
  const scale = Math.max(1, Math.floor(width / cells));
  const side = cells * scale;
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte (0: none) + packed pixels, 1 = white
  const raw = Buffer.alloc(rowBytes * side);
  for (let cellRow = 0; cellRow < cells; cellRow++) {
    const row = Buffer.alloc(rowBytes, 0xff);
    row[0] = 0;
    for (let x = 0; x < side; x++) {
      const moduleRow = cellRow - margin;
      const moduleCol = Math.floor(x / scale) - margin;
      const dark = moduleRow >= 0 && moduleRow < modules.size && moduleCol >= 0 && moduleCol < modules.size && modules.get(moduleRow, moduleCol);
      if (dark) row[1 + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
    for (let repeat = 0; repeat < scale; repeat++) row.copy(raw, (cellRow * scale + repeat) * rowBytes);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([pngSignature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function qrDataUrl(text: string, width = 480): string {
  return `data:image/png;base64,${qrPng(text, width).toString("base64")}`;
}
