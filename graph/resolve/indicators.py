"""Indicators: one concept per standard measure.

Indicators that reports name differently (生产总值, 地区生产总值) are one concept under the standard
name of lexicons/indicators.tsv, the other names kept as alternative labels; a part links to its
whole (第一产业增加值 to 地区生产总值), and a measure of a sector to the sector (煤炭工业增加值).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import cast

from graph.extract.indicators import other_names
from graph.iris import slug
from graph.lexicons import rows
from graph.model import Entity, Extraction
from graph.pinyin import toned

__all__ = ["english_label", "indicator_entities", "pinyin_label", "standard_indicator"]


def indicator_entities(extraction: Extraction) -> dict[str, Entity]:
    """One entity per standard indicator, with the names written, the passages, the whole."""
    written: dict[str, set[str]] = defaultdict(set)
    passages: dict[str, set[int]] = defaultdict(set)
    parents: dict[str, str] = {}
    for figure in extraction.figures:
        name = standard_indicator(figure.indicator)
        written[name].add(figure.indicator)
        passages[name].add(figure.passage)
        if figure.parent_indicator:
            parents.setdefault(name, standard_indicator(figure.parent_indicator))
    entities = {}
    for name in written:
        broader = _broader(name) or parents.get(name)
        entities[name] = Entity(
            kind="Indicator", key=slug(name), label=name,
            alt_labels=tuple(sorted(written[name] - {name})),
            passages=tuple(sorted(passages[name])), english=english_label(name),
            broader=slug(broader) if broader in written else None)
    return entities


def standard_indicator(name: str) -> str:
    """The standard name of an indicator: 一产增加值 -> 第一产业增加值; unknown names as written."""
    return other_names().get(name, name)


def english_label(term: str) -> str | None:
    return _glossary().get(term)


def pinyin_label(term: str) -> str:
    """地区生产总值 -> dì qū shēng chǎn zǒng zhí (Hanyu Pinyin with tone marks)."""
    return toned(term)


def _broader(name: str) -> str | None:
    return _standard_broader().get(name)


@cache
def _glossary() -> dict[str, str]:
    return dict(cast("tuple[tuple[str, str], ...]", rows("glossary.tsv")))  # two columns: term, English


@cache
def _standard_broader() -> dict[str, str]:
    return {name: broader for name, broader, _ in rows("indicators.tsv") if broader != "-"}
