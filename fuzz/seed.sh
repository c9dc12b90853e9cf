#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed) from
# tests/corpus: the referater as text, the PDF, HTML and DOCX variants.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/text corpus/pdf corpus/html corpus/docx
for f in ../tests/corpus/*.md ../tests/corpus/*.txt ../tests/corpus/dev/*.txt ../tests/corpus/variants/*.txt; do
    case "$f" in *.source.txt) continue ;; esac
    cp "$f" corpus/text/
done
cp ../tests/corpus/variants/*.pdf ../tests/corpus/real/*.pdf corpus/pdf/ 2>/dev/null || true
cp ../tests/corpus/variants/*.html ../tests/corpus/real/*.html corpus/html/ 2>/dev/null || true
# The docx target takes document.xml itself: unpack it from the Word variants.
for f in ../tests/corpus/variants/*.docx; do
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' "$f" > "corpus/docx/$(basename "$f" .docx).xml"
done
echo "seeded: $(ls corpus/text | wc -l) text, $(ls corpus/pdf | wc -l) pdf, $(ls corpus/html | wc -l) html, $(ls corpus/docx | wc -l) docx"
