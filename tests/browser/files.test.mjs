// Several files at once and two of them compared: dropped together (a refusal among
// them), listed with their meeting or why they could not be read, two ticked and
// compared item by item against what MANIFEST.md says the draft changed; chosen together
// (two are ready to compare at once), Back through list, result and comparison; on a
// phone; checked by axe-core; and no request to any other host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fitsAndPassesAxe, openPage, openPhone, setup } from './harness.mjs';

const env = setup();
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SEED = join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md');
const DRAFT = join(ROOT, 'tests/corpus/adversarial/draft-errors-2021.md');
const requests = [];

/// The comparison's rows: [A's number, B's number, change code].
async function rows(page) {
    return page.$$eval('tr.row', (trs) => trs.map((tr) => [tr.dataset.a ?? '—', tr.dataset.b ?? '—', tr.dataset.change]));
}

test('files dropped together are listed, a refusal among them, and two are compared', async () => {
    const { context, page, requests: seen, errors } = await openPage(env.browser, env.url);
    const files = [['seed.md', readFileSync(SEED, 'utf8')], ['tom.txt', ''], ['draft.md', readFileSync(DRAFT, 'utf8')]];
    const dataTransfer = await page.evaluateHandle((fs) => {
        const dt = new DataTransfer();
        for (const [name, text] of fs) dt.items.add(new File([text], name, { type: 'text/plain' }));
        return dt;
    }, files);
    await page.dispatchEvent('.page', 'drop', { dataTransfer });
    await page.waitForSelector('#files-heading');
    assert.equal(await page.textContent('#files-heading'), 'Møder (2) i 3 filer');
    assert.equal(new URL(page.url()).hash, '#filer');
    const names = await page.$$eval('.file .name', (els) => els.map((e) => e.textContent));
    // By meeting (the draft lacks an item, so it is a meeting of its own), then the refusal.
    assert.deepEqual(names, ['seed.md', 'draft.md', 'tom.txt']);
    assert.match(await page.textContent('.file.failed .reason'), /Kunne ikke læses: .*tom/);
    assert.match(await page.textContent('.file:has-text("seed.md") .what'), /KKR Nordjylland · 11\. juni 2021 · 17 punkter/);
    // Three files: nothing picked yet, so nothing to compare.
    assert.ok(await page.isDisabled('button.compare'));
    await page.check('.file:has-text("seed.md") input[type=checkbox]');
    await page.check('.file:has-text("draft.md") input[type=checkbox]');
    await page.click('button.compare');
    await page.waitForSelector('#compare-heading');
    assert.equal(new URL(page.url()).hash, '#sammenligning');
    const got = await rows(page);
    const changed = got.filter(([, , c]) => c !== 'same');
    assert.deepEqual(changed, [['3.3', '—', 'removed'], ['3.4', '3.4', 'decision-changed'], ['3.5', '3.5', 'decision-removed']]);
    assert.equal(got.length, 17);
    // 3.4's appended sentence is marked inserted, word by word.
    assert.match(await page.textContent('tr.words ins'), /Karen Holm-Andersen bemærkede/);
    assert.match(await page.textContent('.compare-people'), /Leif Skaarup: til stede i A, afbud i B/);
    // Only the changed items, and back to all.
    await page.check('.only-changes input');
    await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 3);
    await page.uncheck('.only-changes input');
    await page.waitForFunction(() => document.querySelectorAll('tr.row').length === 17);
    // Swapped, the draft is A: 3.3 is added and 3.5's decision too.
    await page.click('button:has-text("Byt om")');
    await page.waitForFunction(() => document.querySelector('tr.row[data-change=added]'));
    const swapped = (await rows(page)).filter(([, , c]) => c !== 'same');
    assert.deepEqual(swapped, [['—', '3.3', 'added'], ['3.4', '3.4', 'decision-changed'], ['3.5', '3.5', 'decision-added']]);
    // Back: the list again.
    await page.goBack();
    await page.waitForSelector('#files-heading');
    assert.deepEqual(errors, []);
    requests.push(...seen);
    await context.close();
});

test('two files chosen together are ready to compare; Back goes through the views', async () => {
    const { context, page, requests: seen, errors } = await openPage(env.browser, env.url);
    await page.setInputFiles('#file-input', [SEED, join(ROOT, 'tests/corpus/variants/seed-2021.pdf')]);
    await page.waitForSelector('#files-heading');
    assert.ok(!(await page.isDisabled('button.compare')), 'both picked');
    assert.deepEqual(await page.$$eval('.file .side', (els) => els.map((e) => e.textContent)), ['A', 'B']);
    await page.click('button.compare');
    await page.waitForSelector('#compare-heading');
    // One meeting as Markdown and as PDF: nothing changed.
    const got = await rows(page);
    assert.equal(got.length, 17);
    assert.deepEqual(got.filter(([, , c]) => c !== 'same'), []);
    assert.match(await page.textContent('[data-testid=compare-summary]'), /17 punkter; 0 at se på\. Fremmøde: uændret/);
    // Back to the list, then one file opened as the usual result, and Back to the list.
    await page.click('button:has-text("Tilbage til filerne")');
    await page.waitForSelector('#files-heading');
    // The Markdown and its PDF are one meeting, both files under it.
    assert.equal(await page.textContent('#files-heading'), 'Møder (1) i 2 filer');
    await page.click('.file:has-text("seed-2021.pdf") button:has-text("Vis")');
    await page.waitForSelector('.summary h2');
    assert.match(await page.textContent('.summary .source'), /seed-2021\.pdf/);
    await page.goBack();
    await page.waitForSelector('#files-heading');
    // "Alle filer (2)" comes back to the list from a result too.
    await page.click('.file:has-text("kkr-nordjylland-2021-06-11.md") button:has-text("Vis")');
    await page.waitForSelector('.summary h2');
    await page.click('button.all-files');
    await page.waitForSelector('#files-heading');
    assert.deepEqual(errors, []);
    requests.push(...seen);
    await context.close();
});

test('the list and the comparison on a phone, and by axe-core', async () => {
    const { context, page } = await openPhone(env.browser, env.url, requests);
    await page.setInputFiles('#file-input', [SEED, DRAFT]);
    await page.waitForSelector('#files-heading');
    await page.addScriptTag({ content: AXE });
    await fitsAndPassesAxe(page, 'list');
    await page.screenshot({ path: join(ROOT, 'test-results/phone-files.png') });
    await page.click('button.compare');
    await page.waitForSelector('#compare-heading');
    await fitsAndPassesAxe(page, 'comparison');
    await page.screenshot({ path: join(ROOT, 'test-results/phone-compare.png'), fullPage: true });
    await context.close();
});

test('no request goes to any host but 127.0.0.1', () => {
    assert.ok(requests.length > 0, 'requests were recorded');
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1');
    assert.deepEqual(foreign, []);
});
