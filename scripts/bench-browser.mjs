// Time from dropping a file on the page to the rendered result, measured inside headless
// Chromium: `node scripts/bench-browser.mjs [FILE...]` after `trunk build --release`.
// Prints, per file on a fresh page, the first drop (made a second after the page opened, as
// a person would: the worker warms up meanwhile) and the median of 7 more drops, and where
// a drop's time goes (medians): reading the file and posting it to the worker,
// the worker (analysis, JSON, messaging), the page's thread (decoding the answer, Yew's
// render), and the wait for the next frame. For a PDF it then prints the same file through
// pdf.js (`getDocument` and `getTextContent` on every page, in a blank page of the same
// browser): only the text, none of the analysis, for comparison. pdf.js is a dev
// dependency of the bench; nothing of it reaches the page.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, launch, openPage, serveDist } from '../tests/browser/harness.mjs';

const files = process.argv.slice(2).length ? process.argv.slice(2) : [
    join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md'),
    join(ROOT, 'tests/corpus/kkr-nordjylland-2025-08-29.txt'),
    join(ROOT, 'tests/corpus/real/aarhus-byraad-2025-08-27.pdf'),
];
// How long after the page opens the first file is dropped.
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);
const { server, url } = await serveDist();
const browser = await launch();
let page;
// The phases: when the page posts to a worker, when the answer arrives (the event's time
// stamp) and when the page's own handler is done with it (a listener added after it).
const instrument = () => page.evaluate(() => {
    window.phases = {};
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
        window.phases.post = performance.now();
        if (!this.timed) {
            this.timed = true;
            this.addEventListener('message', (e) => Object.assign(window.phases, { arrive: e.timeStamp, handled: performance.now() }));
        }
        return post.apply(this, args);
    };
});

// The middle of an odd number of timings.
const middle = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function dropOnce(name, bytes) {
    return page.evaluate(async ({ name, bytes }) => {
        document.querySelector('button.reset')?.click();
        await new Promise((r) => requestAnimationFrame(r));
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name));
        const t0 = performance.now();
        document.querySelector('.page').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        await new Promise((resolve) => {
            const done = () => document.querySelector('.summary .source')?.textContent.includes(name) || document.querySelector('[role=alert]');
            if (done()) return resolve();
            new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(); } })
                .observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        const shown = performance.now();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const p = window.phases;
        return { total: performance.now() - t0, read: p.post - t0, worker: p.arrive - p.post, page: shown - p.arrive, handler: p.handled - p.arrive, frame: performance.now() - shown };
    }, { name, bytes });
}

// The PDF's text through pdf.js, from a blank page (the app's page allows only its own
// scripts). Its worker script comes as a blob; where Chromium refuses that, pdf.js runs
// on the page's thread ("fake worker"), which it says on the console.
async function pdfjsText(name, bytes) {
    const lib = readFileSync(join(ROOT, 'node_modules/pdfjs-dist/build/pdf.min.mjs'), 'utf8');
    const worker = readFileSync(join(ROOT, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8');
    const context = await browser.newContext();
    const blank = await context.newPage();
    const r = await blank.evaluate(async ({ lib, worker, bytes }) => {
        const url = (s) => URL.createObjectURL(new Blob([s], { type: 'text/javascript' }));
        const pdfjs = await import(url(lib));
        pdfjs.GlobalWorkerOptions.workerSrc = url(worker);
        const times = [];
        let chars = 0;
        for (let k = 0; k < 8; k++) {
            const t0 = performance.now();
            const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
            chars = 0;
            for (let p = 1; p <= doc.numPages; p++) {
                for (const item of (await (await doc.getPage(p)).getTextContent()).items) chars += (item.str ?? '').length;
            }
            times.push(performance.now() - t0);
            await doc.destroy();
        }
        return { times, chars };
    }, { lib, worker, bytes });
    const median = middle(r.times.slice(1));
    console.log(`${('  pdf.js text of ' + name).padEnd(44)} ${String(bytes.length).padStart(9)} B  first ${r.times[0].toFixed(1)} ms  median ${median.toFixed(1)} ms  (${r.chars} characters, no analysis)`);
    await context.close();
}

for (const file of files) {
    const bytes = [...readFileSync(file)];
    const name = basename(file);
    const opened = await openPage(browser, url);
    page = opened.page;
    await instrument();
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const first = await dropOnce(name, bytes);
    const drops = [];
    for (let i = 0; i < 7; i++) drops.push(await dropOnce(name, bytes));
    const median = (key) => middle(drops.map((d) => d[key])).toFixed(1);
    console.log(`${name.padEnd(44)} ${String(bytes.length).padStart(9)} B  first ${first.total.toFixed(1)} ms (worker ${first.worker.toFixed(1)}, page ${first.page.toFixed(1)} handler ${first.handler.toFixed(1)})  median ${median('total')} ms` +
        `  (read ${median('read')}, worker ${median('worker')}, page ${median('page')}, frame ${median('frame')})`);
    await opened.context.close();
    if (name.toLowerCase().endsWith('.pdf')) await pdfjsText(name, bytes);
}
await browser.close();
server.close();
