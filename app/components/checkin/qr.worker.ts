/// <reference lib="webworker" />
import jsQR from "jsqr";

// Decodes camera frames off the main thread; the page sends RGBA pixels and gets the QR text or null.
self.onmessage = (event: MessageEvent<{ id: number; data: ArrayBuffer; width: number; height: number }>) => {
  const { id, data, width, height } = event.data;
  const found = jsQR(new Uint8ClampedArray(data), width, height, { inversionAttempts: "attemptBoth" });
  (self as unknown as Worker).postMessage({ id, code: found?.data ?? null });
};
