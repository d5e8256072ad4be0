import QRCode from "qrcode";

/** The ticket code as a QR PNG: medium error correction survives cracked phone screens at the door. */
export async function qrPng(text: string, width = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 2, width });
}

export async function qrDataUrl(text: string, width = 480): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, width });
}
