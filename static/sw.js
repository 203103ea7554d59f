// Archlab's service worker: a second visit, and a classroom whose Wi-Fi fails, still load the
// lab. It keeps one build's files in one cache and answers from it first.
//
// scripts/precache.mjs (run after every Trunk build) writes the two lines below: BUILD, a hash of
// every file of the build, and FILES, their paths relative to this file. A new build is a new
// sw.js, so the browser installs it; it fills its own cache, takes over, and deletes the caches
// of other builds. Everything in the cache is one build's, so a query string (the language
// packs' `?v=`, `?preset=`) never selects another file. `scripts/serve.sh` builds with an empty
// FILES: the worker then caches nothing, so a developer's reload shows the latest build.
const BUILD = 'unbuilt';
const FILES = [];

const PREFIX = 'archlab-';
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Revalidate with the server rather than trust the HTTP cache: the files must be this build's.
    await cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })));
    // A new build takes over at once; the open page has its code already, and the next reload
    // is the new build.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && (key !== CACHE || FILES.length === 0)) await caches.delete(key);
    }
    // Control the page that registered this worker, so its first visit works offline too.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (FILES.length === 0 || request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = (await cache.match(request, { ignoreSearch: true }))
      // The page under any address in scope (`index.html`, `?bench`) is the one page.
      ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
    return hit ?? fetch(request);
  })());
});
