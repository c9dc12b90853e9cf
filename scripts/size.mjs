// Prints the raw and gzip size of everything the page ships (dist/) and fails when the
// gzip total passes the budget. Size is deterministic, so CI may check it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 400 * 1024;
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
let raw = 0;
let gz = 0;
for (const f of files.sort()) {
    const bytes = readFileSync(f);
    const z = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += z;
    console.log(`${f.padEnd(60)} ${String(bytes.length).padStart(9)} B  gzip ${String(z).padStart(8)} B`);
}
console.log(`total ${raw} B, gzip ${gz} B (${(gz / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB)`);
if (gz > BUDGET) {
    console.error(`The page ships ${(gz / 1024).toFixed(1)} KB gzip, over the ${BUDGET / 1024} KB budget.`);
    process.exit(1);
}
