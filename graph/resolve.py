"""resolve: the names an extraction found -> entities, one per real thing.

A name is keyed by what it is, so the same indicator or place in many passages, and in many
reports, gets one key and so one IRI; each entity keeps every passage that names it.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from pypinyin import Style, pinyin

from graph.iris import slug
from graph.lexicons import rows
from graph.model import Document, Entity, Extraction, Resolution

__all__ = ["resolve", "english_label", "pinyin_label"]


def resolve(document: Document, extraction: Extraction) -> Resolution:
    indicators: dict[str, set[int]] = defaultdict(set)
    places: dict[str, set[int]] = defaultdict(set)
    for figure in extraction.figures:
        if figure.indicator:
            indicators[figure.indicator].add(figure.passage)
        if figure.ref_area:
            places[figure.ref_area].add(figure.passage)
    city = document.meta.city
    if city:
        places[city].update(p.index for p in document.passages if city in p.text)
    entities = [_entity("Indicator", name, passages) for name, passages in indicators.items()]
    entities += [_entity("Place", name, passages) for name, passages in places.items()]
    entities.sort(key=lambda entity: (entity.kind, entity.key))
    return Resolution(
        entities=tuple(entities),
        indicator_keys={name: slug(name) for name in indicators},
        place_keys={name: slug(name) for name in places},
    )


def _entity(kind: str, name: str, passages: set[int]) -> Entity:
    return Entity(kind=kind, key=slug(name), label=name, passages=tuple(sorted(passages)),
                  english=english_label(name))


def english_label(term: str) -> str | None:
    return _glossary().get(term)


@cache
def _glossary() -> dict[str, str]:
    return dict(rows("glossary.tsv"))


def pinyin_label(term: str) -> str:
    """地区生产总值 -> dì qū shēng chǎn zǒng zhí (Hanyu Pinyin with tone marks)."""
    return " ".join(syllable[0] for syllable in pinyin(term, style=Style.TONE))
