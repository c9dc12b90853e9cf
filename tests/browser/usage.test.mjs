// The page as people use it: on a 390×844 phone (nothing wider than the screen), at
// 1366×768 (the result's heading focused and in view), by keyboard only (tabs by arrow
// keys, items by Enter, Back through the views), and checked by axe-core on every view
// of both examples, with the contrast of the focus ring, the outcome labels and the chart
// bars measured. Screenshots of every view at both sizes go to test-results/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, setup } from './harness.mjs';

const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const EXAMPLES = ['2021', '2025'];
const TABS = [['dagsorden', 'Dagsorden'], ['fremmoede', 'Fremmøde'], ['beslutninger', 'Beslutninger'], ['gennemgang', 'Gennemgang']];

const env = setup();

async function open(viewport, options = {}) {
    const context = await env.browser.newContext({ viewport, ...options });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.url);
    await page.waitForSelector('h1:has-text("Referat Analyzer")');
    return { context, page, errors };
}

async function example(page, year) {
    await page.click(`button.example:has-text("${year}")`);
    await page.waitForFunction((y) => document.querySelector('.summary .source')?.textContent.includes(y), year);
}

async function showTab(page, slug) {
    await page.click(`#tab-${slug}`);
    await page.waitForFunction((s) => !document.getElementById(`panel-${s}`).hidden, slug);
}

describe('on a 390×844 phone', () => {
    for (const year of EXAMPLES) {
        test(`the ${year} example fits the screen in every view`, async () => {
            const { context, page, errors } = await open({ width: 390, height: 844 }, { isMobile: true, hasTouch: true });
            await example(page, year);
            for (const [slug] of TABS) {
                await showTab(page, slug);
                const wide = await page.evaluate(() => document.documentElement.scrollWidth);
                assert.ok(wide <= 390, `${slug}: the document is ${wide} px wide`);
                const tabs = await page.$$eval('[role=tab]', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
                for (const [left, right] of tabs) assert.ok(left >= 0 && right <= 390, `${slug}: a tab at ${left}–${right}`);
                await page.screenshot({ path: join(SHOTS, `phone-${year}-${slug}.png`), fullPage: false });
            }
            // Each decision's text, and the chart labels, within the screen's width.
            await showTab(page, 'beslutninger');
            const texts = await page.$$eval('#panel-beslutninger .decision-text', (els) => els.map((e) => e.getBoundingClientRect().right));
            assert.ok(texts.length > 5);
            for (const right of texts) assert.ok(right <= 390, `a decision's text ends at ${right}`);
            await showTab(page, 'fremmoede');
            const sizes = await page.$$eval('#panel-fremmoede ul.bars li span', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
            assert.ok(sizes.length > 4 && sizes.every((s) => s >= 12), `chart text sizes ${sizes}`);
            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});

describe('at 1366×768', () => {
    for (const year of EXAMPLES) {
        test(`after the ${year} example the result's heading is focused and in view`, async () => {
            const { context, page, errors } = await open({ width: 1366, height: 768 });
            await example(page, year);
            await page.waitForFunction(() => document.activeElement?.id === 'result-heading');
            const box = await page.$eval('#result-heading', (h) => h.getBoundingClientRect().toJSON());
            assert.ok(box.top >= -1 && box.bottom <= 768, `heading at ${box.top}–${box.bottom}`);
            assert.match(await page.textContent('[role=status][aria-live=polite]:not(.busy)'), /Referatet er læst: 17 punkter/);
            for (const [slug] of TABS) {
                await showTab(page, slug);
                await page.screenshot({ path: join(SHOTS, `desktop-${year}-${slug}.png`), fullPage: false });
            }
            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});

describe('by keyboard only', () => {
    test('arrow keys move between tabs, Enter opens an item, Back returns to the previous tab', async () => {
        const { context, page, errors } = await open({ width: 1366, height: 768 });
        await example(page, '2021');
        // One tab stop: only the chosen tab is in the tab order.
        assert.deepEqual(await page.$$eval('[role=tab]', (els) => els.map((e) => e.tabIndex)), [0, -1, -1, -1]);
        await page.focus('#tab-dagsorden');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => document.activeElement?.id === 'tab-fremmoede');
        assert.equal(await page.getAttribute('#tab-fremmoede', 'aria-selected'), 'true');
        assert.equal(await page.evaluate(() => location.hash), '#fremmoede');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => location.hash === '#beslutninger' && !document.getElementById('panel-beslutninger').hidden);
        await page.keyboard.press('End');
        await page.waitForFunction(() => document.activeElement?.id === 'tab-gennemgang');
        await page.keyboard.press('Home');
        await page.waitForFunction(() => document.activeElement?.id === 'tab-dagsorden');
        await page.goBack();
        await page.waitForFunction(() => location.hash === '#gennemgang');
        await page.goBack();
        await page.waitForFunction(() => !document.getElementById('panel-beslutninger').hidden);
        assert.equal(await page.getAttribute('#tab-beslutninger', 'aria-selected'), 'true');
        // Back to the agenda by keyboard; Enter opens an item, and it stays open across tabs.
        await page.focus('#tab-beslutninger');
        await page.keyboard.press('Home');
        await page.waitForFunction(() => !document.getElementById('panel-dagsorden').hidden);
        await page.locator('.agenda li.item:not(.empty) > details > summary').first().focus();
        await page.keyboard.press('Enter');
        assert.equal(await page.$eval('.agenda li.item:not(.empty) > details', (d) => d.open), true);
        await showTab(page, 'fremmoede');
        await showTab(page, 'dagsorden');
        assert.equal(await page.$eval('.agenda li.item:not(.empty) > details', (d) => d.open), true);
        assert.deepEqual(errors, []);
        await context.close();
    });

    test('"Vis punkt" opens the item at its decision; a reload keeps the view; "Start forfra" focuses the file chooser', async () => {
        const { context, page, errors } = await open({ width: 1366, height: 768 });
        await page.setInputFiles('#file-input', join(ROOT, 'tests/corpus/adversarial/draft-errors-2021.md'));
        await page.waitForSelector('.summary h2');
        await showTab(page, 'gennemgang');
        const button = page.locator('button.show-item').first();
        const number = (await button.textContent()).replace('Vis punkt ', '');
        await button.click();
        await page.waitForFunction((n) => location.hash === `#punkt-${n}` && !document.getElementById('panel-dagsorden').hidden, number);
        await page.waitForFunction((n) => document.getElementById(`punkt-${n}`)?.contains(document.activeElement), number);
        await page.goBack();
        await page.waitForFunction(() => !document.getElementById('panel-gennemgang').hidden);
        // The view is in the address, the document is not: a reload shows the chosen view's tab.
        await showTab(page, 'beslutninger');
        await page.reload();
        await example(page, '2021');
        assert.equal(await page.getAttribute('#tab-beslutninger', 'aria-selected'), 'true');
        await page.click('button.reset');
        await page.waitForFunction(() => document.activeElement?.id === 'file-input');
        assert.deepEqual(errors, []);
        await context.close();
    });
});

// WCAG contrast of two CSS colours ("rgb(r, g, b)").
function contrast(a, b) {
    const lum = (c) => {
        const [r, g, b2] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => v / 255)
            .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
}

describe('axe-core and measured contrast', () => {
    for (const year of EXAMPLES) {
        test(`every view of the ${year} example: 0 violations`, async () => {
            // axe is injected as a script: allowed for this test context only.
            const { context, page } = await open({ width: 1366, height: 768 }, { bypassCSP: true });
            await example(page, year);
            await page.addScriptTag({ content: AXE });
            for (const [slug] of TABS) {
                await showTab(page, slug);
                // Open an item and a recommendation, so their insides are checked too.
                if (slug === 'dagsorden') await page.click('.agenda li.item:not(.empty) > details > summary');
                const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
                assert.ok(result.passes.length > 20, `axe ran ${result.passes.length} passing rules`);
                const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
                assert.deepEqual(found, [], `${year} ${slug}`);
            }
            await context.close();
        });
    }

    test('the focus ring, the outcome labels and the chart bars stand out', async () => {
        const { context, page } = await open({ width: 1366, height: 768 });
        await example(page, '2021');
        await page.focus('#tab-dagsorden');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => document.activeElement?.id === 'tab-fremmoede');
        const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineColor);
        const pageBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.ok(contrast(ring, pageBg) >= 3 && contrast(ring, 'rgb(255, 255, 255)') >= 3, `focus ring ${ring}`);
        // The absent bar against the card, and the present bar against the absent one.
        const [present, absent] = await page.$$eval('#panel-fremmoede ul.bars svg', (svgs) => ['present', 'absent']
            .map((k) => getComputedStyle(svgs[0].querySelector(`rect.${k}`)).fill));
        assert.ok(contrast(absent, 'rgb(255, 255, 255)') >= 3, `absent bar ${absent}`);
        assert.ok(contrast(present, 'rgb(255, 255, 255)') >= 3, `present bar ${present}`);
        // Every outcome label: white text readable on it, and a sign of its own.
        const labels = await page.evaluate(() => ['approved', 'noted', 'discussed', 'endorsed', 'postponed', 'rejected', 'referred', 'other'].map((k) => {
            const span = document.createElement('span');
            span.className = `outcome ${k}`;
            span.textContent = k;
            document.body.append(span);
            const style = getComputedStyle(span);
            const sign = getComputedStyle(span, '::before').content;
            const out = [k, style.color, style.backgroundColor, sign];
            span.remove();
            return out;
        }));
        for (const [k, color, bg] of labels) assert.ok(contrast(color, bg) >= 4.5, `${k}: ${color} on ${bg}`);
        const signs = labels.map((l) => l[3]);
        assert.ok(signs.every((s) => s && s !== 'none' && s !== 'normal'), `signs ${signs}`);
        assert.equal(new Set(signs).size, labels.length, `signs ${signs}`);
        await context.close();
    });
});
