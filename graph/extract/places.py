"""Places a passage names: administrative divisions (from the national list), development zones,
regions (京津冀, 晋北), foreign places (塔什干) and places below the county.

    大同市 / 大同       a division, by full name or short name (gazetteer.py says where short names count)
    大同经开区 / 经开区   a development zone (zones.py)
    晋北 / 京津冀        a region, from lexicons/regions.tsv; 京津冀城市群, 某某都市圈, 东北地区: a
                        region or division and a region ending name the larger region
    塔什干              a foreign place, from lexicons/foreign_places.tsv
    陕 / 闽             a province's abbreviation where it stands for the province (abbreviations.py)
    某某镇 / 某某街区     a place below the county (localities.py)

A name is part of a longer word where a word of lexicons/place_word_joins.tsv runs across its
end (和县域经济, 惠民生): then it names nothing, and a shorter name there is tried instead.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract import gazetteer
from graph.extract.abbreviations import find_abbreviations
from graph.extract.clauses import passage_offsets
from graph.extract.localities import find_localities
from graph.extract.spans import alternation, file_span, scan
from graph.extract.zones import ZONE_ENDINGS, find_zones, resolve_bare_zones
from graph.lexicons import column, rows, words
from graph.model import Document, Mention

__all__ = ["ZONE_ENDINGS", "find_places", "home_province"]

_LONGEST_NAME = 12
_REGION_ENDING = alternation(words("region_endings.tsv", "ending") + words("region_endings.tsv", "region-ending"))
_LARGER = re.compile(rf"(?P<modifier>{alternation(words('region_endings.tsv', 'modifier'))})?"
                     rf"(?P<ending>{_REGION_ENDING})")
_REGION_ONLY = frozenset(words("region_endings.tsv", "region-ending"))


@cache
def _regions() -> frozenset[str]:
    return frozenset(column("regions.tsv"))


@cache
def _foreign() -> dict[str, str]:
    return {name: kind for name, _, kind in rows("foreign_places.tsv")}


@cache
def _ambiguous() -> frozenset[str]:
    return frozenset(column("ambiguous_place_names.tsv"))


@cache
def _joins() -> tuple[str, ...]:
    return words("place_word_joins.tsv")


def home_province(document: Document) -> str | None:
    """The province code of the place a report is about, to settle names shared across provinces;
    for a report whose title names no place, the province its text names most."""
    city = document.meta.city
    division = gazetteer.find_division(city) if city else None
    if division:
        return division.province
    return _province_named_most(document)


def find_places(document: Document) -> list[Mention]:
    province = home_province(document)
    city = gazetteer.find_division(document.meta.city, province) if document.meta.city else None
    names = _names(province, city.code if city else None)
    mentions: list[Mention] = []
    for passage in document.passages:
        found = scan(passage.text, names, _LONGEST_NAME, _inside_word)
        larger = _larger_regions(passage.text, found)
        for start, end, (code, kind) in found:
            if (start, end) not in larger["replaced"]:
                mentions.append(_mention(document, passage, start, end, code, kind))
        mentions += [_region(document, passage, start, end) for start, end in larger["regions"]]
        mentions += find_zones(document, passage, found)
        divisions = [(start, end, code) for start, end, (code, kind) in found if kind == "division"]
        mentions += find_localities(document, passage, divisions)
        mentions += find_abbreviations(document, passage, found)
    return resolve_bare_zones(mentions, document)


@cache
def _names(province: str | None, city: str | None) -> dict[str, tuple[str, str]]:
    """Every name to look for -> (code or name, place type). The short names of the report's own
    city and province count even where they are common words (长春 in a 长春 report)."""
    home = {city, province} - {None}
    names: dict[str, tuple[str, str]] = {}
    for name, (code, short) in gazetteer.names_to_look_for(province).items():
        if not (short and name in _ambiguous() and code not in home):
            names[name] = (code, "division")
    for name in _regions():
        names.setdefault(name, (name, "region"))
    for name in _foreign():
        names.setdefault(name, (name, "foreign"))
    return names


def _inside_word(text: str, start: int, end: int, entry: tuple[str, str]) -> bool:
    """A division's name followed by 路, 街, 镇, 乡 or 村 names a street or a village in it; one
    that a word runs across the end of (和县域, 惠民生) is part of that word."""
    if entry[1] != "division":
        return False
    if end < len(text) and text[end] in "路街镇乡村":
        return True
    return any(text[end - k:end] == word[:k] and text[end:end + len(word) - k] == word[k:]
               for word in _joins() for k in range(1, len(word)))


def _larger_regions(text: str, found: list[tuple]) -> dict[str, list[tuple[int, int]]]:
    """京津冀城市群, 某某现代化都市圈, 东北地区: a region or division and a region ending. The
    larger region replaces a region it holds; a division in it stays a place of its own."""
    regions, replaced = [], []
    for start, end, (_, kind) in found:
        match = _LARGER.match(text, end)
        if not match or kind not in ("region", "division"):
            continue
        if match.group("ending") in _REGION_ONLY and (kind != "region" or match.group("modifier")):
            continue
        regions.append((start, match.end()))
        if kind == "region":
            replaced.append((start, end))
    return {"regions": regions, "replaced": replaced}


def _mention(document: Document, passage, start: int, end: int, code: str, kind: str) -> Mention:
    offsets = passage_offsets(passage, document.text)
    name = gazetteer.divisions()[code].name if kind == "division" else code
    written = passage.text[start:end]
    return Mention("Place", name, passage.index, *file_span(offsets, start, end),
                   code=code if kind == "division" else None, place_type=kind,
                   written=written if written != name else "")


def _region(document: Document, passage, start: int, end: int) -> Mention:
    offsets = passage_offsets(passage, document.text)
    return Mention("Place", passage.text[start:end], passage.index, *file_span(offsets, start, end),
                   place_type="region")


def _province_named_most(document: Document) -> str | None:
    """The province a text names most often, by full or short name; the first named of a tie."""
    counts: dict[str, tuple[int, int]] = {}
    text = "".join(passage.text for passage in document.passages)
    for division in gazetteer.divisions().values():
        if division.level != "province":
            continue
        for name in {division.name, division.short_name or division.name}:
            at = text.find(name)
            if at >= 0:
                count, first = counts.get(division.code, (0, at))
                counts[division.code] = (count + text.count(name), min(first, at))
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code][0], counts[code][1]))
