// A term of meetings in the page: the 2021 referat as Markdown and as PDF and the 2025
// referat dropped together are two meetings; "Fremmøde over tid" gives every member of the
// two truth files the status those files give; "Beslutninger over tid" filters by
// outcome (counts from the truth files) and by words; "Søg" finds the items whose truth
// titles hold the word; "Gem på denne computer" survives a reload and "Glem alt" empties
// it; on a phone nothing is wider than the screen and axe-core finds nothing; and no
// request goes to another host; "Vælg mappe" reads a folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fitsAndPassesAxe, openPage, openPhone, setup } from './harness.mjs';

const env = setup();
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const FILES = ['kkr-nordjylland-2025-08-29.txt', 'kkr-nordjylland-2021-06-11.md', 'variants/seed-2021.pdf'].map((f) => join(ROOT, 'tests/corpus', f));
const TRUTH = ['kkr-nordjylland-2021-06-11', 'kkr-nordjylland-2025-08-29']
    .map((s) => JSON.parse(readFileSync(join(ROOT, 'tests/corpus/truth', `${s}.json`), 'utf8')));
const requests = [];

/// First and last name, lower case, hyphens as spaces: how the page matches people.
const key = (name) => {
    const w = name.toLowerCase().replaceAll('-', ' ').split(/\s+/).filter(Boolean);
    return `${w[0]} ${w[w.length - 1]}`;
};

async function loaded(page) {
    await page.setInputFiles('#file-input', FILES);
    await page.waitForSelector('#files-heading');
    assert.equal(await page.textContent('#files-heading'), 'Møder (2) i 3 filer');
}

async function view(page, label, heading) {
    await page.click(`.series-nav a:has-text("${label}")`);
    await page.waitForSelector(heading);
}

test('the attendance over time is what the truth files say', async () => {
    const { context, page, requests: seen, errors } = await openPage(env.browser, env.url);
    await loaded(page);
    await view(page, 'Fremmøde over tid', '#history-heading');
    const dates = await page.$$eval('.history-grid thead button.meeting', (bs) => bs.map((b) => b.textContent));
    assert.deepEqual(dates, ['11.6.2021', '29.8.2025'], 'meetings by date, the twin once');
    const grid = await page.$$eval('.history-grid tbody tr', (trs) => trs.map((tr) => [
        tr.querySelector('th').textContent, [...tr.querySelectorAll('td.status')].map((td) => td.className.replace('status ', '')),
    ]));
    const statuses = new Map(grid.map(([name, cells]) => [key(name), cells]));
    const everyone = new Set();
    TRUTH.forEach((t) => ['present', 'absent'].forEach((l) => t.attendance[l].forEach((p) => everyone.add(key(p.name)))));
    assert.equal(statuses.size, everyone.size, 'one row a member of the truth files');
    for (const person of everyone) {
        const cells = statuses.get(person);
        assert.ok(cells, `${person} is in the grid`);
        TRUTH.forEach((t, k) => {
            const is = (l) => t.attendance[l].some((p) => key(p.name) === person);
            const want = is('present') ? 'til-stede' : is('absent') ? 'afbud' : 'ikke-nævnt';
            assert.equal(cells[k], want, `${person} at meeting ${k}`);
        });
    }
    // Lowest attendance first; a member opened shows both meetings.
    await page.click('button.sort:has-text("Laveste fremmøde")');
    const rates = await page.$$eval('.history-grid tbody tr td:last-child', (tds) => tds.map((td) => parseInt(td.textContent, 10)));
    const numbers = rates.filter((r) => !Number.isNaN(r));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    await page.click('.history-grid tbody tr:first-child button.member');
    await page.waitForSelector('.member-detail');
    assert.equal(await page.locator('.member-detail li').count(), 2);
    assert.deepEqual(errors, []);
    requests.push(...seen);
    await context.close();
});

test('decisions over time filter by outcome and words; search finds the items', async () => {
    const { context, page, requests: seen, errors } = await openPage(env.browser, env.url);
    await loaded(page);
    await view(page, 'Beslutninger over tid', '#decisions-heading');
    const decided = TRUTH.flatMap((t) => t.items.filter((i) => i.decision));
    assert.equal(await page.locator('table.over-time tbody tr').count(), decided.length);
    await page.selectOption('#decision-outcome', 'noted');
    const noted = decided.filter((i) => i.decision.outcome === 'noted').length;
    await page.waitForFunction((n) => document.querySelectorAll('table.over-time tbody tr').length === n, noted);
    await page.selectOption('#decision-outcome', '');
    // "BRN" opens the 2021 decision of item 2.2 in the truth file.
    await page.fill('#decision-words', 'BRN');
    await page.waitForFunction(() => document.querySelectorAll('table.over-time tbody tr').length < 10);
    const rows = await page.$$eval('table.over-time tbody tr', (trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[2].textContent, tr.querySelectorAll('mark').length]));
    assert.ok(rows.some(([date, n]) => date === '11.6.2021' && n === '2.2'), JSON.stringify(rows));
    assert.ok(rows.every(([, , marks]) => marks > 0), 'every row has the word marked');
    // Through to the item.
    await page.click('table.over-time tbody tr:has-text("11.6.2021") button.item-link');
    await page.waitForSelector('.summary h2');
    assert.match(new URL(page.url()).hash, /^#punkt-/);
    await page.goBack();
    await page.waitForSelector('#decisions-heading');
    // Search: every item whose truth title holds a word starting with "sosu" is found.
    await view(page, 'Søg', '#search-heading');
    await page.fill('#search-input', 'sosu');
    await page.waitForSelector('.hits');
    const hits = await page.$$eval('.hits li button.item-link', (bs) => bs.map((b) => b.textContent.split(' ')[0]));
    const expected = TRUTH.flatMap((t) => t.items.filter((i) => /(^|[^\p{L}])sosu/iu.test(i.title)).map((i) => i.number));
    assert.ok(expected.length >= 2);
    for (const n of expected) assert.ok(hits.includes(n), `${n} in ${hits}`);
    assert.ok((await page.locator('.hits mark').count()) >= expected.length);
    assert.deepEqual(errors, []);
    requests.push(...seen);
    await context.close();
});

test('"Gem på denne computer" survives a reload and "Glem alt" empties it', async () => {
    const { context, page, requests: seen, errors } = await openPage(env.browser, env.url);
    // Nothing is stored before the choice.
    assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), []);
    await loaded(page);
    assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), []);
    await page.click('button.keep-button');
    await page.waitForSelector('[data-testid=kept]');
    await page.waitForFunction(() => localStorage.getItem('referat-analyzer-gemt') === '1');
    await page.reload();
    await page.waitForSelector('#files-heading');
    assert.equal(await page.textContent('#files-heading'), 'Møder (2) i 3 filer');
    await page.waitForSelector('[data-testid=kept]');
    // A kept file opens as before.
    await page.click('.file:has-text("kkr-nordjylland-2025-08-29.txt") button:has-text("Vis")');
    await page.waitForSelector('.summary h2');
    assert.equal(await page.textContent('[data-testid=present-count]'), '17');
    await page.goBack();
    await page.waitForSelector('button.forget');
    await page.click('button.forget');
    await page.waitForSelector('button.keep-button');
    await page.waitForFunction(async () => (await indexedDB.databases()).length === 0);
    await page.reload();
    await page.waitForSelector('h1:has-text("Referat Analyzer")');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#files-heading').count(), 0, 'nothing comes back');
    assert.deepEqual(errors, []);
    requests.push(...seen);
    await context.close();
});

test('"Vælg mappe" reads a folder and its subfolders, hidden files left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referater-'));
    mkdirSync(join(dir, 'pdf'));
    copyFileSync(FILES[0], join(dir, 'kkr-2025.txt'));
    copyFileSync(FILES[1], join(dir, 'kkr-2021.md'));
    copyFileSync(FILES[2], join(dir, 'pdf', 'kkr-2021.pdf'));
    writeFileSync(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
    const { context, page, requests: seen, errors } = await openPage(env.browser, env.url);
    await page.setInputFiles('#folder-input', dir);
    await page.waitForSelector('#files-heading');
    assert.equal(await page.textContent('#files-heading'), 'Møder (2) i 3 filer', 'the three referater, not the hidden file');
    assert.ok((await page.textContent('body')).includes('kkr-2021.pdf'), 'the file in the subfolder');
    assert.ok(!(await page.textContent('body')).includes('.DS_Store'), 'no hidden file, not even as a refusal');
    assert.deepEqual(errors, []);
    requests.push(...seen);
    await context.close();
    rmSync(dir, { recursive: true });
});

test('the views of several files on a phone, and by axe-core', async () => {
    const { context, page } = await openPhone(env.browser, env.url, requests);
    await loaded(page);
    await page.addScriptTag({ content: AXE });
    for (const [label, heading] of [['Møder', '#files-heading'], ['Fremmøde over tid', '#history-heading'], ['Beslutninger over tid', '#decisions-heading'], ['Søg', '#search-heading']]) {
        await view(page, label, heading);
        if (label === 'Søg') await page.fill('#search-input', 'budget');
        await fitsAndPassesAxe(page, label);
        await page.screenshot({ path: join(ROOT, `test-results/phone-series-${heading.slice(1)}.png`) });
    }
    await context.close();
});

test('no request goes to any host but 127.0.0.1', () => {
    assert.ok(requests.length > 0, 'requests were recorded');
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1');
    assert.deepEqual(foreign, []);
});
