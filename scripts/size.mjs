// Prints the raw and gzip size of what the page ships (dist/) and fails when an edition
// passes the budget. Two editions are measured separately: the served page (every file
// but the one-file edition) and the one-file edition (referat-analyzer.html, which holds
// the whole page itself). Size is deterministic, so CI may check it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 400 * 1024;
const ONE_FILE = 'referat-analyzer.html';
const dir = process.argv[2] ?? 'dist';
const files = [];
const walk = (d) => {
    for (const name of readdirSync(d)) {
        if (name.startsWith('.')) continue;
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
    }
};
walk(dir);
const editions = { page: { raw: 0, gz: 0 }, 'one-file edition': { raw: 0, gz: 0 } };
for (const f of files.sort()) {
    const bytes = readFileSync(f);
    const z = gzipSync(bytes, { level: 9 }).length;
    const edition = f.endsWith(ONE_FILE) ? editions['one-file edition'] : editions.page;
    edition.raw += bytes.length;
    edition.gz += z;
    console.log(`${f.padEnd(60)} ${String(bytes.length).padStart(9)} B  gzip ${String(z).padStart(8)} B`);
}
let over = false;
for (const [name, { raw, gz }] of Object.entries(editions)) {
    if (raw === 0) continue;
    console.log(`${name}: ${raw} B, gzip ${gz} B (${(gz / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB)`);
    if (gz > BUDGET) {
        console.error(`The ${name} ships ${(gz / 1024).toFixed(1)} KB gzip, over the ${BUDGET / 1024} KB budget.`);
        over = true;
    }
}
process.exit(over ? 1 : 0);
