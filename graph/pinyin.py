"""Hanyu Pinyin for labels and IRIs, with the readings of place names pypinyin gets wrong
(长治 is Cháng zhì, not zhǎng zhì) taken from lexicons/place_pinyin.tsv."""

from __future__ import annotations

from functools import cache

from pypinyin import Style, lazy_pinyin, load_phrases_dict, pinyin

from graph.lexicons import rows


@cache
def _with_place_readings() -> None:
    load_phrases_dict({name: [[syllable] for syllable in reading.split()]
                       for name, reading in rows("place_pinyin.tsv")})


def toned(text: str) -> str:
    """地区生产总值 -> dì qū shēng chǎn zǒng zhí."""
    _with_place_readings()
    return " ".join(syllable[0] for syllable in pinyin(text, style=Style.TONE))


def plain(text: str) -> str:
    """长治市 -> changzhishi: toneless, for IRIs."""
    _with_place_readings()
    return "".join(lazy_pinyin(text))
