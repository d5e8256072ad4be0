import { qrWorkerUrl } from "./decoder";

// The same name as in public/sw.js, which answers /checkin requests from this cache when the network is gone.
const cacheName = "checkin-v1";

/** After the first visit the scanner must load with no network: register the worker and store this page and its assets. */
export async function prepareOfflineShell() {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/checkin" });
    const urls = new Set<string>([location.pathname, qrWorkerUrl]);
    for (const entry of performance.getEntriesByType("resource")) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.startsWith("/assets/")) urls.add(url.pathname);
    }
    document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="stylesheet"]').forEach((link) => {
      const url = new URL(link.href, location.href);
      if (url.origin === location.origin) urls.add(url.pathname);
    });
    const cache = await caches.open(cacheName);
    await Promise.all([...urls].map((url) => cache.add(url).catch(() => undefined)));
  } catch {
    // Without a service worker the scanner still works while the page stays open.
  }
}
