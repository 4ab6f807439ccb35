"""Write assets/ArcadeSansSC-Regular.otf: the Simplified-Chinese face of Noto Sans CJK, cut down
to the characters the game's catalogue uses, and renamed as the SIL Open Font License asks.

    python tools/make_cjk_font.py [--source NotoSansCJK-Regular.ttc] [--out PATH]

Run it again whenever a Chinese word is added to the catalogue (``tests/game/test_font_glyphs.py``
fails until then). It needs fontTools, a tool-time dependency only: ``pip install -e .[tools]``.
The source is Debian's ``fonts-noto-cjk``; a ``.ttc`` holds several faces (Japanese first), and
this takes the SC one by its name, so the game never draws Japanese shapes for Chinese words.
Under the OFL a subset is a modified font: it must not keep the reserved names, so its family is
"Arcade Sans SC" (see assets/README.md). The output is the same bytes for the same catalogue.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the catalogue of this checkout, not an installed one

from fontTools import subset  # noqa: E402
from fontTools.ttLib import TTCollection, TTFont  # noqa: E402

from mnist_arcade.game.words.languages import Language, table  # noqa: E402
from mnist_arcade.paths import SHIPPED_CJK_FONT_NAME  # noqa: E402

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FACE = "Noto Sans CJK SC"  # the face wanted out of the collection
CJK_FAMILY = "Arcade Sans SC"  # the subset's own name (the OFL reserves "Noto" and "Source")
ALWAYS = (  # beyond the catalogue: ASCII, and what a Chinese line may gain from a name or number
    "".join(chr(code) for code in range(0x20, 0x7F))
    + "，。、：；？！（）“”‘’《》【】「」…—～·×÷←→↑↓％"
)
NEW_NAMES = {  # name ID -> the renamed font's name (OFL: no "Noto", no "Source")
    1: CJK_FAMILY,
    3: f"{CJK_FAMILY.replace(' ', '')}-Regular;subset of Noto Sans CJK SC 2.004",
    4: CJK_FAMILY,
    6: SHIPPED_CJK_FONT_NAME.removesuffix(".otf"),
    16: CJK_FAMILY,
}
DROPPED_NAMES = (7, 17)  # the trademark line (it names Noto), the source's typographic subfamily


def catalogue_characters() -> str:
    """Every character a catalogue value of any language uses, plus :data:`ALWAYS`."""
    used = set(ALWAYS)
    for language in Language:
        for value in table(language).values():
            used.update(value)
    used.update(language.own_name for language in Language)
    return "".join(sorted(character for character in used if character.isprintable()))


def sc_face(source: Path) -> TTFont:
    """The SC face of ``source`` (a .ttc), or ``source`` itself if it is a single font."""
    if source.suffix.lower() != ".ttc":
        return TTFont(source)
    for face in TTCollection(source).fonts:
        if face["name"].getDebugName(1) == SOURCE_FACE:
            return face
    raise SystemExit(f"{source} has no {SOURCE_FACE!r} face")


def rename(font: TTFont) -> None:
    """Give the subset its own name, as the OFL asks of a modified font."""
    names = font["name"]
    for name_id in DROPPED_NAMES:
        names.removeNames(nameID=name_id)
    for name_id, value in NEW_NAMES.items():
        names.removeNames(nameID=name_id)
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font["CFF "].cff.fontNames = [NEW_NAMES[6]]
    top = font["CFF "].cff.topDictIndex[0]
    for field in ("FullName", "FamilyName"):
        if hasattr(top, field):
            setattr(top, field, CJK_FAMILY)


def cut(font: TTFont, characters: str) -> None:
    """Keep only ``characters`` (and the layout features that shape them)."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same catalogue gives the same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="Noto Sans CJK (.ttc/.otf)")
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / SHIPPED_CJK_FONT_NAME)
    args = parser.parse_args()
    characters = catalogue_characters()
    font = sc_face(args.source)
    missing = [c for c in characters if ord(c) not in font.getBestCmap()]
    cut(font, characters)
    rename(font)
    font.recalcTimestamp = False  # the same catalogue gives the same bytes
    font.save(args.out)
    print(f"{args.out}: {len(characters)} characters, {args.out.stat().st_size / 1024:.0f} KB")
    if missing:
        print(f"not in {args.source.name}: {''.join(missing)!r}")


if __name__ == "__main__":
    main()
