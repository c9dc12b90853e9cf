#!/usr/bin/env python3
"""Measures how Tesseract's English model misreads the Danish letters; writes
src/lexicon/ocr-confusions.tsv, the confusion table the OCR repair reads.

Why English: it is Tesseract's default model, and it has no æ/ø/å of its own (this
measurement never sees it write one), so it reads them as what they look like ("ee", "g",
"@", "a" ...), the damage seen in Danish documents OCR'ed that way. src/text/ocr.rs repairs
that damage; this script measures it instead of guessing it from one damaged document.

How:
  1. render   each text file to A4 page images, the way a printed-then-scanned page looks:
              DejaVu Serif/Sans and Liberation Serif/Sans, 10-12 pt, 150/200/300 dpi,
              short heading lines sometimes in capitals and bold, and for a share of the
              pages mild scan damage (blur, noise, rotation, lower resolution, JPEG,
              thresholding). Every choice comes from a random generator seeded with
              the seed and the file's name, so a file's pages do not depend on the others.
  2. OCR      `tesseract PAGE.png PAGE -l eng` (default page segmentation), one thread a run.
  3. align    the OCR text to the page's own source text: words with difflib; inside word
              pairs, letters with a small edit-distance alignment. Only confidently aligned
              words count (see `pairs`): unchanged words, 1:1 word pairs in a run of
              changed words, and 1:n / n:1 splits and joins that stay close to the source.
  4. count    for each of æ ø å Æ Ø Å what the OCR put in its place ("" = dropped), and
              write the table: letter, read_as, count, share of that letter's occurrences.

usage:
  python3 scripts/ocr-confusions.py                  # the default corpus (below), 3 passes
  python3 scripts/ocr-confusions.py a.txt b.txt ...  # any Danish UTF-8 text files
  options: --passes N (renderings of each file, each with fresh random choices; default 3)
           --seed S (default 2025)  --jobs J (parallel tesseract runs; default 2)
           --work DIR (page images and OCR text; default /tmp/ocr-work; a page whose OCR
           text is already there is reused, so empty it after changing Tesseract or fonts;
           examples.txt there lists sample word pairs for each confusion)
           --out FILE (default the TSV above)

Default corpus: tests/corpus/real/*.txt and tests/corpus/dev/*.txt (not *.source.txt).
The KKR Nordjylland examples (tests/corpus/kkr-nordjylland-*, variants/, adversarial/) are
refused: the old table was fitted to them, and the repair is tested on them.

Needs: tesseract-ocr, tesseract-ocr-eng, fonts-dejavu-core, fonts-liberation (Debian),
Pillow (pip). The counts depend on those versions; the header of the output records them.
"""
import argparse
import collections
import concurrent.futures
import difflib
import hashlib
import io
import json
import os
import pathlib
import random
import re
import statistics
import subprocess
import sys
import unicodedata

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
import PIL

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src/lexicon/ocr-confusions.tsv"
LETTERS = "æøåÆØÅ"
# A confusion is kept when it has at least this share of its letter, or this many cases.
MIN_SHARE, MIN_COUNT = 0.005, 5

FONT_DIR = "/usr/share/fonts/truetype"
FONTS = {  # name: (regular, bold)
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
}
SIZES_PT = (10, 11, 12)
DPIS = (150, 200, 300)
DAMAGED_SHARE = 0.5  # pages given scan damage
CAPS_SHARE = 0.3  # short heading lines set in capitals (and then bold half the time)
A4_IN = (8.27, 11.69)
MARGIN_IN = 1.0
TESSERACT = ["tesseract", "-l", "eng"]
FORBIDDEN = re.compile(r"kkr-nordjylland|/variants/|/adversarial/")


# ---------------------------------------------------------------- 1. render


def source_lines(path):
    """The file's lines, whitespace collapsed; "" marks a paragraph break."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    text = re.sub(r"[\u200b-\u200d\ufeff]", "", text)
    lines = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    return lines


def layout(lines, rng):
    """Page plans: one random look a page, the text wrapped to the page width."""
    pages, i = [], 0
    while i < len(lines):
        look = {
            "font": rng.choice(sorted(FONTS)),
            "pt": rng.choice(SIZES_PT),
            "dpi": rng.choice(DPIS),
            "damage": damage_plan(rng) if rng.random() < DAMAGED_SHARE else [],
        }
        px = round(look["pt"] * look["dpi"] / 72)
        regular, bold = (ImageFont.truetype(f"{FONT_DIR}/{f}", px) for f in FONTS[look["font"]])
        width = (A4_IN[0] - 2 * MARGIN_IN) * look["dpi"]
        room = (A4_IN[1] - 2 * MARGIN_IN) * look["dpi"]
        step = px * 1.25
        rows, y = [], 0.0
        while i < len(lines) and y + step <= room:
            line = lines[i]
            heading = 0 < len(line) <= 60 and not line.endswith((".", ",", ":")) and rng.random() < CAPS_SHARE
            if heading:
                line = line.upper()
            is_bold = heading and rng.random() < 0.5
            font = bold if is_bold else regular
            wrapped = wrap(line, font, width)
            if y + step * len(wrapped) > room and rows:
                break  # the paragraph goes on the next page
            for w in wrapped:
                rows.append((w, is_bold))
                y += step if w else step / 2
            i += 1
        pages.append({"look": look, "rows": rows})
    return pages


def wrap(line, font, width):
    if not line:
        return [""]
    out, cur = [], ""
    for word in line.split(" "):
        trial = f"{cur} {word}" if cur else word
        if cur and font.getlength(trial) > width:
            out.append(cur)
            cur = word
        else:
            cur = trial
    out.append(cur)
    return out


def damage_plan(rng):
    """One to three mild scan defects, with their strengths."""
    kinds = rng.sample(["blur", "noise", "rotate", "lowres", "jpeg", "threshold"], rng.randint(1, 3))
    plan = []
    for k in sorted(kinds):
        if k == "blur":
            plan.append([k, round(rng.uniform(0.3, 0.8), 2)])  # radius at 150 dpi
        elif k == "noise":
            plan.append([k, round(rng.uniform(6, 18), 1)])  # grey levels
        elif k == "rotate":
            plan.append([k, round(rng.uniform(-0.7, 0.7), 2)])  # degrees
        elif k == "lowres":
            plan.append([k, round(rng.uniform(0.6, 0.9), 2)])  # scale, not below 150 dpi
        elif k == "jpeg":
            plan.append([k, rng.randint(30, 70)])  # quality
        else:
            plan.append([k, rng.randint(120, 190)])  # grey level cut
    return plan


def draw(page):
    look = page["look"]
    dpi = look["dpi"]
    px = round(look["pt"] * dpi / 72)
    regular, bold = (ImageFont.truetype(f"{FONT_DIR}/{f}", px) for f in FONTS[look["font"]])
    img = Image.new("L", (round(A4_IN[0] * dpi), round(A4_IN[1] * dpi)), 255)
    d = ImageDraw.Draw(img)
    x, y, step = MARGIN_IN * dpi, MARGIN_IN * dpi, px * 1.25
    for text, is_bold in page["rows"]:
        if text:
            d.text((x, y), text, font=bold if is_bold else regular, fill=0)
        y += step if text else step / 2
    # Defects in a fixed order: the page is tilted, blurred by the optics, sampled, noisy,
    # then binarised or compressed by the scanner.
    plan = dict(look["damage"])
    if "rotate" in plan:
        img = img.rotate(plan["rotate"], resample=Image.BICUBIC, fillcolor=255)
    if "blur" in plan:
        img = img.filter(ImageFilter.GaussianBlur(plan["blur"] * dpi / 150))
    if "lowres" in plan:
        new_dpi = max(150, round(dpi * plan["lowres"]))
        if new_dpi < dpi:
            img = img.resize((round(img.width * new_dpi / dpi), round(img.height * new_dpi / dpi)), Image.LANCZOS)
            dpi = new_dpi
    if "noise" in plan:
        # Gaussian grain from the page's own seed (Image.effect_noise is not seedable):
        # random bytes, each mapped through the normal quantile to 128 + sigma * z.
        rng = random.Random(json.dumps(page, ensure_ascii=False, sort_keys=True))
        z = statistics.NormalDist(128, plan["noise"])
        table = [min(255, max(0, round(z.inv_cdf((v + 0.5) / 256)))) for v in range(256)]
        noise = Image.frombytes("L", img.size, rng.randbytes(img.width * img.height)).point(table)
        img = ImageChops.add(img, noise, scale=1.0, offset=-128)
    if "threshold" in plan:
        cut = plan["threshold"]
        img = img.point(lambda p: 255 if p > cut else 0)
    if "jpeg" in plan:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=plan["jpeg"])
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img, dpi


def page_text(page):
    return "\n".join(t for t, _ in page["rows"])


# ---------------------------------------------------------------- 2. OCR


def ocr(job):
    """Render and OCR one page, unless its image and OCR text are already in the work dir."""
    stem, page = job
    key = hashlib.sha256(json.dumps(page, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]
    base = f"{stem}-{key}"
    txt = pathlib.Path(base + ".txt")
    if not txt.exists():
        img, dpi = draw(page)
        png = base + ".png"
        img.save(png, dpi=(dpi, dpi))
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        subprocess.run(TESSERACT[:1] + [png, base] + TESSERACT[1:], check=True, env=env, capture_output=True)
    return txt.read_text(encoding="utf-8")


# ---------------------------------------------------------------- 3. align


def pairs(src_words, ocr_words):
    """(source, OCR) word strings that confidently correspond."""
    sm = difflib.SequenceMatcher(None, src_words, ocr_words, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        s, o = src_words[i1:i2], ocr_words[j1:j2]
        if op == "equal":
            yield from zip(s, o)
        elif op == "replace":
            if len(s) == len(o) and len(s) <= 4:
                # A short run of changed words between two unchanged ones, word for word;
                # each pair must still look like the same word.
                yield from ((a, b) for a, b in zip(s, o) if close(a, b))
            elif min(len(s), len(o)) == 1 and max(len(s), len(o)) <= 3:
                # A word split in two or three by the OCR, or two or three run together.
                a, b = " ".join(s), " ".join(o)
                if close(a, b):
                    yield a, b


def close(a, b):
    """Near enough to be the same word: at most 2 edits, or 40 % of its length."""
    return distance(a, b) <= max(2, 0.4 * len(a))


def distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def letter_alignment(a, b):
    """For each character of a: the characters of b that stand in its place.

    Edit-distance alignment (a substitution preferred to a deletion plus an insertion).
    Characters b inserts are given to a neighbouring character of a that was not read
    right, the Danish letter first ("æ" -> "ae"); inserted next to two characters read
    right, they belong to neither.
    """
    n, m = len(a), len(b)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 or j == 0:
                cost[i][j] = i + j
            else:
                cost[i][j] = min(cost[i - 1][j - 1] + (a[i - 1] != b[j - 1]), cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    # Walk back; at a tie prefer match/substitution, then deletion, then insertion.
    own = [""] * n  # b's character aligned to a[i], or "" when a[i] was dropped
    ins = [""] * (n + 1)  # b's characters inserted before a[i] (ins[n]: after the end)
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            own[i - 1] = b[j - 1]
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            i -= 1
        else:
            ins[i] = b[j - 1] + ins[i]
            j -= 1
    right = [own[k] == a[k] for k in range(n)]
    read = list(own)
    for k in range(n + 1):
        if not ins[k]:
            continue
        before, after = k - 1, k  # the characters of a either side of the insertion
        cands = [c for c in (before, after) if 0 <= c < n and not right[c]]
        cands.sort(key=lambda c: a[c] not in LETTERS)
        if cands:
            c = cands[0]
            read[c] = read[c] + ins[k] if c == before else ins[k] + read[c]
    return read


# ---------------------------------------------------------------- 4. count


def normalise(text):
    """OCR text as words: compatibility forms folded (ligatures), NFC."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text)).split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=pathlib.Path)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=pathlib.Path, default=pathlib.Path("/tmp/ocr-work"))
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args()

    files = args.files or sorted(
        p for d in ("tests/corpus/real", "tests/corpus/dev") for p in (ROOT / d).glob("*.txt") if not p.name.endswith(".source.txt")
    )
    files = [f.resolve() for f in files]
    for f in files:
        if FORBIDDEN.search(str(f)):
            sys.exit(f"{f}: the KKR Nordjylland examples and their variants are not a source for this table")
    args.work.mkdir(parents=True, exist_ok=True)

    jobs = []
    for f in files:
        # Each document its own generator: its pages stay the same whatever else is listed.
        rng = random.Random(f"{args.seed}:{f.name}")
        lines = source_lines(f)
        for p in range(args.passes):
            for k, page in enumerate(layout(lines, rng)):
                jobs.append((f, args.work / f"{f.stem}_{p}_{k:03d}", page))
    print(f"{len(files)} documents, {len(jobs)} pages", file=sys.stderr)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        texts = list(pool.map(ocr, [(stem, page) for _, stem, page in jobs]))

    counts = {c: collections.Counter() for c in LETTERS}
    seen = collections.Counter()  # occurrences on the pages, aligned or not
    looks = collections.Counter()
    examples = collections.defaultdict(list)  # (letter, read_as): aligned word pairs
    for (f, _, page), text in zip(jobs, texts):
        src = page_text(page)
        seen.update(c for c in src if c in LETTERS)
        looks[(page["look"]["font"], page["look"]["dpi"], bool(page["look"]["damage"]))] += 1
        for a, b in pairs(src.split(), normalise(text)):
            if not any(c in LETTERS for c in a):
                continue
            read = [c for c in a] if a == b else letter_alignment(a, b)
            for c, r in zip(a, read):
                if c in LETTERS:
                    counts[c][r] += 1
                    examples[c, r].append(f"{a} -> {b}")
    with open(args.work / "examples.txt", "w", encoding="utf-8") as out:
        for (c, r), ex in sorted(examples.items(), key=lambda x: (LETTERS.index(x[0][0]), -len(x[1]))):
            if c != r:
                out.write(f"{c} {r!r} {len(ex)}: " + " | ".join(ex[:12]) + "\n")
    write(args, files, jobs, counts, seen, looks)


def escape(read):
    r"""A read_as field: a backslash written \\, a space \s."""
    return read.replace("\\", "\\\\").replace(" ", "\\s")


def versions():
    def dpkg(pkg):
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
        return r.stdout.strip() or "?"

    tess = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    first = (tess.stdout or tess.stderr).splitlines()
    return {
        "tesseract": f"{first[0]} ({first[1].strip()}), Debian tesseract-ocr {dpkg('tesseract-ocr')}",
        "model": f"eng.traineddata from Debian tesseract-ocr-eng {dpkg('tesseract-ocr-eng')}",
        "fonts": f"fonts-dejavu-core {dpkg('fonts-dejavu-core')}, fonts-liberation {dpkg('fonts-liberation')}",
        "pillow": f"Pillow {PIL.__version__}, Python {sys.version.split()[0]}",
    }


def write(args, files, jobs, counts, seen, looks):
    v = versions()
    total = sum(sum(c.values()) for c in counts.values())
    argv = " ".join(["python3 scripts/ocr-confusions.py"] + sys.argv[1:])
    fonts = collections.Counter(k[0] for k in looks.elements())
    dpis = collections.Counter(k[1] for k in looks.elements())
    damaged = sum(n for k, n in looks.items() if k[2])
    head = [
        "OCR confusions of the Danish letters, measured: what Tesseract's English model reads",
        "in place of æ ø å Æ Ø Å on rendered Danish pages. Made by scripts/ocr-confusions.py;",
        "do not edit by hand. Licence: MIT (our own measurement).",
        "",
        f"tools: {v['tesseract']}; {v['model']};",
        f"  {v['fonts']}; {v['pillow']}",
        "run: tesseract PAGE.png OUT -l eng (default page segmentation), one thread",
        f"pages: A4, 1 inch margins, {'/'.join(map(str, SIZES_PT))} pt, lines 1.25 em; fonts "
        + ", ".join(f"{f} {n}" for f, n in sorted(fonts.items()))
        + "; dpi "
        + ", ".join(f"{d}: {n}" for d, n in sorted(dpis.items())),
        f"  {CAPS_SHARE:.0%} of short heading lines in capitals (half of those bold); {damaged} of {len(jobs)} pages",
        "  with 1-3 mild scan defects (blur, noise, rotation <= 0.7 deg, lower resolution, JPEG, threshold)",
        f"source: {len(files)} documents x {args.passes} renderings, seed {args.seed}, {len(jobs)} pages:",
    ]
    for f in files:
        head.append(f"  {f.relative_to(ROOT) if f.is_relative_to(ROOT) else f}")
    head += [
        f"letters: {total} counted (in confidently aligned words) of {sum(seen.values())} on the pages:",
        "  " + ", ".join(f"{c} {sum(counts[c].values())}/{seen[c]}" for c in LETTERS),
        "alignment: words with difflib (unchanged words; 1:1 pairs in runs of <= 4 changed words;",
        "  1:n splits and n:1 joins, n <= 3), each within 2 edits or 40 % of its length; letters by",
        "  edit distance, characters the OCR inserted going to the misread neighbour",
        f"kept: rows with share >= {MIN_SHARE} or count >= {MIN_COUNT}",
        "",
        "columns: letter, read_as (what the OCR wrote in its place; read_as = letter: read right;",
        "  empty: dropped; \\s stands for a space, the word split there, \\\\ for a backslash), count,",
        "  share = count / the letter's counted occurrences. Sorted by letter (æ ø å Æ Ø Å), then count.",
        f"regenerate: {argv}",
    ]
    rows = []
    for c in LETTERS:
        n = sum(counts[c].values())
        for r, k in sorted(counts[c].items(), key=lambda x: (-x[1], x[0])):
            if n and (k / n >= MIN_SHARE or k >= MIN_COUNT):
                rows.append(f"{c}\t{escape(r)}\t{k}\t{k / n:.3f}")
    text = "".join(f"# {h}".rstrip() + "\n" for h in head) + "".join(r + "\n" for r in rows)
    args.out.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
