import qrWorkerUrl from "./qr.worker.ts?worker&url";

/**
 * QR decoding for the scanner: the browser's BarcodeDetector where it exists, otherwise jsQR in a Web
 * Worker served by the app itself (no CDN: a venue may have no internet).
 */
export { qrWorkerUrl };

type Detector = { detect(source: CanvasImageSource | ImageData): Promise<{ rawValue: string }[]> };
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (code: string | null) => void>();

function qrWorker(): Worker {
  if (!worker) {
    worker = new Worker(qrWorkerUrl, import.meta.env.DEV ? { type: "module" } : undefined);
    worker.onmessage = (event: MessageEvent<{ id: number; code: string | null }>) => {
      waiting.get(event.data.id)?.(event.data.code);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

export function nativeDetector(): Detector | null {
  const Native = (globalThis as unknown as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  try {
    return Native ? new Native({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

/** Decodes pixels in the worker; the buffer is transferred, not copied. */
export function decodePixels(image: ImageData): Promise<string | null> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    qrWorker().postMessage({ id, data: image.data.buffer, width: image.width, height: image.height }, [image.data.buffer]);
  });
}

/** Grabs a frame (scaled to ≤ 640 px) from a video or bitmap into RGBA pixels. */
export function pixelsOf(source: HTMLVideoElement | ImageBitmap, canvas: HTMLCanvasElement): ImageData | null {
  const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!width || !height) return null;
  const scale = Math.min(1, 640 / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

export async function decodeFrame(source: HTMLVideoElement | ImageBitmap, canvas: HTMLCanvasElement, detector: Detector | null): Promise<string | null> {
  if (detector) {
    try {
      const codes = await detector.detect(source);
      return codes[0]?.rawValue ?? null;
    } catch {
      // Some implementations reject video sources or formats: fall through to jsQR.
    }
  }
  const pixels = pixelsOf(source, canvas);
  return pixels ? decodePixels(pixels) : null;
}

export function stopDecoder() {
  worker?.terminate();
  worker = null;
  waiting.clear();
}
