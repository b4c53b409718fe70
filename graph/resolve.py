"""resolve: the names an extraction found -> entities, one per real thing.

A name is keyed by what it is, so the same indicator or place in many passages, and in many
reports, gets one key and so one IRI; each entity keeps every passage that names it. Indicators
that reports name differently (生产总值, 地区生产总值) are one concept under the standard name of
lexicons/indicators.tsv, the other names kept as alternative labels.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from pypinyin import Style, pinyin

from graph.iris import slug
from graph.lexicons import rows
from graph.model import Document, Entity, Extraction, Resolution

__all__ = ["resolve", "english_label", "pinyin_label", "standard_indicator"]


def resolve(document: Document, extraction: Extraction) -> Resolution:
    indicators = _indicators(extraction)
    places: dict[str, set[int]] = defaultdict(set)
    for figure in extraction.figures:
        if figure.ref_area:
            places[figure.ref_area].add(figure.passage)
    city = document.meta.city
    if city:
        places[city].update(p.index for p in document.passages if city in p.text)
    entities = list(indicators.values())
    entities += [_entity("Place", name, passages) for name, passages in places.items()]
    entities.sort(key=lambda entity: (entity.kind, entity.key))
    return Resolution(
        entities=tuple(entities),
        indicator_keys={name: slug(standard_indicator(name)) for f in extraction.figures
                        for name in [f.indicator] if name},
        place_keys={name: slug(name) for name in places},
    )


def _indicators(extraction: Extraction) -> dict[str, Entity]:
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


def _entity(kind: str, name: str, passages: set[int]) -> Entity:
    return Entity(kind=kind, key=slug(name), label=name, passages=tuple(sorted(passages)),
                  english=english_label(name))


def standard_indicator(name: str) -> str:
    """The standard name of an indicator: 一产增加值 -> 第一产业增加值; unknown names as written."""
    return _standard_names().get(name, name)


def english_label(term: str) -> str | None:
    return _glossary().get(term)


def pinyin_label(term: str) -> str:
    """地区生产总值 -> dì qū shēng chǎn zǒng zhí (Hanyu Pinyin with tone marks)."""
    return " ".join(syllable[0] for syllable in pinyin(term, style=Style.TONE))


def _broader(name: str) -> str | None:
    return _standard_broader().get(name)


@cache
def _glossary() -> dict[str, str]:
    return dict(rows("glossary.tsv"))


@cache
def _standard_names() -> dict[str, str]:
    names = {}
    for name, _, others in rows("indicators.tsv"):
        for other in others.split(","):
            if other != "-":
                names[other] = name
    return names


@cache
def _standard_broader() -> dict[str, str]:
    return {name: broader for name, broader, _ in rows("indicators.tsv") if broader != "-"}
