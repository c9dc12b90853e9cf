#!/usr/bin/env python3
"""Regenerates src/lexicon/names.txt, the Danish first names and surnames the parser knows.

Sources, both read from the name table that the PyPI package dacy 2.9.0 ships
(dacy/resources/lookup_tables/names.csv; the package is Apache-2.0, its README for the
table names the sources below; pip download fetches it, nothing else is needed):
- Danskernes Navne (Københavns Universitet, Afdeling for Navneforskning, from the CPR
  register of 2005; http://www.danskernesnavne.navneforskning.ku.dk/TopNavne.asp): the
  rows "danish", every first name borne by at least about 480 people and every surname
  borne by at least about 390. These include the names of Danes of immigrant background
  that are that common (Mohammad, Ali, Fatima, Ahmed, Hussain).
- Eva Villarsen Meldgaard, "Muslimske fornavne i Danmark" (Københavns Universitet 2005,
  from Danmarks Statistik's data; https://navn.ku.dk/personnavne/muslimske_fornavne/):
  the rows "muslim" that are first names, those borne by at least MIN_MELDGAARD people in
  2005. The table's "muslim" surnames come from an American baby-name site, not from
  Danish data, and are not used.
Names and counts are facts; the list is the names only.

Left out, so that the lists serve the parser:
- anything not a name: initials ("K", "Chr"), names with an apostrophe or a space
  ("Rene'", "la Cour": the file splits on spaces);
- a first name that is one of the commonest Danish words (more frequent than 1 in
  300 words in wordfreq 3.1.1's Danish list, the one scripts/make-lexicon.py reads):
  "De" would make "De Radikale stemte ..." a person;
- a name spelled without æ/ø/å that is also OCR damage of a Danish word spelled with
  them ("Kamper" of "kæmper", "Valter" of "vælter"), unless src/lexicon/da.words already
  knows it as a word: the OCR repair (src/text/ocr.rs) never mends a known name, so the
  name would keep the damaged word from being mended.

Format (src/lexicon/mod.rs and src/text/ocr.rs read it): comment lines start with "#";
the line "# First names" opens the first names, the next "#" line ("# Surnames") the
surnames; names are separated by spaces, several to a line. Each section is sorted in
Danish order (æ, ø, å after z) and holds each name once; a name may stand in both.

usage: python3 scripts/make-names.py   (needs pip and network access to PyPI; rewrites the file)
"""
import csv
import gzip
import hashlib
import io
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src/lexicon/names.txt"
DA_WORDS = ROOT / "src/lexicon/da.words"
DACY = "2.9.0"
DACY_SHA256 = "248fb00eed384854930a1efa300198d82220456b69806d66512603bbffa704ce"
WORDFREQ = "3.1.1"
MIN_MELDGAARD = 100
# A first name more frequent than this as a Danish word is left out (10^(-250/100)).
COMMON_WORD_BIN = 250
WIDTH = 100


def wheel(name, version):
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, f"{name}=={version}"], check=True)
    return next(pathlib.Path(tmp).glob(f"{name}-{version}-*.whl"))


def name_table():
    path = wheel("dacy", DACY)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != DACY_SHA256:
        sys.exit(f"dacy {DACY}: sha256 {digest}, expected {DACY_SHA256}")
    with zipfile.ZipFile(path) as z:
        text = z.read("dacy/resources/lookup_tables/names.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def word_bins():
    """wordfreq's Danish words and their bins (frequency about 10^(-bin/100))."""
    import msgpack

    with zipfile.ZipFile(wheel("wordfreq", WORDFREQ)) as z:
        data = msgpack.unpackb(gzip.decompress(z.read("wordfreq/data/small_da.msgpack.gz")), raw=False)
    bins = {}
    for b, bucket in enumerate(data[1:]):
        for w in bucket:
            bins.setdefault(w, b)
    return bins


def lexicon():
    """src/lexicon/da.words decoded: word -> frequency digits, or None for a plain word."""
    coded, freqs = DA_WORDS.read_text(encoding="utf-8").split("\n")[:2]
    words, prev, k = {}, "", 0
    # Each word: a marker ("A" + shared letters: plain; "!" + shared: with a frequency).
    for marker, rest in re.findall(r"([!-:A-Z])([^!-:A-Z]*)", coded):
        w = prev[: (ord(marker) - 65 if marker >= "A" else ord(marker) - 33)] + rest
        if marker >= "A":
            words[w] = None
        else:
            words[w] = int(freqs[2 * k : 2 * k + 2])
            k += 1
        prev = w
    return words


def ocr_damage(words):
    """Every damaged spelling of a word with æ/ø/å that carries a frequency, as
    scripts/make-lexicon.py spells the damage (the classes of src/text/ocr.rs)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_lexicon", ROOT / "scripts/make-lexicon.py")
    make_lexicon = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_lexicon)
    damaged = {}
    for w, freq in words.items():
        if freq is not None and re.search("[æøå]", w):
            for v in make_lexicon.variants(w):
                damaged.setdefault(v, w)
    return damaged


def danish_order(name):
    table = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ü": "y", "ö": "|", "ä": "{"})
    return (name.lower().translate(table), name)


def lines(names):
    out, line = [], ""
    for n in names:
        if line and len(line) + 1 + len(n) > WIDTH:
            out.append(line)
            line = n
        else:
            line = f"{line} {n}" if line else n
    return out + ([line] if line else [])


def main():
    rows = name_table()
    first = {r["name"] for r in rows if r["ethnicity"] == "danish" and r["first_name"] == "True"}
    first |= {
        r["name"]
        for r in rows
        if r["ethnicity"] == "muslim" and r["first_name"] == "True" and float(r["count"] or 0) >= MIN_MELDGAARD
    }
    surnames = {r["name"] for r in rows if r["ethnicity"] == "danish" and r["first_name"] == "False"}

    words, bins = lexicon(), word_bins()
    damaged = ocr_damage(words)
    dropped = []

    def keep(name, is_first):
        parts = name.lower().split("-")
        if not re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", name) or any(
            len(p) < 2 or not re.search("[aeiouyæøåéüöä]", p) for p in parts
        ):
            why = "not a name"
        elif is_first and bins.get(name.lower(), 999) < COMMON_WORD_BIN:
            why = "a common word"
        elif hit := next((damaged[p] for p in parts if p in damaged and p not in words), None):
            why = f"OCR damage of {hit!r}"
        else:
            return True
        dropped.append(f"{name} ({why})")
        return False

    first = sorted((n for n in first if keep(n, True)), key=danish_order)
    surnames = sorted((n for n in surnames if keep(n, False)), key=danish_order)
    head = [
        "# Danish names the parser knows: first names, then surnames. One section each, words",
        "# separated by spaces. Made by scripts/make-names.py from Danskernes Navne (Københavns",
        "# Universitet, CPR 2005) and Muslimske fornavne i Danmark (Meldgaard 2005), as the",
        f"# package dacy {DACY} ships them; see src/lexicon/README.md. Do not edit by hand.",
    ]
    text = head + ["# First names"] + lines(first) + ["# Surnames"] + lines(surnames)
    OUT.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(first)} first names, {len(surnames)} surnames, {OUT.stat().st_size} bytes")
    print("left out:", ", ".join(sorted(set(dropped))))


if __name__ == "__main__":
    main()
