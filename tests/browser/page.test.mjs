// The page end to end in headless Chromium: give it each example through the file input
// and check the summary, agenda titles, attendee names and decision labels against
// tests/corpus/truth; bad input gets a Danish message; no request leaves 127.0.0.1.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, openPage, setup } from './harness.mjs';

const EXAMPLES = [
    ['kkr-nordjylland-2021-06-11.md', 'kkr-nordjylland-2021-06-11'],
    ['kkr-nordjylland-2025-08-29.txt', 'kkr-nordjylland-2025-08-29'],
];
const LABELS = ['Godkendt', 'Taget til efterretning', 'Drøftet', 'Tiltrådt', 'Udsat', 'Afvist', 'Oversendt', 'Andet'];
const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

const env = setup();
const allRequests = [];


async function session() {
    const s = await openPage(env.browser, env.url);
    allRequests.push(s.requests);
    return s;
}

describe('an example given through the file input', () => {
    for (const [file, stem] of EXAMPLES) {
        test(file, async () => {
            const truth = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/truth', stem + '.json'), 'utf8'));
            const { context, page, errors } = await session();
            await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus', file));

            // Summary.
            await page.waitForSelector('.summary h2');
            assert.equal(await page.textContent('.summary h2'), `Referat: ${truth.meeting.body}`);
            assert.equal(await page.textContent('[data-testid=item-count]'), String(truth.items.length));
            const decided = truth.items.filter((i) => i.decision).length;
            assert.equal(await page.textContent('[data-testid=decision-count]'), String(decided));
            assert.equal(await page.textContent('[data-testid=present-count]'), String(truth.attendance.present.length));
            assert.equal(await page.textContent('[data-testid=absent-count]'), String(truth.attendance.absent.length));

            // Dagsorden: every item's number and title, in order, exactly (OCR repaired).
            const numbers = await page.$$eval('.agenda .item-head .num', (els) => els.map((e) => e.textContent));
            assert.deepEqual(numbers, truth.items.map((i) => i.number));
            const titles = await page.$$eval('.agenda .item-head .title', (els) => els.map((e) => e.textContent));
            assert.deepEqual(titles, truth.items.map((i) => i.title));
            // Parts open on click and show their text.
            await page.click('.agenda .level-2 summary.item-head');
            await page.click('.agenda .level-2 details.part.decision summary');
            assert.ok((await page.textContent('.agenda .level-2 details.part.decision .text')).length > 10);
            await page.screenshot({ path: join(SHOTS, `${stem}-dagsorden.png`), fullPage: false });

            // Fremmøde: every person on the right side, exactly as the truth spells them.
            await page.click('button[role=tab]:has-text("Fremmøde")');
            for (const [side, caption] of [['present', 'Deltagere'], ['absent', 'Afbud']]) {
                const rows = await page.$$eval(`.view table.people:has(caption:text-matches("^${caption}")) tbody tr`,
                    (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
                assert.deepEqual(rows, truth.attendance[side].map((p) => [p.name, p.party ?? '', p.municipality ?? '']), side);
            }
            assert.equal(await page.locator('.view ul.bars').count(), 2);
            assert.ok(await page.locator('.view ul.bars rect.present').count() > 2);
            await page.screenshot({ path: join(SHOTS, `${stem}-fremmoede.png`), fullPage: true });

            // Beslutninger: one row per decision, each with a coloured Danish label.
            await page.click('button[role=tab]:has-text("Beslutninger")');
            const rows = await page.$$eval('.view table.decisions tbody tr', (trs) => trs.map((tr) => ({
                number: tr.querySelector('td.num').textContent,
                label: tr.querySelector('.outcome').textContent,
            })));
            assert.deepEqual(rows.map((r) => r.number), truth.items.filter((i) => i.decision).map((i) => i.number));
            for (const r of rows) assert.ok(LABELS.includes(r.label), `${r.number}: label ${r.label}`);
            await page.screenshot({ path: join(SHOTS, `${stem}-beslutninger.png`), fullPage: false });

            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});

// Other councils' referater (tests/corpus/dev): the page shows what their truth says.
describe("another council's referat", () => {
    for (const stem of ['odense-byraad-2018-10-24', 'thisted-kommunalbestyrelsen-2022-04-26', 'esbjerg-oekonomiudvalget-2014-11-03']) {
        test(stem, async () => {
            const truth = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/dev/truth', stem + '.json'), 'utf8'));
            const { context, page, errors } = await session();
            await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/dev', stem + '.txt'));
            await page.waitForSelector('.summary h2');
            assert.equal(await page.textContent('.summary h2'), `Referat: ${truth.meeting.body}`);
            const numbers = await page.$$eval('.agenda .item-head .num', (els) => els.map((e) => e.textContent));
            assert.deepEqual(numbers, truth.items.map((i) => i.number));
            await page.click('button[role=tab]:has-text("Beslutninger")');
            const labels = await page.$$eval('.view table.decisions td.outcome-cell', (els) => els.map((e) => e.textContent));
            assert.equal(labels.length, truth.items.filter((i) => i.decision).length);
            // Votes and the earlier treatment, as labelled by reading (tests/corpus/votes).
            const votesTruth = join(ROOT, 'tests/corpus/votes/truth', `dev--${stem}.json`);
            if (existsSync(votesTruth)) {
                const labelled = JSON.parse(readFileSync(votesTruth, 'utf8')).items;
                const count = (key) => labelled.reduce((n, i) => n + (i[key]?.length ?? 0), 0);
                assert.equal(await page.locator('.view table.decisions ul.votes li').count(), count('votes'));
                assert.equal(await page.locator('.view table.decisions .trail li').count(), count('trail'));
                // The bar shows the positions printed with a count.
                const counted = labelled.some((i) => (i.votes ?? []).some((v) => v.count > 0));
                assert.equal((await page.locator('.view svg.vote-bar rect').count()) > 0, counted);
            }
            assert.deepEqual(errors, []);
            await context.close();
        });
    }

    test('a referat that records no attendance says so', async () => {
        const { context, page, errors } = await session();
        await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/dev/herning-oekonomi-og-erhvervsudvalget-2021-06-14.txt'));
        await page.waitForSelector('.summary h2');
        assert.equal(await page.textContent('[data-testid=attendance-not-stated]'), 'Ikke angivet i referatet');
        assert.equal(await page.locator('[data-testid=present-count]').count(), 0);
        await page.click('button[role=tab]:has-text("Fremmøde")');
        assert.match(await page.textContent('.view .attendance'), /Ikke angivet i referatet/);
        assert.deepEqual(errors, []);
        await context.close();
    });

    test('a letter is not a referat', async () => {
        const dir = join(tmpdir(), `referat-letter-${process.pid}`);
        mkdirSync(dir, { recursive: true });
        const path = join(dir, 'brev.txt');
        writeFileSync(path, 'Kære Jens\n\nTak for sidst. Vi ses til sommer.\n\nHilsen Anne\n');
        const { context, page } = await session();
        await page.setInputFiles('#file-input', path);
        const alert = page.locator('[role=alert]');
        await alert.waitFor();
        assert.match(await alert.textContent(), /brev\.txt ligner ikke et referat/);
        await context.close();
    });
});

test('the built-in examples open with one click', async () => {
    const { context, page, errors } = await session();
    await page.click('button.example:has-text("2021")');
    await page.waitForSelector('.summary h2');
    assert.equal(await page.textContent('[data-testid=item-count]'), '17');
    await page.click('button.example:has-text("2025")');
    await page.waitForFunction(() => document.querySelector('.source')?.textContent.includes('2025'));
    assert.equal(await page.textContent('[data-testid=item-count]'), '17');
    assert.equal(await page.textContent('[data-testid=present-count]'), '17');
    assert.deepEqual(errors, []);
    await context.close();
});

test('pasted text is analysed', async () => {
    const { context, page } = await session();
    const text = readFileSync(join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md'), 'utf8');
    await page.click('details.paste summary');
    await page.fill('#paste-text', text);
    await page.click('details.paste button');
    await page.waitForSelector('.summary h2');
    assert.equal(await page.textContent('[data-testid=item-count]'), '17');
    await context.close();
});

test('a file dropped on the page is analysed', async () => {
    const { context, page } = await session();
    const text = readFileSync(join(ROOT, 'tests/corpus/kkr-nordjylland-2025-08-29.txt'), 'utf8');
    const dataTransfer = await page.evaluateHandle((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'dropped.txt', { type: 'text/plain' }));
        return dt;
    }, text);
    await page.dispatchEvent('.page', 'drop', { dataTransfer });
    await page.waitForSelector('.summary h2');
    assert.match(await page.textContent('.summary .source'), /dropped\.txt/);
    assert.equal(await page.textContent('[data-testid=present-count]'), '17');
    await context.close();
});

describe('bad input gets a Danish message, not a blank page', () => {
    const dir = join(tmpdir(), `referat-browser-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const cases = [
        ['empty.txt', Buffer.alloc(0), /er tom/],
        ['noise.bin', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 2654435761) >>> 24)), /ligner ikke et tekstdokument/],
    ];
    for (const [name, bytes, message] of cases) {
        test(name, async () => {
            const path = join(dir, name);
            writeFileSync(path, bytes);
            const { context, page, errors } = await session();
            await page.setInputFiles('#file-input', path);
            const alert = page.locator('[role=alert]');
            await alert.waitFor();
            assert.match(await alert.textContent(), message);
            assert.match(await alert.textContent(), new RegExp(name.replace('.', '\\.')));
            // The page still works afterwards.
            await page.click('button.example:has-text("2021")');
            await page.waitForSelector('.summary h2');
            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});

test('no request goes to any host but 127.0.0.1', () => {
    const all = allRequests.flat();
    assert.ok(all.length > 0, 'requests were recorded');
    const foreign = all.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1');
    assert.deepEqual(foreign, []);
});
