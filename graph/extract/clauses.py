"""A passage -> its clauses, the unit in which reports state one figure.

"2025年，全市地区生产总值完成1815.0亿元，同比增长3.2%，全省排名第8。" has four clauses: a time,
the figure, its growth and its rank. Clauses end at ，；：, but not inside brackets or quotes,
so "保税物流中心(B型)" and "《…，…》" stay whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from graph.extract.spans import file_span
from graph.model import Document, Passage

CLAUSE_ENDS = "，,；;：:。！？!?"
_OPEN = "“‘「『(（【《〈"
_CLOSE = "”’」』)）】》〉"
_MARKS = re.compile(f"[{re.escape(_OPEN + _CLOSE + CLAUSE_ENDS)}]")  # the characters the split looks at


@dataclass(frozen=True)
class Clause:
    text: str  # without its closing punctuation
    start: int  # span in the file
    end: int
    position: int  # where the clause starts in the passage's text
    offsets: tuple[int, ...] = ()  # the file offset of each character of `text`

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File span of text[start:end] (the clause may run across a line break)."""
        return file_span(self.offsets, start, end)


def split_clauses(passage: Passage, file_text: str) -> list[Clause]:
    """The clauses of a passage, located in the file (a passage may run across a line break)."""
    offsets = passage_offsets(passage, file_text)
    clauses: list[Clause] = []
    depth = 0
    begin = 0
    text = passage.text
    for mark in _MARKS.finditer(text):  # the marks alone, not every character
        index, char = mark.start(), mark.group()
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif char in CLAUSE_ENDS and depth == 0 and not _inside_ratio(text, index):
            _add(clauses, text, offsets, begin, index)
            begin = index + 1
    _add(clauses, text, offsets, begin, len(text))
    return clauses


def _inside_ratio(text: str, index: int) -> bool:
    """The colon of 1:7.3 joins two numbers; it ends no clause."""
    return (text[index] in "：:" and 0 < index < len(text) - 1
            and text[index - 1].isdigit() and text[index + 1].isdigit())


def _add(clauses: list[Clause], text: str, offsets: list[int], begin: int, end: int) -> None:
    piece = text[begin:end]
    stripped = piece.strip()
    if not stripped:
        return
    first = begin + piece.index(stripped[0])
    after = first + len(stripped)
    clauses.append(Clause(stripped, *file_span(offsets, first, after), first, tuple(offsets[first:after])))


def passage_offsets(passage: Passage, file_text: str) -> list[int]:
    """The file offset of each character of the passage's text (its text drops line breaks)."""
    if passage.offsets:
        return list(passage.offsets)
    offsets = []
    position = passage.start
    for char in passage.text:
        while position < passage.end and file_text[position] != char:
            position += 1  # skip the line break and indentation the passage text left out
        offsets.append(position)
        position += 1
    return offsets


def outside_passages(document: Document) -> list[tuple[str, list[int], int]]:
    """The headings and the report's title, each with its file offsets and the passage it opens."""
    if not document.passages:
        return []
    found = []
    starts = [passage.start for passage in document.passages]  # in file order
    for section in document.sections:
        at = bisect_left(starts, section.end)  # the first passage after the heading
        if at < len(starts):
            found.append(joined_text(document.text, section.start, section.end) + (document.passages[at].index,))
    header_end = min([document.passages[0].start] + [section.start for section in document.sections])
    found.append(joined_text(document.text, 0, header_end) + (0,))
    return found


def joined_text(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """A stretch of the file with its line breaks left out (a title broken across lines), and where
    each character stands."""
    offsets = [index for index in range(start, end) if text[index] not in "\r\n"]
    return "".join(text[index] for index in offsets), offsets
