// Service worker of Referat Analyzer, written by scripts/postbuild.mjs at build time.
// It keeps every file of the page in a cache named after their hash, serves from it
// first, and on activate deletes the caches of earlier builds.
const CACHE = 'referat-analyzer-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
    event.waitUntil(
        caches.keys()
            .then((keys) => Promise.all(keys.filter((k) => k.startsWith('referat-analyzer-') && k !== CACHE).map((k) => caches.delete(k))))
            .then(() => self.clients.claim()),
    );
});

self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith(
        caches.match(request, { ignoreSearch: true }).then((hit) => hit
            ?? fetch(request).catch(() => (request.mode === 'navigate' ? caches.match('./') : Response.error()))),
    );
});
