"""Government bodies and news media a report names.

    太原市委 ; 市委 ; 中共某某县委          a place's party committee: 中国共产党太原市委员会
    太原市人民政府 ; 县政府 ; 省政府        a place's people's government
    市人大及其常委会 ; 区政协 ; 市发改委      its congress, consultative conference, departments
    市十五届人大 ; 某市第十五届人民代表大会   a congress of one term
    党中央 ; 国务院 ; 工信部                 the bodies of the centre (lexicons/government_bodies.tsv)
    国家统计局某某调查队 ; 某某区统计局      survey teams and bureaus
    来源:某某日报 ; 某某网记者 ; 某某网太原1月9日电      news media, named as a source

A body written with its level alone (市委) is the body of the report's own place at that level and
is named in full (中国共产党太原市委员会), the written form kept as another name. Where the report
does not say its place, the written form names it, keyed by the report (code), so that the 市委 of
two reports of unknown cities stay two bodies. 城市 or 社区 before 委/政府 is a word, not a level
(lexicons/level_compounds.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from graph.extract import gazetteer
from graph.extract.clauses import outside_passages, passage_offsets
from graph.extract.spans import Guarded, alternation, file_span, keep_longest
from graph.lexicons import column, rows
from graph.model import Document, Mention

GOVERNMENT_BODY = "GovernmentBody"
MEDIUM = "Organization"
_LEVELS = "省市县区州旗盟镇乡"
_TERM = r"[一二三四五六七八九十]+"
_PLACE_MAX = 10  # 巴音郭楞蒙古自治州: the longest division name worth trying before a level
# Words a body's name runs into, so that it names no body: 委员, 委托 ; 人大代表 (a deputy) ;
# 政府工作报告 (the document; 市人民政府工作报告 still names the government that makes it)
_CONGRESS_AND_COMMITTEE = "人大及其常委会"
_WORDS_GOING_ON = {"委": ("员", "托"), "党委": ("员",), "人大": ("代表",), "政府": ("工作报告",)}
# 各县区人民政府 ; 县市区人民政府: the governments of many places, none named
_MANY = re.compile(rf"(?:各|[{_LEVELS}])$")
# 中央 stands for the Party's Central Committee only where it stands alone: 中央、省委决策部署 ;
# 落实中央决策部署 (not 中央财政, 中央预算内投资, 中央商务区)
_CENTRE_AFTER = re.compile(r"[、，,和及与]|决策|部署|精神|要求|坚强领导|领导")
_SOURCE = Guarded(re.compile(r"来源[:：]\s*(?P<name>[^\s|｜<>]{2,24})"), "来源")
_NAME = r"[\u4e00-\u9fffA-Za-z0-9]"


class _Found(NamedTuple):
    start: int  # in the text searched
    end: int
    name: str  # the full name
    written: str  # as the text writes it
    kind: str = GOVERNMENT_BODY
    placed: bool = True  # False when the body's place is the report's and the report does not say it


@dataclass(frozen=True)
class _Home:
    """The places a report's bodies without a place of their own belong to, by level."""

    province: str | None
    city: str | None
    county: str | None
    province_code: str | None = None

    def at(self, level: str) -> str | None:
        if level == "省":
            return self.province
        if level in "市州盟":
            return self.city
        if level in "县区旗":
            return self.county
        return None


def find_bodies(document: Document) -> list[Mention]:
    """Bodies in the passages; then those only a heading or the header names (a congress of one
    term, a presenter's office, a source line), mentioned in the passage they open."""
    home = _home(document)
    key = document.sha256[:12]
    mentions: list[Mention] = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        mentions += [_mention(found, passage.index, offsets, key) for found in bodies_in(passage.text, home)]
    named = {mention.name for mention in mentions}
    for text, offsets, index in outside_passages(document):
        for found in bodies_in(text, home):
            mention = _mention(found, index, offsets, key)
            if mention.name not in named:
                named.add(mention.name)
                mentions.append(mention)
    return mentions


def bodies_in(text: str, home: _Home) -> list[_Found]:
    """The bodies and media a text names, left to right, none inside another."""
    found = _terms(text, home) + _local(text, home) + _central(text) + _survey_teams(text) + _media(text)
    return sorted(keep_longest(found), key=lambda f: f.start)


def _mention(found: _Found, passage: int, offsets: list[int], key: str) -> Mention:
    start, end = file_span(offsets, found.start, found.end)
    return Mention(found.kind, found.name, passage, start, end, code=None if found.placed else key,
                   written=found.written if found.written != found.name else "")


def _home(document: Document) -> _Home:
    city = gazetteer.find_division(document.meta.city) if document.meta.city else None
    if city is None:
        return _Home(None, None, None)
    chain = [city, *gazetteer.parents(city.code)]
    by_level = {division.level: division.name for division in chain}
    return _Home(by_level.get("province"), by_level.get("city"), by_level.get("county"), city.province)


@cache
def _bodies(where: str) -> dict[str, str]:
    """Body as written -> the template of its full name, for local or central bodies."""
    return {written: full for written, kind, full in rows("government_bodies.tsv") if kind == where}


@cache
def _local_pattern() -> re.Pattern:
    return re.compile(rf"(?P<party>中共)?(?P<level>[{_LEVELS}])(?P<body>{alternation(_bodies('local'))})")


@cache
def _term_pattern() -> re.Pattern:
    return re.compile(rf"(?P<level>[{_LEVELS}])第?(?P<term>{_TERM})届"
                      r"(?P<body>人大常委会|人民代表大会常务委员会|人大|人民代表大会|政协)")


@cache
def _central_pattern() -> re.Pattern:
    return re.compile(alternation(_bodies("central")))


@cache
def _compounds() -> tuple[str, ...]:
    return column("level_compounds.tsv")


@cache
def _media_endings() -> str:
    return alternation(column("media_endings.tsv"))


@cache
def _bylines() -> tuple[Guarded, ...]:
    """某某网记者 ; 某某网太原1月9日电: tried only where 记者 or 日电 stands (each runs lazily from
    every position of a text)."""
    ending = _media_endings()
    return (Guarded(re.compile(rf"(?P<name>{_NAME}{{2,12}}?(?:{ending}))记者"), "记者"),
            Guarded(re.compile(rf"(?P<name>{_NAME}{{2,12}}?(?:{ending}))[\u4e00-\u9fff]{{2,4}}[0-9０-９]{{1,2}}月"
                               rf"[0-9０-９]{{1,2}}日电"), "日电"))


def _place_before(text: str, level_end: int, home: _Home) -> tuple[int, str] | None:
    """The division whose name ends at `level_end` (太原市 of 太原市委), longest first: a province or
    a city anywhere, a county or district of the report's province."""
    for length in range(min(_PLACE_MAX, level_end), 1, -1):
        division = gazetteer.find_division(text[level_end - length:level_end], home.province_code)
        if division and _may_stand_before_a_body(division, home):
            return level_end - length, division.name
    return None


def _may_stand_before_a_body(division: gazetteer.Division, home: _Home) -> bool:
    """A province or city anywhere; a county of the report's own province; where the report does
    not say its province, a county whose name is no two-character word (和县 of 市和县委)."""
    if division.level != "county":
        return True
    return division.province == home.province_code if home.province_code else len(division.name) > 2


def _where(text: str, match: re.Match, home: _Home) -> tuple[int, str | None] | None:
    """Where a body's name starts and the place it belongs to; None where the level is a word's."""
    level_end = match.end("level")
    named = _place_before(text, level_end, home)
    if named:
        return named
    if any(text.endswith(word, 0, level_end) for word in _compounds()):
        return None  # 城市政府, 社区委员会
    return match.start("level"), home.at(match.group("level"))


def _local(text: str, home: _Home) -> list[_Found]:
    found = []
    for match in _local_pattern().finditer(text):
        body = match.group("body")
        if _word_goes_on(text, match.end(), body) or _many_places(text, match.start("level"), home):
            continue
        where = _where(text, match, home)
        if where is None:
            continue
        start, place = where
        start = match.start() if match.group("party") and start == match.start("level") else start
        if body == _CONGRESS_AND_COMMITTEE:
            found += _congress_and_committee(text, start, match, place)
            continue
        written = text[start:match.end()]
        full = _bodies("local")[body].format(place=place) if place else written
        found.append(_Found(start, match.end(), full, written, placed=place is not None))
    return found


def _congress_and_committee(text: str, start: int, match: re.Match, place: str | None) -> list[_Found]:
    """市人大及其常委会 names two bodies: the congress (市人大) and its standing committee (常委会)."""
    congress_end = match.start("body") + len("人大")
    committee_start = match.end() - len("常委会")
    congress = text[start:congress_end]
    committee = congress + "常委会"
    if place:
        congress_full, committee_full = _bodies("local")[_CONGRESS_AND_COMMITTEE].format(place=place).split(",")
        return [_Found(start, congress_end, congress_full, congress),
                _Found(committee_start, match.end(), committee_full, committee)]
    return [_Found(start, congress_end, congress, congress, placed=False),
            _Found(committee_start, match.end(), committee, committee, placed=False)]


def _word_goes_on(text: str, end: int, body: str) -> bool:
    return text.startswith(_WORDS_GOING_ON.get(body, ()), end)


def _many_places(text: str, level_start: int, home: _Home) -> bool:
    return bool(_MANY.search(text, 0, level_start)) and not _place_before(text, level_start + 1, home)


def _terms(text: str, home: _Home) -> list[_Found]:
    """市十五届人大 ; 某市第十五届人民代表大会 ; 某市十五届人大常委会: a congress of one term."""
    found = []
    for match in _term_pattern().finditer(text):
        where = _where(text, match, home)
        if where is None:
            continue
        start, place = where
        written = text[start:match.end()]
        body = match.group("body")
        if not place:
            found.append(_Found(start, match.end(), written, written, placed=False))
            continue
        term = f"第{match.group('term')}届"
        if body == "政协":
            full = f"中国人民政治协商会议{place}{term}委员会"
        else:
            full = f"{place}{term}人民代表大会" + ("常务委员会" if "常" in body else "")
        found.append(_Found(start, match.end(), full, written))
    return found


def _central(text: str) -> list[_Found]:
    found = []
    for match in _central_pattern().finditer(text):
        written = match.group()
        if match.start() and text[match.start() - 1] in _LEVELS:
            continue  # 市国资委 is the city's (local), not the State Council's
        if written == "中央" and not _CENTRE_AFTER.match(text, match.end()):
            continue
        found.append(_Found(match.start(), match.end(), _bodies("central")[written], written))
    return found


def _survey_teams(text: str) -> list[_Found]:
    """国家统计局某某调查队: the national bureau's team in a place, by its own full name."""
    return [_Found(m.start(), m.end(), m.group(), m.group())
            for m in re.finditer(r"国家统计局[\u4e00-\u9fff]{2,6}?调查队", text)]


def _media(text: str) -> list[_Found]:
    """来源:某某日报 ; 某某网-某某频道 (the medium is 某某网) ; 某某网记者 ; 某某网太原1月9日电."""
    found = []
    for match in _SOURCE.finditer(text):
        name = re.split(r"[-—－_]", match.group("name"))[0]
        if re.search(f"(?:{_media_endings()})$", name):
            start = match.start("name")
            found.append(_Found(start, start + len(name), name, name, MEDIUM))
    for pattern in _bylines():
        for match in pattern.finditer(text):
            name = re.sub(r"^(?:据|由|经|从|在|向)", "", match.group("name"))
            start = match.end("name") - len(name)
            found.append(_Found(start, match.end("name"), name, name, MEDIUM))
    return found


def report_creator(document: Document, bodies: list[Mention]) -> tuple[str, str] | None:
    """The body that made the report, where the report names it: the office its presenter heads
    (某市发展和改革委员会主任 张三), else for a 政府工作报告 the people's government of its place, for a
    统计公报 the statistics bureau that signs it."""
    named = {mention.name: mention.kind for mention in bodies}
    office = document.meta.presenter_office
    if office:
        heads = [found.name for found in bodies_in(office, _home(document)) if found.name in named]
        if heads:
            return named[heads[-1]], heads[-1]
    title, place = document.meta.title, document.meta.city
    wanted = None
    if "政府工作报告" in title and place:
        wanted = f"{place}人民政府"
    elif "统计公报" in title and place:
        wanted = f"{place}统计局"
    return (named[wanted], wanted) if wanted in named else None
