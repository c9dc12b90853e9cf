// Serves dist/ on 127.0.0.1 and starts Debian's headless Chromium through playwright-core,
// recording every request the page makes.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
    '.webmanifest': 'application/manifest+json',
};

export async function serveDist() {
    const server = createServer(async (req, res) => {
        const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
        const file = join(DIST, path.endsWith('/') ? path + 'index.html' : path);
        if (!file.startsWith(DIST)) {
            res.writeHead(403).end();
            return;
        }
        try {
            const body = await readFile(file);
            res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
        } catch {
            res.writeHead(404).end('not found');
        }
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function launch() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            // Any host but our own fails at once instead of waiting on the closed network.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
    });
}

/// A page that logs every request and every uncaught error.
export async function openPage(browser, url) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    await page.waitForSelector('h1:has-text("Referat Analyzer")');
    return { context, page, requests, errors };
}

/// Serves dist/ and starts Chromium before a test file's tests, and stops both after:
/// `const env = setup();` then `env.url`, `env.browser`.
export function setup() {
    const env = {};
    before(async () => {
        ({ server: env.server, url: env.url } = await serveDist());
        env.browser = await launch();
    });
    after(async () => {
        await env.browser?.close();
        env.server?.close();
    });
    return env;
}

/// A phone-sized page (390×844, touch) that records its requests into `requests`, with
/// axe-core allowed in (its CSP bypassed for this context only).
export async function openPhone(browser, url, requests) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    return { context, page };
}

/// Nothing wider than the 390 px screen, and axe-core finds no violation (`what` names
/// the view in a failure). axe must have been added to the page.
export async function fitsAndPassesAxe(page, what) {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 390) throw new Error(`${what}: the document is ${wide} px wide`);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    if (found.length) throw new Error(`${what}: ${found.join('; ')}`);
}
