#!/usr/bin/env python3
"""Writes www/icons/icon-192.png and icon-512.png (a page with lines on the app's blue),
with nothing but the standard library. Run once; the PNGs are committed."""
import pathlib
import struct
import zlib

BLUE, WHITE, GREY, GREEN = (31, 95, 168), (255, 255, 255), (190, 200, 214), (46, 125, 79)


def pixel(x, y, n):
    u = lambda v: int(v * n)
    if u(0.25) <= x < u(0.75) and u(0.15) <= y < u(0.85):
        for k, (top, w) in enumerate([(0.27, 0.38), (0.39, 0.30), (0.51, 0.34), (0.63, 0.22)]):
            if u(top) <= y < u(top + 0.05) and u(0.31) <= x < u(0.31 + w):
                return GREEN if k == 3 else GREY
        return WHITE
    return BLUE


def png(n):
    rows = b"".join(b"\x00" + bytes(c for x in range(n) for c in pixel(x, y, n)) for y in range(n))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


out = pathlib.Path(__file__).resolve().parent.parent / "www/icons"
for n in (192, 512):
    (out / f"icon-{n}.png").write_bytes(png(n))
    print(out / f"icon-{n}.png", len(png(n)), "bytes")
