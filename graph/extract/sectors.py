"""Sectors a passage names, from the sector taxonomy (graph/extract/sector_names.py).

A sector is named by its name, one of its other names (文旅 for 文化旅游) or a form of its
standard name (汽车制造 for 汽车制造业), or in the "X之城" way reports name a city's bets (能源之城 is
the energy sector). A name followed by a sector word is still the sector (工业经济, 汽车制造行业),
and the written form is kept: it becomes the sector's other label. Statistical bulletins list the
three sectors by their ordinals ("第一、二、三产业增加值分别为…"): each is named. A sector word is
not a sector inside a price category (教育文化和娱乐价格上涨) or before a word that makes it an office,
a building or an institution (能源局, 文化馆, 金融机构). A paragraph that opens with a short
sentence naming a sector ("能源之城加速崛起。") is about that sector: relations.py gives its
projects and companies that sector.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.clauses import passage_offsets
from graph.extract.sector_names import names, taxonomy
from graph.extract.spans import alternation, file_span, inside, scan
from graph.lexicons import column
from graph.model import Document, Mention

__all__ = ["find_sectors", "sector_of", "taxonomy"]

_LONGEST = 24
_ORDINAL_SECTORS = {"一": "第一产业", "二": "第二产业", "三": "第三产业"}
# 第一、二、三产业 ; 一二三产 ; 第二、第三产业 ; 二三产业
_ORDINAL_LIST = re.compile(r"第?[一二三](?:[、和及与]?第?[一二三])+产业?")
# A sector word after the name keeps the name the sector's: 工业经济, 汽车制造行业
_SECTOR_WORD = re.compile(r"产业|行业|工业|经济")
# What a numeral after these ends: 单一, 统一, 唯一, 同一, 进一步, 万一, 逐一, 之一, 十二, 百一 …
_NUMERAL_WORDS = "单统唯同进万逐之十百千零〇两"


def sector_of(text: str) -> str | None:
    """The sector a phrase names, the longest name found in it (煤炭工业增加值 -> 煤炭工业); of names
    as long, the one the taxonomy lists first. The phrase's pieces are looked up, where two
    characters begin a name, rather than every name searched for in the phrase."""
    heads, lengths, order = _name_index()
    best: tuple[int, int, str] | None = None  # length, minus its place in the list, name
    for start in range(len(text) - 1):
        if text[start:start + 2] not in heads:
            continue
        for length in lengths:  # shortest first
            if start + length > len(text):
                break
            name = text[start:start + length]
            if name in order and (best is None or (length, -order[name]) > best[:2]):
                best = (length, -order[name], name)
    return names()[best[2]] if best else None


@cache
def _name_index() -> tuple[frozenset[str], tuple[int, ...], dict[str, int]]:
    """The first two characters of the sector names, their lengths, and each name's place in the list."""
    order = {name: index for index, name in enumerate(names())}
    return (frozenset(name[:2] for name in order), tuple(sorted({len(name) for name in order})),
            order)


def find_sectors(document: Document) -> list[Mention]:
    mentions = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        for start, end, sector, written in sectors_in(passage.text):
            mentions.append(Mention("Sector", sector, passage.index, *file_span(offsets, start, end), code=sector,
                                    written=written))
    return mentions


def sectors_in(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, sector, written) of each sector the text names, left to right; `written` is
    the name as the text writes it where it is not the sector's own ("" for an ordinal list,
    whose span is the whole list)."""
    listed = _ordinal_lists(text)
    masked = [(m.start(), m.end()) for m in _price_categories().finditer(text)] + [span[:2] for span in listed]
    found: list[tuple[int, int, str, str]] = []
    for start, end, sector in scan(text, names(), _LONGEST, _part_of_word):
        if inside((start, end), masked) or (found and start < found[-1][1]):
            continue
        end = _with_sector_word(text, start, end)
        found.append((start, end, sector, "" if text[start:end] == sector else text[start:end]))
    return sorted(found + listed)


def _ordinal_lists(text: str) -> list[tuple[int, int, str, str]]:
    """第一、二、三产业 names three sectors, each over the list's span."""
    found = []
    for match in _ORDINAL_LIST.finditer(text):
        if not _after_a_word(text, match.start()):
            for ordinal in dict.fromkeys(re.findall(r"[一二三]", match.group())):
                found.append((match.start(), match.end(), _ORDINAL_SECTORS[ordinal], ""))
    return found


def _with_sector_word(text: str, start: int, end: int) -> int:
    """The end of a name with the sector word after it: 工业|经济, 汽车制造|行业, 光伏|产业; not
    after a name that ends in one already (农业|产业化, 数字经济|产业园)."""
    word = _SECTOR_WORD.match(text, end)
    written = text[start:end]
    if not word or written.endswith("经济") or (written.endswith("业") and word.group() != "经济"):
        return end
    return word.end()


def _part_of_word(text: str, start: int, end: int, sector: str) -> bool:
    """能源 in 能源局 names an office, 文化 in 文化馆 a building, 金融 in 金融机构 an institution:
    not the sector. 一产 in 单一产品 is no ordinal of a sector."""
    if any(text.startswith(head, end) for head in _heads()):
        return True
    return text[start] in _ORDINAL_SECTORS and _after_a_word(text, start)


def _after_a_word(text: str, start: int) -> bool:
    """Whether the numeral at text[start] ends a word or a number (单一产品, 统一产权, 十二产):
    then it is no sector's ordinal (推动一二三产融合, 、二产 are)."""
    return start > 0 and text[start - 1] in _NUMERAL_WORDS


@cache
def _heads() -> tuple[str, ...]:
    return tuple(column("sector_word_heads.tsv"))


@cache
def _price_categories() -> re.Pattern[str]:
    return re.compile(alternation(column("price_categories.tsv")))
