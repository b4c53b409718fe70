"""Development zones a passage names, and the bare zone endings that stand for one.

    大同经开区            a place name right before a zone ending
    中德(某市)产业园        a zone named with its place in brackets: 中 and a partner, (place), a
                          few characters, the ending (中国(山西)自由贸易试验区 too)
    市高新区              after a break, 市 / 县 right before the ending: the zone of the report's
                          own city (or county), which 市 names there
    某某区管委会           a name and 区 right before 管委会: a zone run by its committee, though
                          the national list has no such district
    经开区 (alone)         the one zone of that kind the report names in full; where it names none,
                          in a city's report, an ending of a kind a city has one of (高新区, 经开区)
                          is the city's own, unless a level says it means any (国家级高新区)
"""

from __future__ import annotations

import re

from graph.extract import gazetteer
from graph.extract.clauses import passage_offsets
from graph.extract.spans import Guarded, alternation, file_span, inside
from graph.lexicons import words
from graph.model import Document, Mention

ZONE_ENDINGS = words("zone_endings.tsv")
_SPECIFIC = frozenset(words("zone_endings.tsv", "specific"))
_ENDING = alternation(ZONE_ENDINGS)
_ZONE = re.compile(_ENDING)
_BREAK = r"(?:^|(?<=[，,、；;：:。“”\"（()）和与及]))"
_BRACKETED = re.compile(rf"中[\u4e00-\u9fff]?[(（](?P<place>[\u4e00-\u9fff]{{2,8}})[)）]"
                        rf"[\u4e00-\u9fff]{{0,8}}?(?:{_ENDING})")
# tried only where a zone's ending or a committee stands: each is tried at every break otherwise
_OWN = Guarded(re.compile(rf"{_BREAK}(?P<level>[市县])(?:{_ENDING})"), *ZONE_ENDINGS)
_COMMITTEE = Guarded(re.compile(rf"{_BREAK}(?P<name>[\u4e00-\u9fff]{{2,4}}区)(?=管委会|管理委员会)"),
                     "管委会", "管理委员会")
_LEVEL_BEFORE = ("级", "国家", "省")


def find_zones(document: Document, passage, places: list[tuple]) -> list[Mention]:
    """The zones of a passage; `places` are the (start, end, …) of the places found in it."""
    spans = {(start, end) for start, end, *_ in places}
    zones = _after_places(document, passage, places) + _bracketed(document, passage, spans)
    zones += _committees(document, passage, places) + _own(document, passage)
    named = [(z.start, z.end) for z in zones if z.name not in ZONE_ENDINGS]
    return [z for z in zones if z.name not in ZONE_ENDINGS or not inside((z.start, z.end), named)]


def resolve_bare_zones(mentions: list[Mention], document: Document) -> list[Mention]:
    """经开区 alone is the one 经开区 the report names with its place (大同经开区), if just one;
    else, for a kind a city has one of, the report's city's own."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.place_type == "zone":
            for ending in ZONE_ENDINGS:
                if mention.name.endswith(ending) and mention.name != ending:
                    full.setdefault(ending, set()).add(mention.name)
    city = _home_city(document)
    resolved = []
    for mention in mentions:
        if mention.place_type == "zone" and mention.name in ZONE_ENDINGS:
            named = full.get(mention.name, set())
            if len(named) == 1:
                name = next(iter(named))
            elif not named and city and mention.name in _SPECIFIC and not _level_before(document, mention):
                name = city.name + mention.name
            else:
                continue  # a zone we cannot name is no place
            mention = Mention(**{**mention.__dict__, "name": name, "written": mention.name})
        resolved.append(mention)
    return resolved


def _after_places(document: Document, passage, places: list[tuple]) -> list[Mention]:
    """大同经开区: a place name right before a zone ending; 经开区 alone is kept bare for now."""
    ends = {end: start for start, end, *_ in places}
    zones = []
    for match in _ZONE.finditer(passage.text):
        start = ends.get(match.start(), match.start())
        zones.append(_zone(document, passage, start, match.end()))
    return zones


def _bracketed(document: Document, passage, spans: set[tuple[int, int]]) -> list[Mention]:
    zones = []
    for match in _BRACKETED.finditer(passage.text):
        if match.span("place") in spans:
            zones.append(_zone(document, passage, match.start(), match.end()))
    return zones


def _committees(document: Document, passage, places: list[tuple]) -> list[Mention]:
    zones = []
    for match in _COMMITTEE.finditer(passage.text):
        name = match.group("name")
        start, end = match.span("name")
        named = any(s < end and start < e for s, e, *_ in places)
        if not named and not any(name.endswith(ending) for ending in ZONE_ENDINGS):
            zones.append(_zone(document, passage, start, end))
    return zones


def _own(document: Document, passage) -> list[Mention]:
    """市高新区: the zone of the report's city, and the city that 市 names."""
    city = _home_city(document)
    found: list[Mention] = []
    for match in _OWN.finditer(passage.text):
        if not city or not city.name.endswith(match.group("level")):
            continue
        offsets = passage_offsets(passage, document.text)
        written = match.group(0)
        found.append(Mention("Place", city.name + written[1:], passage.index,
                             *file_span(offsets, match.start(), match.end()), place_type="zone",
                             written=written))
        found.append(Mention("Place", city.name, passage.index,
                             *file_span(offsets, match.start(), match.start() + 1),
                             code=city.code, place_type="division"))
    return found


def _zone(document: Document, passage, start: int, end: int) -> Mention:
    offsets = passage_offsets(passage, document.text)
    return Mention("Place", passage.text[start:end], passage.index, *file_span(offsets, start, end),
                   place_type="zone")


def _home_city(document: Document) -> gazetteer.Division | None:
    """The city or county a report is about, when the national list has it."""
    city = document.meta.city
    division = gazetteer.find_division(city) if city else None
    return division if division and division.level != "province" else None


def _level_before(document: Document, mention: Mention) -> bool:
    before = document.text[max(0, mention.start - 2):mention.start]
    return before.endswith(_LEVEL_BEFORE)
