#!/usr/bin/env python3
"""Regenerates src/lexicon/da.words, the Danish lexicon the OCR repair trusts.

Source: wordfreq 3.1.1's Danish word list (pip download wordfreq; its data is CC BY-SA
4.0, see src/lexicon/README.md): 29,000 words with their frequencies. The OCR repair
needs all of them, not only the words spelled with æ/ø/å: a repair is certain only when
the damaged form is not itself a word, or a far rarer one ("for" is never made "før").

Format, compact because the page ships it (58 KB gzip; one word a line with digits was
64 KB): two lines. The first holds every word, sorted, front-coded and run together:
each word is a marker character saying how many letters it shares with the word before
(at most 25), then the rest of the word. The marker is "A" + shared for a plain word and
"!" + shared for a word with a frequency (words are lower-case letters, so a marker is
never a letter of a word). Words spelled with æ/ø/å, and the plain words OCR damage to
them could produce, carry a frequency; the second line holds their frequencies in the
same order, two digits B each, about 10^(-B/10) ("møde" is 36). Other words carry none:
the repair only needs to know they are words.

usage: python3 scripts/make-lexicon.py   (needs pip and msgpack; rewrites the file)
"""
import gzip
import itertools
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

VERSION = "3.1.1"
OUT = pathlib.Path(__file__).resolve().parent.parent / "src/lexicon/da.words"


def load():
    import msgpack

    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, f"wordfreq=={VERSION}"], check=True)
    wheel = next(pathlib.Path(tmp).glob("wordfreq-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        data = msgpack.unpackb(gzip.decompress(z.read("wordfreq/data/small_da.msgpack.gz")), raw=False)
    words = {}
    for bin_, bucket in enumerate(data[1:]):
        for w in bucket:
            words.setdefault(w, bin_)
    return {w: b for w, b in words.items() if re.fullmatch(r"[a-zæøåé]+(-[a-zæøåé]+)?", w)}


CONFUSIONS = OUT.parent / "ocr-confusions.tsv"
# The same rule as src/text/ocr.rs (MIN_SHARE and `confusions_from`): a reading is tried when
# at least this share of the letter's occurrences (small and capital together) is read so.
MIN_SHARE = 0.002


def damage():
    """Every damaged spelling of æ/ø/å the measured table (ocr-confusions.tsv) keeps."""
    counts, totals = {}, {}
    for row in CONFUSIONS.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        letter, read_as, count = row.split("\t")[:3]
        letter, read_as, count = letter.lower(), read_as.lower(), int(count)
        if letter not in "æøå":
            continue
        totals[letter] = totals.get(letter, 0) + count
        # A dropped letter or one read as punctuation is no reading the repair tries.
        if not read_as or read_as == letter or not all(c.isalnum() or c in "@&" for c in read_as):
            continue
        counts[(letter, read_as)] = counts.get((letter, read_as), 0) + count
    out = {}
    for (letter, read_as), n in counts.items():
        if n >= MIN_SHARE * totals[letter]:
            out.setdefault(letter, []).append(read_as)
    return out


DAMAGE = damage()


def variants(w):
    """Every spelling OCR damage could give w (its first three damageable letters)."""
    slots = [i for i, c in enumerate(w) if c in DAMAGE][:3]
    choices = [[c] + DAMAGE[c] if i in slots else [c] for i, c in enumerate(w)]
    return {"".join(p) for p in itertools.product(*choices)} - {w}


def main():
    words = load()
    with_freq = {w for w in words if re.search("[æøå]", w)}
    for w in list(with_freq):
        with_freq |= {v for v in variants(w) if v in words}
    coded, freqs, prev = [], [], ""
    for w in sorted(words):
        assert re.fullmatch("[a-zæøåé]+", w), w
        k = 0
        while k < min(len(w), len(prev), 25) and w[k] == prev[k]:
            k += 1
        coded.append(chr((33 if w in with_freq else 65) + k) + w[k:])
        if w in with_freq:
            freqs.append(f"{words[w] // 10:02d}")
        prev = w
    OUT.write_text("".join(coded) + "\n" + "".join(freqs) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words, {len(with_freq)} with a frequency")


if __name__ == "__main__":
    main()
