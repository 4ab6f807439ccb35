"""Write data/pen_strokes.npz: half of the pendigits writers' digits, as compact pen strokes.

    python tools/make_pen_subset.py ../shared/data/pendigits/pendigits-orig.tra

Every second digit of each writer and digit (so every writer and every digit keeps half its
examples), each stored by ``mnist_arcade.practice.pen_strokes.save_compact``: its points scaled
into 0-255 as uint8, with the pen lifts and the writer kept. The game ships it, so training on
real pen strokes works offline and the installed game never reads ``../shared``.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from mnist_arcade.practice.pen_strokes import read_unipen, save_compact

KEEP_EVERY = 2  # one digit in two of each writer and label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="pendigits-orig.tra (UNIPEN text)")
    parser.add_argument("--out", default=str(Path(__file__).parents[1] / "data/pen_strokes.npz"))
    args = parser.parse_args()
    seen: defaultdict[tuple[int, int], int] = defaultdict(int)
    kept = []
    for digit in read_unipen(args.source):
        key = (digit.writer, digit.label)
        if seen[key] % KEEP_EVERY == 0:
            kept.append(digit)
        seen[key] += 1
    save_compact(kept, args.out)
    writers = len({digit.writer for digit in kept})
    print(f"wrote {len(kept):,} digits by {writers} writers to {args.out}")


if __name__ == "__main__":
    main()
