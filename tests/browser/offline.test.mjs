// Offline and private, proven in Chromium: the page works after going offline (service
// worker), the one-file edition works from file:// with no request at all, a whole
// session requests nothing from another host, and document text is only ever text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ROOT, openPage, setup } from './harness.mjs';

const env = setup();


test('after one visit the page works offline (reload, then an example)', async () => {
    const { context, page } = await openPage(env.browser, env.url);
    // Said only once the cache really holds the wasm.
    await page.waitForSelector('.offline .ready', { timeout: 30_000 });
    assert.ok(await page.evaluate(async () => Boolean(await caches.match('./referat-analyzer_bg.wasmz'))));
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('h1:has-text("Referat Analyzer")');
    await page.click('button.example:has-text("2021")');
    await page.waitForSelector('.summary h2');
    assert.equal(await page.textContent('[data-testid=item-count]'), '17');
    await context.close();
});

test('the one-file edition works from file:// and requests nothing', async () => {
    const file = pathToFileURL(join(ROOT, 'dist/referat-analyzer.html')).href;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const t0 = Date.now();
    await page.goto(file);
    await page.waitForSelector('h1:has-text("Referat Analyzer")');
    const firstRender = Date.now() - t0;
    await page.click('button.example:has-text("2025")');
    await page.waitForSelector('.summary h2');
    assert.equal(await page.textContent('[data-testid=present-count]'), '17');
    await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/variants/seed-2021.pdf'));
    await page.waitForFunction(() => document.querySelector('.summary .source')?.textContent.includes('seed-2021.pdf'));
    assert.equal(await page.textContent('[data-testid=item-count]'), '17');
    const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.match(csp, /default-src 'none'/);
    // The file itself, and the glue module it carries inline, imported from one blob: URL
    // made on the page (memory, not a request). Nothing else.
    const blobs = requests.filter((u) => u.startsWith('blob:null/'));
    assert.equal(blobs.length, 1, `one blob: import, got ${blobs.length}`);
    const others = requests.filter((u) => u !== file && !blobs.includes(u));
    assert.deepEqual(others, []);
    console.log(`one-file edition: first render ${firstRender} ms after navigation from file://`);
    await context.close();
});

test('a whole session requests nothing from any other host', async () => {
    const { context, page, requests, errors } = await openPage(env.browser, env.url);
    for (const example of ['2021', '2025']) {
        await page.click(`button.example:has-text("${example}")`);
        await page.waitForFunction((y) => document.querySelector('.summary .source')?.textContent.includes(y), example);
        for (const tab of ['Fremmøde', 'Beslutninger', 'Dagsorden']) {
            await page.click(`button[role=tab]:has-text("${tab}")`);
        }
    }
    await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/variants/seed-2025.docx'));
    await page.waitForFunction(() => document.querySelector('.summary .source')?.textContent.includes('docx'));
    // The one-file download is the page's own file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
    assert.equal(download.suggestedFilename(), 'referat-analyzer.html');
    const origin = new URL(env.url).origin;
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /https?:|\*/);
    await context.close();
});

test('document text is text: markup in a referat shows literally and runs nothing', async () => {
    const dir = join(tmpdir(), `referat-xss-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const hostile = [
        '# REFERAT 2025', '# KKR <script>alert(1)</script>', '**Dato:** 01-02-2025 10:00', '',
        '### Deltagere', '', 'Eva <img src=x onerror=alert(2)> Hansen (A), Aalborg Kommune  ', '',
        '## 1. Godkendelse <img src=x onerror=alert(3)>', '', 'SAG-2025-00001', '',
        '#### Beslutning', '', 'Godkendt. Se <a href="javascript:alert(4)">her</a> og [link](javascript:alert(5)) <script>alert(6)</script>', '',
    ].join('\n');
    const path = join(dir, 'fjendtlig.md');
    writeFileSync(path, hostile);
    const { context, page } = await openPage(env.browser, env.url);
    const dialogs = [];
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    await page.setInputFiles('#file-input', path);
    await page.waitForSelector('.summary h2');
    await page.click('.agenda .item summary.item-head');
    await page.click('.agenda details.part.decision summary');
    await page.click('button[role=tab]:has-text("Beslutninger")');
    await page.waitForTimeout(300);
    const text = await page.textContent('main');
    assert.ok(text.includes('<script>alert(6)</script>'), 'script tag shown as text');
    assert.ok(text.includes('<a href="javascript:alert(4)">her</a>'), 'link shown as text');
    assert.ok(text.includes('<img src=x onerror=alert(3)>'), 'img shown as text');
    assert.equal(await page.locator('main script, main img, main a[href^="javascript"]').count(), 0);
    assert.deepEqual(dialogs, []);
    await context.close();
});
