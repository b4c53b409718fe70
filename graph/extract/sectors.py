"""Sectors a passage names, from the industry taxonomy of lexicons/sectors.tsv.

A sector is named by its name or one of its other names (文旅 for 文化旅游), or in the "X之城"
way reports name a city's bets (能源之城 is the energy sector). A paragraph that opens with a
short sentence naming a sector ("能源之城加速崛起。") is about that sector: relations.py gives
its projects and companies that sector.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.clauses import passage_offsets
from graph.extract.spans import file_span, scan
from graph.lexicons import rows
from graph.model import Document, Mention

_LONGEST = 10


@cache
def taxonomy() -> dict[str, tuple[str | None, str]]:
    """Sector -> (broader sector, English)."""
    return {name: (None if broader == "-" else broader, english)
            for name, broader, english, _ in rows("sectors.tsv")}


@cache
def _names() -> dict[str, str]:
    """Every name a sector goes by -> the sector."""
    names = {name: name for name in taxonomy()}
    for name, _, _, others in rows("sectors.tsv"):
        for other in others.split(","):
            if other != "-":
                names.setdefault(other, name)
    return names


def sector_of(text: str) -> str | None:
    """The sector a phrase names, the longest name found in it (煤炭工业增加值 -> 煤炭工业)."""
    best = None
    for name, sector in _names().items():
        if name in text and (best is None or len(name) > len(best[0])):
            best = (name, sector)
    return best[1] if best else None


def find_sectors(document: Document) -> list[Mention]:
    mentions = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        for start, end, sector in scan(passage.text, _names(), _LONGEST, _part_of_word):
            mentions.append(Mention("Sector", sector, passage.index, *file_span(offsets, start, end), code=sector))
    return mentions


def _part_of_word(text: str, start: int, end: int, sector: str) -> bool:
    """能源 in 能源局 names an office, 文化 in 文化馆 a building: not the sector."""
    return bool(re.match(r"[局厅馆委所站]", text[end:end + 1]))
