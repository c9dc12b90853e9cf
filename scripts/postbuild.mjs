// Trunk post-build hook: runs in the staging directory after every build.
// 0. The wasm goes out compressed with zopfli (npm @gfx/zopfli, a dev dependency):
//    referat-analyzer_bg.wasmz, 4.8 % smaller than zlib -9 makes it (about 20 KB; about
//    7 s of build time). Not ".gz": a server may send a .gz with Content-Encoding: gzip,
//    and the browser would unpack it before we do. The page and the worker unpack it with DecompressionStream while
//    it downloads and compile it as it streams in (a Response typed application/wasm), so
//    it works on any static server, compressing or not, and from the cache offline.
// 1. Content-Security-Policy: nothing but the page's own origin; trunk's inline loader
//    script is allowed by its hash, no other inline script is.
// 2. sw.js: a service worker whose cache name is a hash of everything it precaches, so a
//    new build replaces the old cache on activate.
// 3. referat-analyzer.html: the one-file edition (css, js and wasm inlined; wasm gzip +
//    base64, unpacked with DecompressionStream; the glue as text, imported from a blob)
//    that works from file:// with no request.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const read = (name) => readFileSync(join(dir, name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const ONE_FILE = 'referat-analyzer.html';

// 0. The compressed wasm, and trunk's loader made to unpack it.
const WASM = 'referat-analyzer_bg.wasm';
const wasmBytes = read(WASM);
const packed = Buffer.from(await gzipAsync(wasmBytes, { numiterations: 15 }));
writeFileSync(join(dir, `${WASM}z`), packed);
rmSync(join(dir, WASM));
let html = read('index.html').toString();
const wasmUrl = /module_or_path:\s*([`'"])\/referat-analyzer_bg\.wasm\1/;
if (!wasmUrl.test(html)) throw new Error(`postbuild: trunk's loader in index.html no longer names /${WASM}`);
const UNPACK = `fetch(u).then((r)=>new Response(r.body.pipeThrough(new DecompressionStream('gzip')),{headers:{'Content-Type':'application/wasm'}}))`;
html = html.replace(wasmUrl, `module_or_path:((u)=>${UNPACK})('/${WASM}z')`);
// trunk's preload of the plain wasm would fetch a file that is no longer there: it preloads
// the packed one instead.
const preload = /<link[^>]*href="?\/referat-analyzer_bg\.wasm"?[^>]*>/;
if (!preload.test(html)) throw new Error('postbuild: no preload of the wasm in index.html to replace');
html = html.replace(preload, `<link rel=preload href=/${WASM}z as=fetch crossorigin>`);

// 1. CSP for the served page.
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline.map(sha256).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, '');
// Right after the charset (trunk's minifier drops the optional <head> tag), before any script.
const charset = html.match(/<meta charset="?utf-8"?>/i);
if (!charset) throw new Error('postbuild: no <meta charset> in index.html to put the CSP after');
html = html.replace(charset[0], `${charset[0]}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync(join(dir, 'index.html'), html);

// 2. The service worker, with every file of the page to keep.
const files = [];
const walk = (d) => {
    for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (!name.startsWith('.') && name !== 'sw.js' && name !== ONE_FILE) files.push(relative(dir, p));
    }
};
walk(dir);
files.sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(read(f));
const sw = readFileSync(new URL('../www/sw.template.js', import.meta.url), 'utf8')
    .replace('__VERSION__', version.digest('hex').slice(0, 16))
    .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => './' + f)]));
writeFileSync(join(dir, 'sw.js'), sw);

// 3. The one-file edition.
const css = read('style.css').toString();
const glue = read('referat-analyzer.js');
// The same zopfli gzip as the served page's (step 0), inlined as base64.
const wasm = packed;
// The glue goes in as a string literal, not base64: gzip packs JavaScript text to 6.5 KB,
// its base64 to 10.7 KB. Nothing in it may end the script element ("</script") or open
// an HTML comment inside it.
const glueLiteral = JSON.stringify(glue.toString()).replaceAll('</', '<\\/').replaceAll('<!--', '<\\!--');
const loader = `const unpack = async (b64) => new Uint8Array(await new Response(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
const { default: init } = await import(URL.createObjectURL(new Blob([${glueLiteral}], { type: 'text/javascript' })));
await init({ module_or_path: await unpack('${wasm.toString('base64')}') });`;
const oneCsp = [
    "default-src 'none'",
    `script-src ${sha256(loader)} blob: 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');
const one = `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${oneCsp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Referat Analyzer</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body data-referat-app>
<noscript>Referat Analyzer kræver JavaScript og WebAssembly.</noscript>
<script type="module">${loader}</script>
</body>
</html>
`;
writeFileSync(join(dir, ONE_FILE), one);
console.log(`postbuild: CSP with ${inline.length} inline script hash(es); sw.js caches ${files.length + 1} entries; ${ONE_FILE} ${one.length} bytes`);
