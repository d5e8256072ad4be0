// Service worker of the check-in scanner (scope /checkin): the scanner page and its assets load with no
// network after the first visit. The page itself stores its HTML and /assets/ files in the cache
// (see prepareOfflineShell in app/routes/checkin.tsx); API calls and /healthz are never cached.
const cacheName = "checkin-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("checkin-") && name !== cacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate" && url.pathname === "/checkin") {
    // Network first (fresh event lists), the stored page when the network is gone or too slow.
    event.respondWith(
      withTimeout(fetch(request), 4000)
        .then((response) => {
          if (response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(cacheName).then((cache) => cache.put("/checkin", copy));
          }
          return response;
        })
        .catch(() => caches.match("/checkin").then((cached) => cached || Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith("/assets/")) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(url.pathname).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(cacheName).then((cache) => cache.put(url.pathname, copy));
            }
            return response;
          }),
      ),
    );
  }
});
