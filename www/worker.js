// Runs the analysis off the page's thread, with the same wasm as the page.
// The page sends { id, name, bytes } and gets { id, json } back.
import init, { analyze_json, warm_up } from './referat-analyzer.js';

const ready = init({ module_or_path: new URL('./referat-analyzer_bg.wasm', import.meta.url) }).then(() => warm_up());

self.onmessage = async (event) => {
    const { id, name, bytes } = event.data;
    await ready;
    self.postMessage({ id, json: analyze_json(bytes, name) });
};
