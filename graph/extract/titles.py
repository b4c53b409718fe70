"""Policy titles a text writes without 《》, by the ways reports name documents.

    a year's plan      现将某市2030年国民经济和社会发展计划执行情况… ; 2031年国民经济和社会发展计划(草案)
    a five-year plan   “十五五”规划 ; 国民经济和社会发展第十五个五年规划纲要
    numbered           出台“稳岗留工”12条、促消费30条等政策措施 ; 落实某某“1+3+N”政策 ; 实施某某三年行动
    a notice           某市人民政府关于印发某市2030年国民经济和社会发展计划的通知
    the work report    代表市政府向大会作政府工作报告 (where the report is not that report itself)

A quoted slogan or campaign (“三个年”活动, “一四五十”战略) is none of these, so no policy. A number
of things (新增公交线路10条) is a figure, not a title: a numbered title is issued (出台, 落实 …),
listed as policies (…等政策措施) or quoted whole (“激发某某活力20条”).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.extract.spans import Guarded, alternation
from graph.lexicons import column

_NUMERAL = r"(?:[0-9０-９]+|[一二三四五六七八九十百两]+)"
# 2030年国民经济和社会发展计划 ; 2030年上半年… ; …规划(草案)
YEARLY_PLAN = re.compile(r"(?:19|20)[0-9]{2}年(?:上半年|下半年|前三季度|一季度)?国民经济和社会发展(?:计划|规划)"
                         r"(?:[(（]草案[)）]|草案)?")
_FIVE_YEAR = Guarded(re.compile(r"“?十[一二三四五六七八九]五”?规划(?:纲要)?(?!中)"
                                r"|国民经济和社会发展第[一二三四五六七八九十]+个五年规划(?:和[二〇一三五零0-9]+年远景目标)?纲要"),
                     "规划")
_NOTICE = re.compile(r"关于印发(?P<inner>[^，。；]{4,60}?)的通知")
_WORK_REPORT = re.compile(r"政府工作报告")
# …60条 ; “某某”10条 ; 某某20条措施 — then a list mark, a closing quote or 等政策措施
_ARTICLES = Guarded(re.compile(
    rf"(?P<title>[^，。；：:、,;]{{2,30}}?(?<!第){_NUMERAL}条(?:政策措施|措施|政策|意见|举措)?)"
    r"(?P<after>”|等|、|，|,|。|；|$)"), "条")
_FORMULA = Guarded(re.compile(
    r"(?P<title>[^，。；：:、,;]{2,30}?“?[0-9]+(?:[+＋](?:[0-9]+|[NnXx]))+”?(?:政策体系|政策|文件))"), "+", "＋")
# 实施某某提升三年行动: an action plan of so many years (a campaign of no years is no document)
_YEARS_OF_ACTION = Guarded(re.compile(r"(?P<title>[^，。；：:、,;]{2,30}?(?:[一二三四五六七八九十两]|[0-9]+)年"
                                      r"(?:攻坚|专项|提升)?行动(?:计划|方案)?)(?=[，。；、,;]|$)"), "行动")
_LISTED_AS_POLICIES = re.compile(r"^等?(?:政策措施|政策|措施|举措|文件)")
# 关于某市2030年… ; 现将某市… ; 2031年2月1日某市…: the place a plan's title opens with
_BEFORE_PLACE = re.compile(r"关于|印发|现将|将|[《“日]|[^\u4e00-\u9fff]")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:省|市|县|区|州|盟|旗)")
_NOT_A_PLACE = re.compile(r"^[全我本该各]")
_MARKED = re.compile(r"《[^《》]*》")


@dataclass(frozen=True)
class Title:
    """A title found in a text: its span there, the title, and the words around it that matter."""

    start: int
    end: int
    title: str  # as written, quote marks aside
    place: str | None = None  # the place a year's plan names before it (某市2030年…计划)
    yearly: bool = False  # a year's plan: the report's city is its place when it names none
    marked: bool = False  # written in 《》: a policy only when it ends in a document type


@cache
def _actions() -> re.Pattern:
    return re.compile(alternation(column("policy_actions.tsv")))


def find_titles(text: str, own_title: str = "") -> list[Title]:
    """The titles written without 《》 in a text (a passage, a heading, a report's title), left to
    right; `own_title` is the report's, so that 政府工作报告 in a work report is not a policy."""
    found = (_yearly_plans(text) + _five_year_plans(text) + _notices(text) + _numbered(text)
             + _work_reports(text, own_title))
    return sorted(_outside_marks(found, text), key=lambda title: (title.start, -title.end))


def _yearly_plans(text: str) -> list[Title]:
    found = []
    for match in YEARLY_PLAN.finditer(text):
        named = _place_before(text[max(0, match.start() - 12):match.start()])
        start = match.start() - len(named) if named else match.start()
        found.append(Title(start, match.end(), text[start:match.end()], named, yearly=True))
    return found


def _place_before(words: str) -> str | None:
    """The place written right before a plan's year, after the words that lead to it."""
    cuts = list(_BEFORE_PLACE.finditer(words))
    place = words[cuts[-1].end():] if cuts else words
    return place if _PLACE.fullmatch(place) and not _NOT_A_PLACE.search(place) else None


def _five_year_plans(text: str) -> list[Title]:
    return [Title(m.start(), m.end(), _unquote(m.group())) for m in _FIVE_YEAR.finditer(text)]


def _notices(text: str) -> list[Title]:
    """关于印发某市…计划的通知: the notice that issues a plan is a document of its own."""
    found = []
    for match in _NOTICE.finditer(text):
        title = match.group().replace("《", "〈").replace("》", "〉")
        found.append(Title(match.start(), match.end(), title))
    return found


def _work_reports(text: str, own_title: str) -> list[Title]:
    if _WORK_REPORT.search(own_title):
        return []  # the report itself, which is the graph's plan:Report
    return [Title(m.start(), m.end(), m.group()) for m in _WORK_REPORT.finditer(text)]


def _numbered(text: str) -> list[Title]:
    """推动某某发展60条 ; “某某”10条 ; 某某“1+5+N”政策 ; 实施某某三年行动: from the verb that issues it."""
    found = []
    for match in _ARTICLES.finditer(text):
        title = _after_verb(match.group("title"))
        quoted = title.startswith("“") and match.group("after") == "”"
        listed = bool(_LISTED_AS_POLICIES.search(text[match.end("title"):]))
        issued = title != match.group("title") or _issued_before(text, match.start())
        if _named(title) and (quoted or listed or issued):
            found.append(_titled(match.end("title") - len(title), match.end("title"), title))
    for pattern in (_FORMULA, _YEARS_OF_ACTION):
        for match in pattern.finditer(text):
            title = _after_verb(match.group("title"))
            if title != match.group("title") and _named(title):
                found.append(_titled(match.end("title") - len(title), match.end("title"), title))
    return found


def _after_verb(words: str) -> str:
    """在全省率先出台推动某某发展60条 -> 推动某某发展60条: the title follows the verb issuing it."""
    verbs = list(_actions().finditer(words))
    return words[verbs[-1].end():].lstrip("了") if verbs else words


def _issued_before(text: str, start: int) -> bool:
    """出台A、B等政策: the verb before the list issues every item of it."""
    clause = re.split(r"[，。；,;]", text[:start])[-1]
    return bool(_actions().search(clause))


def _named(title: str) -> bool:
    words = re.sub(rf"“|”|{_NUMERAL}条.*$|[0-9+＋NnXx]+.*$", "", title)
    return len(words) >= 2


def _titled(start: int, end: int, written: str) -> Title:
    return Title(start, end, _unquote(written))


def _outside_marks(found: list[Title], text: str) -> list[Title]:
    """A title inside 《》 is read as one whole title by policies.py, not in pieces here."""
    marked = [(m.start(), m.end()) for m in _MARKED.finditer(text)]
    return [t for t in found if not any(start <= t.start and t.end <= end for start, end in marked)]


def _unquote(title: str) -> str:
    return re.sub("[“”\"]", "", title)
