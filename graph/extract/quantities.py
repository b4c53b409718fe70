"""Numbers with their units, as a clause writes them.

    1815.0亿元   number 1815.0, magnitude 亿, unit 元      (1815.0 × 10^8 yuan)
    1.3万余名    number 1.3, magnitude 万, bound 余, unit 名
    超过90%      bound 超过, number 90, unit %
    １．５亿吨以上 full-width digits, bound 以上 after the unit
    1:7.3        a ratio                     三倍      a multiple, in Chinese numerals
    新增四条      a count in Chinese numerals after a verb of growth

A number that is part of a name or an expression is not a quantity: 2×100万千瓦 (a capacity in a
project's name), 第三届 and 第二批 (ordinals), PM2.5 and T1000 (names), years and dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from graph.extract.spans import Guarded, alternation, covers
from graph.lexicons import rows, words
from graph.numerals import chinese_to_int, to_ascii_digits

DIGITS = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
# 5亿元以上项目 ; 500万元以上工业企业: an amount and 以上 before what it bounds is part of a name
THRESHOLD_OF = re.compile(rf"[\u4e00-\u9fff]{{0,3}}?(?:{alternation(words('counted_heads.tsv'))})")
_CHINESE_DIGITS = "一二两三四五六七八九十百千"


@dataclass(frozen=True)
class Unit:
    written: str  # as the text writes it, magnitude included: 亿元
    base: str  # 元
    normalized_unit: str  # yuan
    factor: Decimal  # from `written` to `normalized_unit`


@dataclass(frozen=True)
class Quantity:
    number: str  # as written, digits made ASCII: "1815.0"; for Chinese numerals the integer
    unit: Unit | None
    bound: str | None  # 以上 / 左右 / 近 / 超过 / 余 ...
    start: int  # span in the clause text, bound words included
    end: int
    kind: str = "amount"  # amount / ratio / multiple / streak
    written: str = ""  # the number as the text writes it (四, ２０２５ ...)


def _units() -> dict[str, tuple[str, Decimal]]:
    return {unit: (normalized, Decimal(factor)) for unit, _, normalized, factor in rows("units.tsv")}


def _magnitudes() -> dict[str, Decimal]:
    return {magnitude: Decimal(factor) for magnitude, factor in rows("magnitudes.tsv")}


_UNIT_TABLE = _units()
_MAGNITUDE_TABLE = _magnitudes()


_UNIT = alternation(_UNIT_TABLE)
_MAGNITUDE = alternation(_MAGNITUDE_TABLE)
# 自然增长率为-0.47‰: a minus sign after 为, 是 or a colon makes a number negative; elsewhere a dash
# joins (1-11月) or names (T-1000)
_SIGN = r"(?<=[为是:：])[-－−]"
_AMOUNT = re.compile(
    rf"(?P<before>{alternation(words('bound_words.tsv', 'before'))})?(?P<sign>{_SIGN})?(?P<number>{DIGITS})"
    rf"(?P<magnitude>{_MAGNITUDE})?(?P<approx>{alternation(words('bound_words.tsv', 'within'))})?"
    rf"(?P<unit>{_UNIT})(?P<after>{alternation(words('bound_words.tsv', 'after-unit'))})?")
# The rarer kinds are tried only where the word each is written with stands: 倍, 连, 万 or 亿 …
_RATIO = Guarded(re.compile(rf"(?P<number>{DIGITS}\s*[:：]\s*{DIGITS})"), ":", "：")
_MULTIPLE = Guarded(re.compile(rf"(?P<number>{DIGITS}|[{_CHINESE_DIGITS}]+)倍"), "倍")
_CHINESE_COUNT = Guarded(re.compile(
    rf"(?:{alternation(words('count_verbs.tsv'))})(?P<number>[{_CHINESE_DIGITS}]+)(?P<unit>个|家|条|座|所|项|批|处)"),
    *words("count_verbs.tsv"))
# 十六连丰: sixteen bumper harvests in a row
_STREAK = Guarded(re.compile(
    rf"(?<![0-9０-９.．])(?P<number>[0-9０-９]+|[{_CHINESE_DIGITS}]+)连(?P<what>{alternation(words('streak_words.tsv'))})"),
    "连")
# 突破两万亿元 ; 三千万元: an amount in Chinese numerals, known by its magnitude and unit (a lone 十 or
# 百 before 亿 is a word of scale, 百亿级, and is left alone)
_CHINESE_AMOUNT = Guarded(re.compile(
    rf"(?P<before>{alternation(words('bound_words.tsv', 'before'))})?"
    rf"(?P<number>[一二两三四五六七八九]|[{_CHINESE_DIGITS}]{{2,}})(?P<magnitude>万亿|亿|万)(?P<unit>{_UNIT})"),
    "万", "亿")
# 人口超过850万的特大城市 ; 人才总量突破300万: a count written with its magnitude alone, no unit after
_MAGNITUDE_ONLY = Guarded(re.compile(
    rf"(?P<before>{alternation(words('bound_words.tsv', 'before'))})?(?P<number>{DIGITS})(?P<magnitude>万|亿)"
    rf"(?P<after>{alternation(words('bound_words.tsv', 'after-unit'))})?(?=的|[^\u4e00-\u9fff]|$)"), "万", "亿")
# A number with no unit that ends its clause: 环境空气质量综合指数3.26
_BARE = re.compile(rf"(?<=[\u4e00-\u9fff)）])(?P<number>{DIGITS})$")
# A character every quantity's number is written with
_NUMERAL = re.compile(rf"[0-9０-９{_CHINESE_DIGITS}]")
# Right before a number, these make it part of a name or an expression
_NOT_A_QUANTITY_BEFORE = set("×xX*＊:：-—~～/第")
# Right after a number, these make it a date, a year or a name
_YEAR_OR_DATE_AFTER = re.compile(r"^(?:年(?!度目标)|月|日|届|次会议|级|型|号)")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in a clause, left to right, none inside another."""
    found: list[Quantity] = []
    if not _NUMERAL.search(text):
        return found  # most clauses write no number: none of the patterns below is tried
    for match in _RATIO.finditer(text):
        if _stands_alone(text, match.start(), match.end()):
            found.append(Quantity(to_ascii_digits(match.group("number")).replace("：", ":").replace(" ", ""),
                                  None, None, match.start(), match.end(), "ratio", match.group("number")))
    for match in _MULTIPLE.finditer(text):
        if _stands_alone(text, match.start(), match.end()) and not _inside(found, match.start()):
            found.append(Quantity(_integer_or_digits(match.group("number")), None, None,
                                  match.start(), match.end(), "multiple", match.group("number")))
    for match in _AMOUNT.finditer(text):
        number_start = match.start("number")
        if _inside(found, number_start) or not _stands_alone(text, number_start, match.end()):
            continue
        if match.group("after") in ("以上", "以下") and THRESHOLD_OF.match(text, match.end()):
            continue  # 新开工5亿元以上项目32个: a threshold in the name of what is counted
        found.append(_amount(match))
    for match in _CHINESE_AMOUNT.finditer(text):
        if not _inside(found, match.start("number")) and _stands_alone(text, match.start("number"), match.end()):
            unit = _unit(match.group("unit"), match.group("magnitude"))
            found.append(Quantity(str(chinese_to_int(match.group("number"))), unit, match.group("before"),
                                  match.start(), match.end(), "amount", match.group("number")))
    for match in _MAGNITUDE_ONLY.finditer(text):
        if not _inside(found, match.start("number")) and _stands_alone(text, match.start("number"), match.end()):
            number = to_ascii_digits(match.group("number")).replace("．", ".")
            magnitude = match.group("magnitude")
            unit = Unit(magnitude, "", "number", _MAGNITUDE_TABLE[magnitude])
            found.append(Quantity(number, unit, match.group("after") or match.group("before"),
                                  match.start(), match.end(), "amount", match.group("number")))
    for match in _STREAK.finditer(text):
        if not _inside(found, match.start()):
            found.append(Quantity(_integer_or_digits(match.group("number")), None, None,
                                  match.start(), match.end(), "streak", match.group("number")))
    for match in _BARE.finditer(text):
        if not _inside(found, match.start()) and _stands_alone(text, match.start(), match.end()):
            found.append(Quantity(to_ascii_digits(match.group("number")).replace("．", "."), None, None,
                                  match.start(), match.end(), "amount", match.group("number")))
    for match in _CHINESE_COUNT.finditer(text):
        if not _inside(found, match.start("number")):
            unit = _unit(match.group("unit"), None)
            found.append(Quantity(str(chinese_to_int(match.group("number"))), unit, None,
                                  match.start("number"), match.end(), "amount", match.group("number")))
    return sorted(found, key=lambda quantity: quantity.start)


def normalized(quantity: Quantity) -> tuple[str, str] | None:
    """The value in the unit figures compare in (亿元 -> yuan), as a decimal string."""
    if quantity.unit is None or quantity.kind != "amount":
        return None
    value = Decimal(quantity.number) * quantity.unit.factor
    return _plain(value), quantity.unit.normalized_unit


def _amount(match: re.Match) -> Quantity:
    number = to_ascii_digits(match.group("number")).replace("．", ".")
    if match.group("sign"):
        number = "-" + number
    unit = _unit(match.group("unit"), match.group("magnitude"))
    bound = match.group("after") or match.group("approx") or match.group("before")
    return Quantity(number, unit, bound, match.start(), match.end(), "amount", match.group("number"))


def _unit(base: str, magnitude: str | None) -> Unit:
    normalized_unit, factor = _UNIT_TABLE[base]
    if magnitude:
        factor *= _MAGNITUDE_TABLE[magnitude]
    return Unit((magnitude or "") + base, base, normalized_unit, factor)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:] is a quantity, not part of a name, a year or a date."""
    first = start
    while first < end and not text[first].isdigit() and text[first] not in _CHINESE_DIGITS:
        first += 1  # skip a bound word before the number
    before = text[first - 1] if first else ""
    if before in "-－−" and first >= 2 and text[first - 2] in "为是:：":
        before = text[first - 2]  # a minus sign (自然增长率为-0.47‰), not a dash
    if before in _NOT_A_QUANTITY_BEFORE or before.isdigit() or (before.isascii() and before.isalpha()):
        return False
    digits_end = first
    while digits_end < len(text) and (text[digits_end].isdigit() or text[digits_end] in ".．"):
        digits_end += 1
    return not _YEAR_OR_DATE_AFTER.match(text[digits_end:])


def _inside(found: list[Quantity], position: int) -> bool:
    """Whether a position is taken by a quantity found already: 三倍 is a multiple, not also a count."""
    return covers(((q.start, q.end) for q in found), position)


def _integer_or_digits(number: str) -> str:
    ascii_number = to_ascii_digits(number)
    if ascii_number[0].isdigit():
        return ascii_number
    return str(chinese_to_int(number))


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 181500000000, 0.5."""
    return format(value.normalize(), "f")


# 分别为112.46、96.6、348.87亿元 / 分别达到27524亿元、19981亿元 / 分别拉动GDP增长0.1、-1.8、7.4个百分点: a
# list of amounts for the names the subject lists; where only the last writes its unit, every one
# is in that unit. The words between 分别 and the list, when they are not a mere 为 or 达到, say
# what each amount is of (拉动GDP增长).
_LINKS = "为|是|达到|达|完成|实现"
_POINTS = "个百分点|个千分点"
_LISTED_UNIT = rf"(?:{_POINTS}|(?:{_MAGNITUDE})?(?:{_UNIT}))"
_LISTED_ITEM = rf"[-－]?{DIGITS}{_LISTED_UNIT}?"
_LISTED_AMOUNTS = re.compile(
    rf"分别(?:(?P<link>{_LINKS})|(?P<verb>[\u4e00-\u9fffA-Za-z]{{2,8}}?))?"
    rf"(?P<amounts>{_LISTED_ITEM}(?:(?:、|和|与|及){_LISTED_ITEM})+)")
_GROWTH_ONLY = re.compile(rf"(?:{alternation(words('growth_bases.tsv'))})?(?:{alternation(words('growth_words.tsv'))})")
_ONE_AMOUNT = re.compile(
    rf"(?P<sign>[-－])?(?P<number>{DIGITS})(?:(?P<points>{_POINTS})|(?P<magnitude>{_MAGNITUDE})?(?P<unit>{_UNIT}))?")


def find_listed_amounts(text: str) -> tuple[int, str, list[Quantity]] | None:
    """Where a list of amounts begins (分别…), what they are of when the words after 分别 say
    (拉动GDP增长; else ""), and the amounts, each in its own unit or the last's."""
    match = _LISTED_AMOUNTS.search(text)
    if not match or _GROWTH_ONLY.fullmatch(match.group("verb") or ""):
        return None  # 分别增长4.2%、6.8%: rates, which comparisons.py shares out
    pieces = list(_ONE_AMOUNT.finditer(text, match.start("amounts"), match.end("amounts")))
    last = pieces[-1]
    if last.group("unit") is None and last.group("points") is None:
        return None
    amounts = []
    for piece in pieces:
        own = piece if piece.group("unit") or piece.group("points") else last
        number = ("-" if piece.group("sign") else "") + to_ascii_digits(piece.group("number")).replace("．", ".")
        unit = (Unit(own.group("points"), own.group("points"), "percentage-points", Decimal(1))
                if own.group("points") else _unit(own.group("unit"), own.group("magnitude")))
        amounts.append(Quantity(number, unit, None, piece.start(), piece.end(), "amount", piece.group("number")))
    return match.start(), match.group("verb") or "", amounts
