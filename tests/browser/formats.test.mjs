// Every file a user really has, in the browser: each variant of the two examples (PDF,
// DOCX, HTML, encodings) through the file input gives its original's result; the real
// Aarhus PDF gives its 21 items; hostile files get a Danish message; a 50 MB file is
// analysed off the page's thread while the page keeps painting, and can be cancelled.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, openPage, setup } from './harness.mjs';

const VARIANTS = [
    'seed-2021.cp1252.txt', 'seed-2021.crlf.txt', 'seed-2021.docx', 'seed-2021.hardbreaks.docx', 'seed-2021.html',
    'seed-2021.pdf', 'seed-2021.pdftotext-layout.txt', 'seed-2021.pdftotext-raw.txt', 'seed-2021.utf16le-bom.txt',
    'seed-2025.docx', 'seed-2025.pandoc-markdown.docx', 'seed-2025.pdf', 'seed-2025.pdftotext-layout.txt',
    'seed-2025.pdftotext-raw.txt',
];
const TMP = join(tmpdir(), `referat-formats-${process.pid}`);
mkdirSync(TMP, { recursive: true });

const env = setup();
const requests = [];


async function session() {
    const s = await openPage(env.browser, env.url);
    requests.push(s.requests);
    return s;
}

async function give(page, path) {
    await page.setInputFiles('#file-input', path);
    await page.waitForSelector('.summary h2, [role=alert]', { timeout: 60_000 });
}

describe('variants give their original result', () => {
    for (const file of VARIANTS) {
        test(file, async () => {
            const stem = file.startsWith('seed-2021') ? 'kkr-nordjylland-2021-06-11' : 'kkr-nordjylland-2025-08-29';
            const truth = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/truth', stem + '.json'), 'utf8'));
            const { context, page, errors } = await session();
            await give(page, join(ROOT, 'tests/corpus/variants', file));
            assert.equal(await page.textContent('.summary h2'), `Referat: ${truth.meeting.body}`);
            assert.equal(await page.textContent('[data-testid=present-count]'), String(truth.attendance.present.length));
            assert.equal(await page.textContent('[data-testid=absent-count]'), String(truth.attendance.absent.length));
            assert.equal(await page.textContent('[data-testid=decision-count]'), String(truth.items.filter((i) => i.decision).length));
            const numbers = await page.$$eval('.agenda .item-head .num', (els) => els.map((e) => e.textContent));
            assert.deepEqual(numbers, truth.items.map((i) => i.number));
            const titles = await page.$$eval('.agenda .item-head .title', (els) => els.map((e) => e.textContent));
            assert.deepEqual(titles, truth.items.map((i) => i.title));
            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});

test('the 28-page Aarhus PDF gives all 21 items', async () => {
    const { context, page } = await session();
    await give(page, join(ROOT, 'tests/corpus/real/aarhus-byraad-2025-08-27.pdf'));
    assert.equal(await page.textContent('[data-testid=item-count]'), '21');
    assert.match(await page.textContent('.summary .source'), /pdf/);
    await context.close();
});

describe('hostile files get a Danish message naming the file', () => {
    let x = 0x2545f4914f6cdd1dn;
    const random = Buffer.alloc(1048576);
    for (let i = 0; i < random.length; i++) {
        x ^= (x << 13n) & 0xffffffffffffffffn;
        x ^= x >> 7n;
        x ^= (x << 17n) & 0xffffffffffffffffn;
        random[i] = Number((x >> 32n) & 0xffn);
    }
    writeFileSync(join(TMP, 'random-1mb.bin'), random);
    const cases = [
        [join(ROOT, 'tests/corpus/adversarial/zipbomb-500mb-document.docx'), /zip-bombe/],
        [join(ROOT, 'tests/corpus/adversarial/empty.txt'), /er tom/],
        [join(TMP, 'random-1mb.bin'), /ligner ikke et tekstdokument/],
    ];
    for (const [path, message] of cases) {
        const name = path.split('/').pop();
        test(name, async () => {
            const { context, page, errors } = await session();
            const t0 = Date.now();
            await give(page, path);
            const alert = await page.textContent('[role=alert]');
            assert.match(alert, message);
            assert.ok(alert.includes(name), alert);
            assert.ok(Date.now() - t0 < 10_000, 'answered quickly');
            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});

describe('a 50 MB file', () => {
    const seed = readFileSync(join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md'));
    const huge = join(TMP, 'huge-50mb-seed-2021-repeated.md');
    writeFileSync(huge, Buffer.concat(Array(1711).fill(seed)));

    test('is analysed while the page keeps painting, and its repetition is reported', async () => {
        const { context, page } = await session();
        // Count animation frames while the file is read and analysed: a blocked main
        // thread would paint none.
        await page.evaluate(() => {
            window.frames_seen = 0;
            const tick = () => { window.frames_seen++; requestAnimationFrame(tick); };
            requestAnimationFrame(tick);
        });
        await page.setInputFiles('#file-input', huge);
        await page.waitForSelector('.busy', { timeout: 10_000 });
        const during = await page.evaluate(() => window.frames_seen);
        await page.waitForSelector('.summary h2', { timeout: 120_000 });
        const frames = await page.evaluate(() => window.frames_seen);
        assert.ok(frames > during, `frames painted during the analysis: ${frames - during}`);
        assert.equal(await page.textContent('[data-testid=item-count]'), '17');
        assert.match(await page.textContent('.notices'), /gentaget 1711 gange/);
        await context.close();
    });

    test('can be cancelled, and the page starts over', async () => {
        const { context, page } = await session();
        // Click "Annullér" the moment it appears: a MutationObserver callback runs before
        // the worker's answer (a message event, a later task) can be handled, so the test
        // cannot race a fast analysis.
        await page.evaluate(() => {
            window.cancelled = new Promise((resolve) => {
                new MutationObserver((_, obs) => {
                    const b = document.querySelector('button.cancel');
                    if (b) { obs.disconnect(); b.click(); resolve(true); }
                }).observe(document.body, { childList: true, subtree: true });
            });
        });
        await page.setInputFiles('#file-input', huge);
        assert.equal(await page.evaluate(() => window.cancelled), true);
        await page.waitForTimeout(2000); // an answer from the ended worker would show up here
        assert.equal(await page.locator('.summary').count(), 0);
        assert.equal(await page.locator('.busy').count(), 0);
        await page.click('button.example:has-text("2025")');
        await page.waitForSelector('.summary h2');
        assert.equal(await page.textContent('[data-testid=item-count]'), '17');
        await context.close();
    });
});

test('no request goes to any host but 127.0.0.1', () => {
    const foreign = requests.flat().filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1');
    assert.deepEqual(foreign, []);
});
