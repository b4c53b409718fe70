"""Hanyu Pinyin for labels and IRIs, with the readings of place names pypinyin gets wrong
(长治 is Cháng zhì, not zhǎng zhì) taken from lexicons/place_pinyin.tsv."""

from __future__ import annotations

from functools import cache

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT
from pypinyin.seg import mmseg

from graph.lexicons import rows


@cache
def _with_place_readings() -> None:
    """What load_phrases_dict does, but its segmenter learns only the new words: load_phrases_dict
    retrains it on all 400,000 of pypinyin's phrases again, a tenth of a second each build."""
    readings = {name: [[syllable] for syllable in reading.split()]
                for name, reading in rows("place_pinyin.tsv")}
    PHRASES_DICT.update(readings)
    mmseg.seg.train(iter(readings))  # the names; pypinyin's stub asks for an iterator


def toned(text: str) -> str:
    """地区生产总值 -> dì qū shēng chǎn zǒng zhí."""
    _with_place_readings()
    return " ".join(syllable[0] for syllable in pinyin(text, style=Style.TONE))


def plain(text: str) -> str:
    """长治市 -> changzhishi: toneless, for IRIs."""
    _with_place_readings()
    return "".join(lazy_pinyin(text))
