"""Places below the county: towns (某某镇, 某某乡), subdistricts (某某街道), streets and quarters
(某某大街, 某某街区). Their names are two characters and an ending; what shows such a name
starts is what stands before it: a break (，西坪镇建成… ; 、某某街区) or the division it lies in
(某某县西坪镇, then named 西坪镇 and lying in 某某县). Names that hold a word of levels or
kinds (乡镇, 城镇, 各乡镇) or a generic word (特色街区, 中心镇; lexicons/locality_endings.tsv)
are words, not places.
"""

from __future__ import annotations

import re

from graph.extract.clauses import passage_offsets
from graph.extract.spans import alternation, file_span, overlaps
from graph.lexicons import words
from graph.model import Document, Mention

_ENDING = alternation(words("locality_endings.tsv", "ending"))
_GENERIC = frozenset(words("locality_endings.tsv", "generic"))
_BREAK = "，,、；;：:。“”\"（()）《》 和与及"
_NAME = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<ending>{_ENDING})")
_ANY_ENDING = re.compile(_ENDING)
# characters that make a name a word of levels or kinds: 乡镇, 城镇, 各乡镇, 全镇, 特色小镇
_NOT_IN_NAME = set("乡镇村城街区县市省各全本该每小")
_NAME_AFTER_BREAK = 2


def find_localities(document: Document, passage, divisions: list[tuple]) -> list[Mention]:
    """Towns, subdistricts, streets and quarters, after a break or right after a division (whose
    span `divisions` gives, with the division's name)."""
    text = passage.text
    mentions: list[Mention] = []
    if not _ANY_ENDING.search(text):
        return mentions  # most passages write no 镇, 乡 or 街道: no start to try
    offsets = passage_offsets(passage, document.text)
    ends = {end: (start, name) for start, end, name in divisions}
    for begin in _starts(text, ends):
        match = _NAME.match(text, begin)
        if not match or not _a_name(match, text, after_division=begin in ends):
            continue
        start = ends[begin][0] if begin in ends else begin
        if overlaps((begin, match.end()), [(s, e) for s, e, _ in divisions]):
            continue
        written = text[start:match.end()]
        mentions.append(Mention("Place", match.group(0), passage.index,
                                *file_span(offsets, start, match.end()), place_type="locality",
                                written=written if written != match.group(0) else ""))
    return mentions


def _starts(text: str, ends: dict[int, tuple[int, str]]) -> list[int]:
    starts = {0} | {i + 1 for i, char in enumerate(text) if char in _BREAK} | set(ends)
    return sorted(i for i in starts if i < len(text))


def _a_name(match: re.Match, text: str, after_division: bool) -> bool:
    name, ending = match.group("name"), match.group("ending")
    if set(name) & _NOT_IN_NAME or any(word in name for word in _GENERIC):
        return False
    if not after_division and len(name) != _NAME_AFTER_BREAK:
        return False
    after = text[match.end():match.end() + 1]
    return not (ending in "乡镇" and after and after in "村镇化")
