// 100 referater dropped on the page at once, in headless Chromium: the time until every
// file is analysed and listed, then until "Fremmøde over tid" shows its grid, and how
// long the page takes to answer a click while the files are being analysed.
// `node scripts/bench-browser-many.mjs [COUNT]` after the page is built (dist/).
// Two sets, made here and never written to disk, each copy with its years moved so that
// it is a meeting of its own: "bodies", the two examples and the development referater
// (37 bodies; the grid shows the body with the most files), and "one body", the two KKR
// Nordjylland examples only (one body's grid of every meeting).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, openPage, serveDist } from '../tests/browser/harness.mjs';

const count = Number(process.argv[2] ?? 100);
const examples = [join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md'), join(ROOT, 'tests/corpus/kkr-nordjylland-2025-08-29.txt')];
const dev = readdirSync(join(ROOT, 'tests/corpus/dev')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'tests/corpus/dev', f));
// Copy k of a source: its years moved (2021 -> 2021 + k / sources), so each is its own meeting.
const make = (paths) => {
    const sources = paths.map((p) => readFileSync(p, 'utf8'));
    return Array.from({ length: count }, (_, k) => {
        const text = sources[k % sources.length].replace(/\b(19|20)(\d\d)\b/g, (y) => String(Number(y) + Math.floor(k / sources.length)));
        return [`referat-${String(k).padStart(3, '0')}.txt`, text];
    });
};

const { server, url } = await serveDist();
const browser = await launch();
// "cold": dropped as soon as the page shows, while its workers still load the wasm and
// build the lexicon; "warm": dropped two seconds later, as a person would.
for (const [set, files, wait] of [['bodies', make([...examples, ...dev]), 0], ['one body', make(examples), 0], ['one body, warm', make(examples), 2000]]) {
const bytes = files.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
const { page, context } = await openPage(browser, url);
await page.waitForTimeout(wait);
const result = await page.evaluate(async (files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'text/plain' }));
    const until = (done) => new Promise((resolve) => {
        if (done()) return resolve();
        new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(); } })
            .observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    // While the files are analysed: a click on "Indsæt tekst" every 100 ms, timed until
    // the page has painted its answer.
    const clicks = [];
    let running = true;
    const clicker = (async () => {
        while (running) {
            await new Promise((r) => setTimeout(r, 100));
            if (!running || !document.querySelector('.busy')) continue;
            const summary = document.querySelector('details.paste summary');
            const t = performance.now();
            summary.click();
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            clicks.push(performance.now() - t);
        }
    })();
    const t0 = performance.now();
    document.querySelector('.page').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await until(() => document.querySelector('#files-heading'));
    const listed = performance.now() - t0;
    running = false;
    await clicker;
    document.querySelector('.series-nav a[href="#fremmoede-over-tid"]').click();
    await until(() => document.querySelector('.history-grid tbody tr'));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const grid = performance.now() - t0;
    clicks.sort((a, b) => a - b);
    return { listed, grid, heading: document.querySelector('[data-testid=history-count]')?.textContent, clicks: clicks.length, median: clicks[clicks.length >> 1], max: clicks[clicks.length - 1] };
}, files);
console.log(`${set}: ${count} files, ${(bytes / 1e6).toFixed(1)} MB: all analysed and listed in ${(result.listed / 1000).toFixed(2)} s; "Fremmøde over tid" shown at ${(result.grid / 1000).toFixed(2)} s (${result.heading.split('.')[0]})`);
console.log(`  clicks during the analysis: ${result.clicks}, answered in median ${result.median?.toFixed(1)} ms, max ${result.max?.toFixed(1)} ms`);
await context.close();
}
await browser.close();
server.close();
