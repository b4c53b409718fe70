"""The matching every finder does: words tried longest first, names scanned left to right,
nested candidates reduced to the longest, spans compared, and spans moved from a passage to the file.

A span is (start, end), end exclusive, as Python slices are; a candidate is a tuple that starts
with its span, (start, end, name, ...). A passage's text drops the line breaks of the file, so a
span in the text is moved to the file through `offsets`, the file offset of each character.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

Value = TypeVar("Value")
Candidate = TypeVar("Candidate", bound=tuple)
Span = tuple[int, int]


class Guarded:
    """A compiled pattern tried only on a text that holds one of `words`, one of which every match
    of the pattern holds. Python's regex engine looks for no such word before it starts: a
    pattern that opens with a class of characters (a name's, a title's) is tried at each
    position of a text, the class run out to its end each time, so a list pattern costs most of
    a finder's time on passages that list nothing. A text without the words is passed over at
    once (the words are one alternation of plain words, which the engine looks for quickly); on
    the others the pattern runs as it is, so what it finds is the same. `and_one_of` are words
    every match holds one of besides: 等 and 项目 of A、B等一批项目."""

    def __init__(self, pattern: re.Pattern[str], *words: str, and_one_of: Iterable[str] = ()):
        self.pattern = pattern
        self.words = re.compile(alternation(words))
        also = tuple(and_one_of)
        self.also = re.compile(alternation(also)) if also else None

    def _may_match(self, text: str) -> bool:
        return self.words.search(text) is not None and (self.also is None or self.also.search(text) is not None)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self._may_match(text) else iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self._may_match(text) else None

    def findall(self, text: str) -> list:
        return self.pattern.findall(text) if self._may_match(text) else []


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Longer words before shorter ones (ties in their given order), so that a loop taking the
    first word that fits takes 实施方案 before 方案."""
    return tuple(sorted(words, key=len, reverse=True))


def alternation(words: Iterable[str], in_order: bool = False) -> str:
    """A regex alternation of words, longest first: a regex takes the first alternative that fits,
    so 开工建设 must come before 开工. `in_order` keeps the order given, for a list whose order
    is part of what it says."""
    return "|".join(re.escape(word) for word in (tuple(words) if in_order else longest_first(words)))


def scan(text: str, names: Mapping[str, Value], longest: int,
         skip: Callable[[str, int, int, Value], bool] | None = None) -> list[tuple[int, int, Value]]:
    """The names of `names` in `text`, left to right, the longest at each position, none
    overlapping: 大同市 is one name, not 大同 and then 市. `skip(text, start, end, value)` refuses a
    name where it is part of a longer word, and a shorter name is tried there instead. Only where
    two characters begin a name, and only the lengths of the names they begin, are tried: most
    characters begin none, so a passage is read in time near its length, not its length times
    `longest`."""
    heads = _index(names, longest)
    found = []
    index = 0
    size = len(text)
    while index < size - 1:
        lengths = heads.get(text[index:index + 2])
        if lengths:
            for length in lengths:
                end = index + length
                value = names.get(text[index:end]) if end <= size else None
                if value and not (skip and skip(text, index, end, value)):
                    found.append((index, end, value))
                    index = end
                    break
            else:
                index += 1
        else:
            index += 1
    return found


_INDEXES: dict[tuple[int, int], tuple[Mapping, dict[str, tuple[int, ...]]]] = {}


def _index(names: Mapping[str, Value], longest: int) -> dict[str, tuple[int, ...]]:
    """The first two characters of the names -> the lengths of the names they begin, longest
    first (from 2 up to `longest`), made once per mapping: the finders pass the same cached
    mappings passage after passage. The mapping is kept beside its index, so its id is not
    reused while the index stands."""
    key = (id(names), longest)
    kept = _INDEXES.get(key)
    if kept is None or kept[0] is not names:
        lengths: dict[str, set[int]] = {}
        for name in names:
            if 2 <= len(name) <= longest:
                lengths.setdefault(name[:2], set()).add(len(name))
        kept = _INDEXES[key] = (names, {head: tuple(sorted(found, reverse=True)) for head, found in lengths.items()})
    return kept[1]


def keep_longest(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Of candidates that may nest, the longest: a name inside a name found is part of it
    (某某村镇银行 inside 浑源某某村镇银行). Longest first; of equal spans, the first given."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda found: found[0] - found[1]):
        if not inside((candidate[0], candidate[1]), kept):
            kept.append(candidate)
    return kept


def inside(span: Span, spans: Iterable[Sequence]) -> bool:
    """Whether a span lies within one of the spans (or candidates)."""
    start, end = span
    return any(other[0] <= start and end <= other[1] for other in spans)


def overlaps(span: Span, spans: Iterable[Sequence]) -> bool:
    """Whether a span shares a character with one of the spans (or candidates)."""
    start, end = span
    return any(start < other[1] and other[0] < end for other in spans)


def covers(spans: Iterable[Sequence], position: int) -> bool:
    """Whether one of the spans holds the character at `position`."""
    return any(other[0] <= position < other[1] for other in spans)


def file_span(offsets: Sequence[int], start: int, end: int) -> Span:
    """The file span of text[start:end], the text being a passage's or a clause's whose
    characters stand at `offsets` in the file (the span may run across a line break)."""
    return offsets[start], offsets[end - 1] + 1


def longest_prefix(text: str, names: Collection[str], besides: str | None = None) -> str | None:
    """The longest name `text` starts with, other than `besides`: 某公司 of 某公司算力中心二期. The
    text's prefixes are looked up, longest first, so a set or dict of a report's names is not
    sorted again for each project."""
    for length in range(len(text), -1, -1):
        if text[:length] in names and text[:length] != besides:
            return text[:length]
    return None
