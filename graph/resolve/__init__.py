"""resolve: the names an extraction found -> entities, one per real thing, and their relations.

A name is keyed by what it is, so the same thing in many passages, and in many reports, gets one
key and so one IRI; each entity keeps every passage that names it.

    indicators   one concept per standard measure (生产总值 = 地区生产总值), parts and wholes
    things       organizations, projects, policies, sectors and places, aliases merged
"""

from __future__ import annotations

from graph.extract import gazetteer
from graph.extract.sectors import sector_of
from graph.iris import slug
from graph.model import Document, Entity, Extraction, Resolution, ResolvedRelation
from graph.resolve.indicators import english_label, indicator_entities, pinyin_label, standard_indicator
from graph.resolve.things import division_english, hierarchy, sector_broader, thing_entities

__all__ = ["english_label", "pinyin_label", "resolve", "standard_indicator"]


def resolve(document: Document, extraction: Extraction) -> Resolution:
    indicators = indicator_entities(extraction)
    things, keys = thing_entities(extraction)
    things, keys = _with_home_place(document, extraction, things, keys)
    entities = list(indicators.values()) + things
    relations = [ResolvedRelation(keys[r.subject], r.predicate, keys[r.object], r.passage, r.context)
                 for r in extraction.relations if r.subject in keys and r.object in keys]
    relations += hierarchy(things)
    entities = _with_sector_links(entities, relations)
    relations += _indicator_sectors(indicators.values(), things)
    place_keys = {name: key for (kind, name), (_, key) in keys.items() if kind == "Place"}
    city = document.meta.city
    return Resolution(
        entities=tuple(sorted(entities, key=lambda e: (e.group, e.key))),
        indicator_keys={name: slug(standard_indicator(name)) for name in _indicators_written(extraction)},
        place_keys={**place_keys, **({city: place_keys[city]} if city in place_keys else {})},
        relations=tuple(sorted(set(relations), key=_relation_order)),
        creator=keys.get(extraction.creator) if extraction.creator else None,
    )


def _indicators_written(extraction: Extraction) -> list[str]:
    """Each indicator name once, in the order figures first write it: a slug is made per name,
    not per figure (pinyin is most of resolve's time)."""
    return list(dict.fromkeys(figure.indicator for figure in extraction.figures))


def _with_home_place(document: Document, extraction: Extraction, things: list[Entity],
                     keys: dict[tuple[str, str], tuple[str, str]],
                     ) -> tuple[list[Entity], dict[tuple[str, str], tuple[str, str]]]:
    """The report's own place is what its figures are about (全市…, 全县…): it is named by every
    passage with such a figure, whether or not a passage writes its name."""
    city = document.meta.city
    figure_passages = {f.passage for f in extraction.figures if f.ref_area == city}
    if not city or not figure_passages:
        return things, keys
    division = gazetteer.find_division(city)
    identity = ("Place", f"cn-{division.code}") if division else ("Place", slug(city))
    existing = next((e for e in things if (e.group, e.key) == identity), None)
    if existing:
        passages = tuple(sorted(set(existing.passages) | figure_passages))
        things = [Entity(**{**e.__dict__, "passages": passages}) if e is existing else e for e in things]
    else:
        attributes = (("divisionCode", division.code), ("placeType", "division")) if division else ()
        things = things + [Entity(kind="Place", key=identity[1], label=division.name if division else city,
                                  passages=tuple(sorted(figure_passages)), attributes=attributes,
                                  english=division_english(division.code) if division else None)]
    return things, {**keys, ("Place", city): identity}


def _with_sector_links(entities: list[Entity], relations) -> list[Entity]:
    """Each sector's nearest broader sector that the report names."""
    named = {e.label for e in entities if e.kind == "Sector"}
    linked = []
    for entity in entities:
        if entity.kind == "Sector":
            broader = sector_broader(entity.label, named)
            entity = Entity(**{**entity.__dict__, "broader": slug(broader) if broader else None})
        linked.append(entity)
    return linked


def _indicator_sectors(indicators, things: list[Entity]) -> list[ResolvedRelation]:
    """煤炭工业增加值 measures the coal industry: the indicator is in that sector, when the report
    names the sector."""
    sectors = {e.label: e.key for e in things if e.kind == "Sector"}
    relations = []
    for indicator in indicators:
        sector = sector_of(indicator.label)
        if sector in sectors:
            relations.append(ResolvedRelation(("Indicator", indicator.key), "inSector",
                                              ("Sector", sectors[sector]), indicator.passages[0]))
    return relations


def _relation_order(relation: ResolvedRelation):
    return (relation.subject, relation.predicate, relation.object,
            -1 if relation.passage is None else relation.passage, relation.context or -1)
