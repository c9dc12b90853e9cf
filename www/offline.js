// Registers the service worker (sw.js, written at build time with the list of files to
// keep) and tells the page when the wasm is really in the cache: only then does it say
// "Klar til offline brug".
const ready = () => {
    window.referatOfflineReady = true;
    window.dispatchEvent(new Event('referat-offline-ready'));
};

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').then(async () => {
        await navigator.serviceWorker.ready;
        for (let i = 0; i < 100; i++) {
            if (await caches.match('./referat-analyzer_bg.wasmz')) return ready();
            await new Promise((r) => setTimeout(r, 200));
        }
    }).catch(() => {});
}
