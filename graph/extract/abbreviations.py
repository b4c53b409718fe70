"""One-character province abbreviations (简称) where they stand for the province: 来陕考察, 赴闽,
陕企, 闽台, 湘鄂. A single character is a place only in such company; alone (晋升, 犹豫) it is
a word's part, so the rule asks for a verb of going before it, a bound word after it, or a second
abbreviation beside it. Only the 简称 that are seldom words of their own are listed
(lexicons/province_abbreviations.tsv); each names the province, as its full name does.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract import gazetteer
from graph.extract.clauses import passage_offsets
from graph.extract.spans import alternation, covers, file_span
from graph.lexicons import rows, words
from graph.model import Document, Mention


@cache
def _abbreviation() -> re.Pattern:
    """Any one of the abbreviations: a passage is read at them, not at each of its characters."""
    return re.compile(alternation(_provinces()))


@cache
def _provinces() -> dict[str, str]:
    """Abbreviation -> the province's division code."""
    codes = {}
    for abbreviation, name in rows("province_abbreviations.tsv"):
        division = gazetteer.find_division(name)
        if division:
            codes[abbreviation] = division.code
    return codes


def find_abbreviations(document: Document, passage, taken: list[tuple]) -> list[Mention]:
    """The abbreviations of a passage that stand for their province, outside names found already
    (晋 of 晋北, 冀 of 京津冀)."""
    text = passage.text
    offsets = passage_offsets(passage, document.text)
    mentions = []
    for found in _abbreviation().finditer(text):
        index, char = found.start(), found.group()
        code = _provinces().get(char)
        if code and not covers(taken, index) and _stands_for_province(text, index):
            name = gazetteer.divisions()[code].name
            mentions.append(Mention("Place", name, passage.index, *file_span(offsets, index, index + 1),
                                    code=code, place_type="division", written=char))
    return mentions


def _stands_for_province(text: str, index: int) -> bool:
    before = text[index - 1] if index else ""
    after = text[index + 1:index + 2]
    if before in words("abbreviation_contexts.tsv", "before") and before:
        return True
    if after in words("abbreviation_contexts.tsv", "after") and after:
        return text[index + 1:index + 3] not in words("abbreviation_contexts.tsv", "not-after")
    return after in _provinces() or before in _provinces()
