// Runs the analysis off the page's thread, with the same wasm as the page.
// The page sends { id, name, bytes } and gets { id, json } back.
import init, { analyze_json, warm_up } from './referat-analyzer.js';

// The wasm comes gzip-compressed (scripts/postbuild.mjs): unpacked as it downloads.
const wasm = fetch(new URL('./referat-analyzer_bg.wasmz', import.meta.url)).then(
    (r) => new Response(r.body.pipeThrough(new DecompressionStream('gzip')), { headers: { 'Content-Type': 'application/wasm' } }),
);
const ready = init({ module_or_path: wasm }).then(() => warm_up());

self.onmessage = async (event) => {
    const { id, name, bytes } = event.data;
    await ready;
    self.postMessage({ id, json: analyze_json(bytes, name) });
};
