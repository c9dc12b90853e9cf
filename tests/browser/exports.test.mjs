// Review and exports in the browser: the draft's findings in "Gennemgang" lead to their
// item; each export downloads with the right content; printing gives a clean summary;
// the wasm's JavaScript API returns the referat/1 object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, setup } from './harness.mjs';

const env = setup();

async function downloaded(page, label) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`button.export:has-text("${label}")`)]);
    return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

test('every export downloads with its content', async () => {
    const { context, page, errors } = await openPage(env.browser, env.url);
    await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/kkr-nordjylland-2021-06-11.md'));
    await page.waitForSelector('.summary h2');

    const json = await downloaded(page, 'JSON');
    assert.equal(json.name, 'kkr-nordjylland-2021-06-11.referat.json');
    const r = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(r.schema, 'referat/1');
    assert.equal(r.items.length, 17);
    assert.equal(r.attendance.present[0].name, 'Birgit Stenbak Hansen');

    const decisions = await downloaded(page, 'CSV: beslutninger');
    assert.equal(decisions.name, 'kkr-nordjylland-2021-06-11-beslutninger.csv');
    assert.deepEqual([...decisions.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const rows = decisions.bytes.toString('utf8').slice(1).trim().split(/\r?\n(?=")/);
    assert.equal(rows[0], '"Fil";"Punkt";"Titel";"Sagsnummer";"Udfald";"Beslutning";"Indstilling";"For";"Imod";"Undlod";"Forbehold";"For (partier)";"Imod (partier)";"Undlod (partier)"');
    assert.equal(rows.length, 1 + 10);
    assert.ok(rows[1].startsWith('"kkr-nordjylland-2021-06-11.md";"1.1";"Godkendelse af dagsorden";"SAG-2021-02944";"Godkendt";'), rows[1]);

    const attendance = await downloaded(page, 'CSV: fremmøde');
    const lines = attendance.bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    assert.equal(lines.length, 1 + 16 + 7);
    assert.ok(lines.includes('"kkr-nordjylland-2021-06-11.md";"Meiner Nørgaard";"O";"Morsø";"Afbud"'));

    const md = (await downloaded(page, 'Markdown')).bytes.toString('utf8');
    assert.match(md, /^# Referat: KKR Nordjylland/);
    assert.match(md, /## Beslutninger/);
    assert.match(md, /- \*\*3\.4 Flygtningefordeling 2022\*\* — Godkendt:/);
    assert.deepEqual(errors, []);
    await context.close();
});

test('printing shows the summary, the decisions and the attendance, not the controls', async () => {
    const { context, page } = await openPage(env.browser, env.url);
    await page.click('button.example:has-text("2025")');
    await page.waitForSelector('.summary h2');
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });
    await page.click('button.export:has-text("Udskriv")');
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('.input'), false);
    assert.equal(await page.isVisible('.exports'), false);
    assert.equal(await page.isVisible('.view.print table.decisions'), true);
    assert.equal(await page.isVisible('.view.print table.people'), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 20_000, `A4 print: ${pdf.length} bytes`);
    await page.screenshot({ path: join(ROOT, 'test-results/print.png'), fullPage: true });
    await context.close();
});

test('Gennemgang lists the draft\'s findings and shows the item each concerns', async () => {
    const { context, page } = await openPage(env.browser, env.url);
    await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/adversarial/draft-errors-2021.md'));
    await page.waitForSelector('.summary h2');
    await page.click('button[role=tab]:has-text("Gennemgang")');
    const codes = await page.$$eval('.findings .finding', (els) => els.map((e) => e.dataset.code));
    for (const code of ['numbering-gap', 'missing-decision', 'present-and-absent', 'unknown-person']) {
        assert.ok(codes.includes(code), `${code} in ${codes}`);
    }
    await page.click('.finding[data-code=unknown-person] button.show-item');
    await page.waitForSelector('#tab-dagsorden[aria-selected=true]');
    assert.equal(await page.evaluate(() => document.querySelector('#punkt-3\\.4 details').open), true);
    assert.ok(await page.isVisible('#punkt-3\\.4.focused'));
    await page.screenshot({ path: join(ROOT, 'test-results/gennemgang.png') });
    await context.close();
});

test('the JavaScript API returns the referat/1 object', async () => {
    const { context, page } = await openPage(env.browser, env.url);
    const text = readFileSync(join(ROOT, 'tests/corpus/kkr-nordjylland-2025-08-29.txt'), 'utf8');
    const result = await page.evaluate(async (t) => {
        const api = await import('/referat-analyzer.js');
        return api.analyze(new TextEncoder().encode(t), 'kkr-nordjylland-2025-08-29.txt');
    }, text);
    assert.equal(result.schema, 'referat/1');
    assert.equal(result.meeting.location, 'Hotel Scandic Aalborg Øst, Hadsundvej 200, Aalborg');
    assert.equal(result.items.find((i) => i.number === '3.3').decision.outcome, 'approved');
    await context.close();
});
