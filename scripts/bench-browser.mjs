// Time from dropping a file on the page to the rendered result, measured inside headless
// Chromium: `node scripts/bench-browser.mjs [FILE...]` after `trunk build --release`.
// Prints the median of 7 drops per file (the first drop, which builds the lexicon, apart).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, launch, openPage, serveDist } from '../tests/browser/harness.mjs';

const files = process.argv.slice(2).length ? process.argv.slice(2) : [
    join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md'),
    join(ROOT, 'tests/corpus/kkr-nordjylland-2025-08-29.txt'),
];
const { server, url } = await serveDist();
const browser = await launch();
const { page } = await openPage(browser, url);

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
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
    }, { name, bytes });
}

for (const file of files) {
    const bytes = [...readFileSync(file)];
    const name = basename(file);
    const first = await dropOnce(name, bytes);
    const times = [];
    for (let i = 0; i < 7; i++) times.push(await dropOnce(name, bytes));
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(44)} ${String(bytes.length).padStart(9)} B  first ${first.toFixed(1)} ms  median ${times[3].toFixed(1)} ms`);
}
await browser.close();
server.close();
