#!/usr/bin/env bash
# The command line on 1,000 referater: `bash scripts/bench-cli.sh [COUNT]`. Copies the
# corpus's text referater (each with its own first line, so no two files are the same)
# into a temporary folder, runs `referat --format jsonl` on the folder and prints the
# time, files per second and MB per second. Needs `cargo build --release --bin referat`.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
bin=target/release/referat
[ -x "$bin" ] || cargo build --quiet --release --bin referat
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
sources=()
for f in tests/corpus/*.md tests/corpus/*.txt tests/corpus/dev/*.txt tests/corpus/real/*.txt; do
    case "$f" in *.source.txt | */empty.txt) ;; *) sources+=("$f") ;; esac
done
for ((i = 0; i < count; i++)); do
    src="${sources[i % ${#sources[@]}]}"
    { echo "Kopi $i"; cat "$src"; } > "$dir/$(printf '%05d' "$i")-$(basename "$src")"
done
bytes=$(cat "$dir"/* | wc -c)
start=$(date +%s.%N)
"$bin" --format jsonl "$dir" > /dev/null 2> "$dir.err" || true
end=$(date +%s.%N)
failed=$(wc -l < "$dir.err"); rm -f "$dir.err"
python3 - "$start" "$end" "$count" "$bytes" "$failed" <<'PY'
import sys
start, end, count, size, failed = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
t = end - start
print(f"{count} files, {size / 1e6:.1f} MB in {t:.2f} s: {count / t:.0f} files/s, {size / 1e6 / t:.1f} MB/s ({failed} not read as referater)")
PY
