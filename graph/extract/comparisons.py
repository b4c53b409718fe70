"""What a clause says about a figure besides its value: growth, change in points, rank, share of
the year's target.

    同比增长3.2% / 比上年增长5.1% / 增长5%左右 / 同比下降6.8% / 涨幅0.4%      growth rate (negative for 下降)
    提高2.1个百分点 / 回落0.5个百分点                                      change in percentage points
    全省排名第8 / 居全省第4位 / 增速位列全省第二 / 居全省首位 / 总量全省排名第6   rank (of the figure, or of its growth)
    增速居全省前列 / 位列全省第一方阵 / 前三                                 a rank note where no rank is given
    完成年度目标的95.06%                                                  share of the year's target
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract import gazetteer
from graph.extract.quantities import DIGITS
from graph.extract.spans import Guarded, alternation, overlaps
from graph.lexicons import column, words
from graph.numerals import parse_int, to_ascii_digits

_BEFORE = alternation(words("bound_words.tsv", "before"))
_AFTER = alternation(words("bound_words.tsv", "after-rate"))
_FALLING = words("growth_words.tsv", "falling")
_DIRECTION = GROWTH_DIRECTIONS = alternation(words("growth_words.tsv"))
_BASIS = GROWTH_BASES = alternation(words("growth_bases.tsv"))
_HELD = alternation(words("words_before_numbers.tsv", "held"))  # 涨幅控制在3%左右

# (下同): a note that the words before it hold for what follows, written inside a figure
NOTE = r"(?:[(（]下同[)）])"
GROWTH = Guarded(re.compile(
    rf"(?P<basis>{_BASIS})?{NOTE}?(?P<direction>{_DIRECTION})(?:了)?(?:{_HELD})?(?P<before>{_BEFORE})?"
    rf"(?P<number>{DIGITS})[%％](?P<after>{_AFTER})?"), "%", "％")
# 提高2.1个百分点 ; 较一季度提高1.1个百分点 ; 比上年末下降1.52个千分点: a change in points, against
# the base the words name (比上年 when none is named)
AGAINST = r"(?:较|比(?![重例率]))[\u4e00-\u9fff]{1,6}?"  # not the 比 of 比重, 比例, 比率
POINT_UNIT = r"个百分点|个千分点"
POINTS = Guarded(re.compile(
    rf"(?P<basis>{_BASIS}|{AGAINST})?(?P<direction>{_DIRECTION})(?:了)?(?P<before>{_BEFORE})?"
    rf"(?P<number>{DIGITS})(?P<unit>{POINT_UNIT})"), "个百分点", "个千分点")
# 高于全国0.1个百分点 ; 超计划目标0.3个百分点: the gap to another rate
_ABOVE = words("comparison_words.tsv", "above")
POINTS_BEYOND = Guarded(re.compile(
    rf"(?P<relation>{alternation(words('comparison_words.tsv'))})(?P<than>[\u4e00-\u9fff]{{1,8}}?)"
    rf"(?P<number>{DIGITS})(?P<unit>{POINT_UNIT})"), "个百分点", "个千分点")
def _scopes() -> list[str]:
    """The groups a rank is taken in: the general scopes, every province by its full and short name
    (增速居广东第三), and the regions (居珠三角第一)."""
    provinces = [d for d in gazetteer.divisions().values() if d.level == "province"]
    names = [d.name for d in provinces] + [d.short_name for d in provinces if d.short_name]
    return [*words("rank_scopes.tsv"), *names, *column("regions.tsv")]


_SCOPE = alternation(_scopes())


def _rank_words(part: str) -> str:
    """The words of rank_words.tsv that play a part, as a regex alternation."""
    return alternation(words("rank_words.tsv", part))
# A rank holds 第 or 首位; a rank in words one of the standing words or 前: most clauses hold neither
RANK = Guarded(re.compile(
    rf"(?P<what>总量|增速|增幅)?(?:均)?(?:{_rank_words('before-scope')})?(?P<scope>{_SCOPE})(?:{_rank_words('after-scope')})?"
    rf"(?:第(?P<rank>[0-9０-９]+(?![.．0-9０-９])|[一二三四五六七八九十]+)(?:位|名)?(?!方阵|梯队|批|届|次)|(?P<first>首位|第一位))"),
    "第", "首位")
RANK_NOTE = Guarded(re.compile(
    rf"(?P<what>总量|增速|增幅)?(?:均)?(?:{_rank_words('note')})?(?P<scope>{_SCOPE})"
    rf"(?P<note>{_rank_words('standing')}|前[一二三四五六七八九十0-9]+(?:位|名)?)"),
    *words("rank_words.tsv", "standing"), "前")
# 分别增长35%和40% / 分别增长4.2%、6.8% / 分别增长5.5%左右和5.5%以上: one rate for each of the
# figures or names listed, each with its own bound
_BOUNDED_RATE = rf"(?:{_BEFORE})?[-－]?{DIGITS}[%％]?(?:{_AFTER})?"
RESPECTIVE_GROWTH = Guarded(re.compile(
    rf"(?:分别|^)(?:比上年)?(?P<direction>{_DIRECTION})(?:了)?{_BOUNDED_RATE}(?:(?:和|、|与|及){_BOUNDED_RATE})+"),
    "和", "、", "与", "及")
_RATE = re.compile(
    rf"(?P<before>{_BEFORE})?(?P<minus>[-－])?(?P<number>{DIGITS})[%％]?(?P<after>{_AFTER})?(?=$|和|、|与|及)")
SHARE_OF_TARGET = Guarded(re.compile(rf"完成(?:全?年度?|全年)?(?:目标|计划|任务)(?:任务)?的(?P<number>{DIGITS})[%％]"),
                          "完成")


@dataclass(frozen=True)
class Comparisons:
    growth_rate: str | None = None
    growth_bound: str | None = None
    point_change: str | None = None
    rank: int | None = None
    growth_rank: int | None = None
    rank_scope: str | None = None
    rank_note: str | None = None
    share_of_target: str | None = None
    respective_rates: tuple[str, ...] = ()  # 分别增长35%和40%: in the order of what they belong to
    respective_ends: tuple[int, ...] = ()  # where in the clause each of those rates ends
    respective_bounds: tuple[str | None, ...] = ()  # the bound each of those rates is written with
    change_words: str | None = None  # what a change in points says it is: 较一季度提高, 高于全国
    change_value: str | None = None  # its number as written: 1.1
    change_unit: str | None = None  # 个百分点 / 个千分点
    change_span: tuple[int, int] | None = None
    spans: tuple[tuple[int, int], ...] = ()  # where in the clause these were read

    @property
    def any(self) -> bool:
        return bool(self.respective_rates) or any(value is not None for value in (
            self.growth_rate, self.point_change, self.change_value, self.rank, self.growth_rank,
            self.rank_note, self.share_of_target))


def read_comparisons(text: str) -> Comparisons:
    respective = RESPECTIVE_GROWTH.search(text)
    if respective:
        sign = "-" if respective.group("direction") in _FALLING else ""
        listed = respective.group()
        rates = list(_RATE.finditer(listed, respective.end("direction") - respective.start()))
        return Comparisons(
            respective_rates=tuple(_listed_rate(sign, rate) for rate in rates),
            respective_ends=tuple(respective.start() + rate.end() for rate in rates),
            respective_bounds=tuple(rate.group("before") or rate.group("after") for rate in rates),
            spans=(respective.span(),))
    spans: list[tuple[int, int]] = []
    growth = GROWTH.search(text)
    points = POINTS.search(text)
    share = SHARE_OF_TARGET.search(text)
    values: dict = {}
    if share:
        values["share_of_target"] = _ascii(share.group("number"))
        spans.append(share.span())
    if growth and not overlaps(growth.span(), spans):
        values["growth_rate"] = _signed(growth)
        values["growth_bound"] = growth.group("before") or growth.group("after")
        spans.append(growth.span())
    beyond = POINTS_BEYOND.search(text)
    change = points or beyond
    if points and points.group("unit") == "个百分点":
        values["point_change"] = _signed(points)
    elif beyond and beyond.group("unit") == "个百分点":
        number = _ascii(beyond.group("number"))
        values["point_change"] = number if beyond.group("relation") in _ABOVE else "-" + number
    if change:
        values["change_words"] = change.group()[:change.start("number") - change.start()]
        values["change_value"] = _ascii(change.group("number"))
        values["change_unit"] = change.group("unit")
        values["change_span"] = change.span()
        spans.append(change.span())
    what = None  # 增速居广东第三、居珠三角第一: the second rank is of the growth too
    for rank in RANK.finditer(text):
        position = 1 if rank.group("first") else parse_int(rank.group("rank"))
        what = rank.group("what") or what
        key = "growth_rank" if what in ("增速", "增幅") else "rank"
        values.setdefault(key, position)
        values.setdefault("rank_scope", rank.group("scope"))
        spans.append(rank.span())
    note = RANK_NOTE.search(text)
    if note and not overlaps(note.span(), spans):
        values["rank_note"] = (note.group("what") or "") + note.group("scope") + note.group("note")
        spans.append(note.span())
    if not values:
        return _NOTHING  # most clauses compare nothing: one empty value serves them all
    return Comparisons(**values, spans=tuple(sorted(spans)))


_NOTHING = Comparisons()


def _listed_rate(sign: str, rate: re.Match) -> str:
    """分别增长11.2%、-2.4%: a minus written in the list turns the rate; 分别下降 turns them all."""
    number = _ascii(rate.group("number"))
    negative = (sign == "-") != bool(rate.group("minus"))
    return "-" + number if negative else number


def _signed(match: re.Match) -> str:
    number = _ascii(match.group("number"))
    return "-" + number if match.group("direction") in _FALLING else number


def _ascii(number: str) -> str:
    return to_ascii_digits(number).replace("．", ".")
