"""Places a passage names: administrative divisions (from the national list), development zones,
regions (京津冀, 晋北) and foreign places (塔什干).

    大同市 / 大同       a division, by full name or short name (gazetteer.py says where short names count)
    大同经开区 / 经开区   a development zone: a place name and a zone ending; alone, the ending means
                        the zone of that kind the report names in full
    晋北 / 京津冀        a region, from lexicons/regions.tsv
    塔什干              a foreign place, from lexicons/foreign_places.tsv
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract import gazetteer
from graph.extract.clauses import passage_offsets
from graph.extract.spans import alternation, file_span, scan
from graph.lexicons import column, rows, words
from graph.model import Document, Mention

ZONE_ENDINGS = words("zone_endings.tsv")
_ZONE = re.compile(alternation(ZONE_ENDINGS))
_LONGEST_NAME = 12


@cache
def _regions() -> frozenset[str]:
    return frozenset(column("regions.tsv"))


@cache
def _foreign() -> dict[str, str]:
    return {name: kind for name, _, kind in rows("foreign_places.tsv")}


@cache
def _ambiguous() -> frozenset[str]:
    return frozenset(column("ambiguous_place_names.tsv"))


def home_province(document: Document) -> str | None:
    """The province code of the place a report is about, to settle names shared across provinces."""
    city = document.meta.city
    division = gazetteer.find_division(city) if city else None
    return division.province if division else None


def find_places(document: Document) -> list[Mention]:
    province = home_province(document)
    names = _names(province)
    mentions: list[Mention] = []
    for passage in document.passages:
        found = scan(passage.text, names, _LONGEST_NAME, _inside_word)
        for start, end, (code, kind) in found:
            mentions.append(_mention(document, passage, start, end, code, kind))
        mentions.extend(_zones(document, passage, found))
    return _bare_zones_named(mentions)


@cache
def _names(province: str | None) -> dict[str, tuple[str, str]]:
    """Every name to look for -> (code or name, place type)."""
    names: dict[str, tuple[str, str]] = {}
    for name, (code, short) in gazetteer.names_to_look_for(province).items():
        if not (short and name in _ambiguous()):
            names[name] = (code, "division")
    for name in _regions():
        names.setdefault(name, (name, "region"))
    for name in _foreign():
        names.setdefault(name, (name, "foreign"))
    return names


def _inside_word(text: str, start: int, end: int, entry: tuple[str, str]) -> bool:
    """A division's name followed by 路, 街, 镇, 乡 or 村 names a street or a village in it."""
    return entry[1] == "division" and end < len(text) and text[end] in "路街镇乡村"


def _mention(document: Document, passage, start: int, end: int, code: str, kind: str) -> Mention:
    offsets = _offsets(document, passage)
    name = gazetteer.divisions()[code].name if kind == "division" else code
    written = passage.text[start:end]
    return Mention("Place", name, passage.index, *file_span(offsets, start, end),
                   code=code if kind == "division" else None, place_type=kind,
                   written=written if written != name else "")


def _zones(document: Document, passage, places) -> list[Mention]:
    """大同经开区: a place name right before a zone ending; 经开区 alone is kept bare for now."""
    zones = []
    offsets = _offsets(document, passage)
    ends = {end: start for start, end, _ in places}
    for match in _ZONE.finditer(passage.text):
        start = ends.get(match.start(), match.start())
        name = passage.text[start:match.end()]
        zones.append(Mention("Place", name, passage.index, *file_span(offsets, start, match.end()),
                             place_type="zone"))
    return zones


def _bare_zones_named(mentions: list[Mention]) -> list[Mention]:
    """经开区 alone is the one 经开区 the report names with its place (大同经开区), if just one."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.place_type == "zone":
            for ending in ZONE_ENDINGS:
                if mention.name.endswith(ending) and mention.name != ending:
                    full.setdefault(ending, set()).add(mention.name)
    resolved = []
    for mention in mentions:
        if mention.place_type == "zone" and mention.name in ZONE_ENDINGS:
            named = full.get(mention.name, set())
            if len(named) != 1:
                continue  # a zone we cannot name is no place
            mention = Mention(**{**mention.__dict__, "name": next(iter(named)), "written": mention.name})
        resolved.append(mention)
    return resolved


def _offsets(document: Document, passage) -> list[int]:
    return passage_offsets(passage, document.text)
