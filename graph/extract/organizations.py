"""Organizations a passage names: companies, banks, schools and other bodies.

Found the two ways reports write them:

    by their ending    山西某某轻合金有限公司, 某县农信社, 某某师范专科学校  (lexicons/organization_suffixes.tsv)
    in a list          推动A、B等重点企业 ; A、B等企业产能持续释放 ; 以A、B、C为核心 ;
                       A、B成为省级“链核”企业 ; A、B两家村镇银行

A name made only of generic words (民营企业, 老字号企业, 重点企业) is not an organization.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract import gazetteer
from graph.extract.clauses import passage_offsets
from graph.extract.names import LISTED_AS_CORE, NAME_CHARS, is_generic, shared_tail, split_list, trim_leading, unquote
from graph.extract.spans import Guarded, alternation, file_span, keep_longest
from graph.lexicons import column, rows, words
from graph.model import Document, Mention

_RUN = re.compile(rf"{NAME_CHARS}+")
_TITLE = re.compile(r"《[^》]*》")
_COUNT = re.compile(r"[0-9０-９一二两三四五六七八九十]+(?:家|个|所|项)")
# 推动A、B等重点企业 / 亚马逊等平台 / 龙聚祥、紫泥369等品牌
_LISTED_BEFORE_KIND = Guarded(re.compile(
    rf"(?P<items>{NAME_CHARS}+(?:、{NAME_CHARS}+)*)等(?:一批)?[\u4e00-\u9fff]{{0,4}}?"
    rf"(?P<kind>{alternation(words('listed_organization_kinds.tsv'))})"), "等",
    and_one_of=words("listed_organization_kinds.tsv"))
# A、B成为省级“链核”企业
_LISTED_AS_WINNERS = Guarded(re.compile(
    rf"(?P<items>{NAME_CHARS}+(?:、{NAME_CHARS}+)+)(?:均)?(?:{alternation(words('winner_verbs.tsv'))})"
    r"(?P<what>[^，。；]*)"), *words("winner_verbs.tsv"))
# A、B两家村镇银行
_LISTED_WITH_COUNT = Guarded(re.compile(
    rf"(?P<items>{NAME_CHARS}+(?:、{NAME_CHARS}+)+)(?:[0-9两三四五六七八九十]+)家(?P<kind>[\u4e00-\u9fff]{{2,6}})"),
    "家")
# A first listed name may follow a verb inside its run: 引导…企业入驻亚马逊等平台
_LAST_PART = re.compile(alternation(words("name_breaks.tsv", "organization")))
_WORDS_AFTER_XUE = set("位生科段制费籍历术习")
_WINNER_WORDS = words("winner_titles.tsv")
# A listed name whose ending or list says no other class is taken for a company
_LISTED_CLASS = "Company"
NAME_MIN, NAME_MAX = 2, 30


@cache
def _suffixes() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((ending, cls) for ending, cls in rows("organization_suffixes.tsv")),
                        key=lambda row: len(row[0]), reverse=True))


def class_of(name: str) -> str | None:
    """The ontology class an organization's name ending makes it: Company, Bank, School."""
    return next((cls for ending, cls in _suffixes() if name.endswith(ending)), None)


def find_organizations(document: Document) -> list[Mention]:
    mentions: list[Mention] = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        found = keep_longest(_listed(passage.text) + _by_ending(passage.text))  # a name inside a name is part of it
        for start, end, name, cls in sorted(found):
            mentions.append(Mention(cls, name, passage.index, *file_span(offsets, start, end)))
    return mentions


# 某某科技先进电子材料产业基地: a short name (字号 and trade) opens the project it owns
_HEAD_OF_PROJECT = re.compile(
    rf"^(?P<brand>[\u4e00-\u9fff]{{2,4}}?)(?P<trade>(?:{alternation(words('company_name_words.tsv'))})+)")


@cache
def _generic_brands() -> frozenset[str]:
    """The generic words themselves; names.is_generic would also strip numerals, and 中一 or 三维
    are brands."""
    return frozenset(column("generic_names.tsv"))


def companies_heading_projects(projects: list[Mention], document: Document) -> list[Mention]:
    """某某科技先进陶瓷材料产业基地 is the project of 某某科技: a company's short name at the head of a
    project's name, before what the project makes, is a company the report names."""
    found = []
    for project in projects:
        written = document.text[project.start:project.end]
        match = _HEAD_OF_PROJECT.match(written)
        if not match or not project.name.startswith(match.group()) or len(project.name) - match.end() < 2:
            continue  # 某某能源项目 is named by the company (项目 follows); 某某能源 alone is no project of it
        brand = match.group("brand")
        if brand in _generic_brands() or gazetteer.find_by_short_name(brand, None) or gazetteer.find_division(brand):
            continue  # 邯郸能源…, 重点科技…: a place or a kind heads the name, not a company
        found.append(Mention("Company", match.group(), project.passage, project.start, project.start + match.end()))
    return found


@cache
def _any_suffix() -> re.Pattern:
    return re.compile(alternation(ending for ending, _ in _suffixes()))


def _by_ending(text: str) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    if not _any_suffix().search(text):
        return found  # most passages name no organization by its ending: no run to read
    titles = _titles(text)
    for run in _RUN.finditer(text):
        words = run.group()
        if not _any_suffix().search(words):
            continue
        for ending, cls in _suffixes():
            if ending not in words:
                continue  # most endings are in no run: no pattern to build for them
            for match in re.finditer(re.escape(ending), words):
                end = run.start() + match.end()
                if any(s <= end <= e for s, e in titles):
                    continue  # inside a document's title
                if ending.endswith("学") and text[end:end + 1] in _WORDS_AFTER_XUE:
                    continue  # 普通高中学位: 学位 is a word, the name does not end at 中学
                name_start, name = _name_before(text, run.start(), end)
                if name and name.endswith(ending) and _acceptable(name, ending):
                    found.append((name_start, end, unquote(name), cls))
    return found


def _name_before(text: str, run_start: int, end: int) -> tuple[int, str | None]:
    """The name that ends at `end`: the words back to the start of the run, leading verbs cut."""
    candidate = text[run_start:end]
    if candidate.count("“") > candidate.count("”"):
        candidate = candidate[candidate.rindex("“") + 1:]  # 创新制定“集团管理…: a quote opens after the name's start
    trimmed = trim_leading(candidate)
    if _COUNT.search(trimmed):
        return 0, None  # 5所寄宿制学校, 两家村镇银行: counted, not named
    return end - len(trimmed), trimmed


# 各县区人民政府和社区委员会 ; 全市各级工会: "each" and "all" name no one organization
_EVERY = re.compile(r"^[各全诸]")


def _acceptable(name: str, ending: str) -> bool:
    core = name[: -len(ending)]
    return (NAME_MIN <= len(name) <= NAME_MAX and not is_generic(core) and len(core) >= 2
            and not _EVERY.match(name))


def _listed(text: str) -> list[tuple[int, int, str, str]]:
    found = []
    for match in _LISTED_BEFORE_KIND.finditer(text):
        cls = class_of(match.group("kind")) or _LISTED_CLASS  # A、B等银行: banks
        found += _items(text, match, lambda item, cls=cls: (item, cls))
    for match in LISTED_AS_CORE.finditer(text):
        items = split_list(match.group("items"))
        shared = shared_tail(items)
        found += _items(text, match, lambda item, shared=shared: (
            item[: -len(shared)] if shared and item.endswith(shared) else item, _LISTED_CLASS))
    for match in _LISTED_AS_WINNERS.finditer(text):
        if any(word in match.group("what") for word in _WINNER_WORDS):
            found += _items(text, match, lambda item: (item, class_of(item) or _LISTED_CLASS))
    for match in _LISTED_WITH_COUNT.finditer(text):
        suffix = next(((ending, cls) for ending, cls in _suffixes()
                       if match.group("kind").startswith(ending)), None)
        if suffix:  # 浑源某某、平城某某两家村镇银行: each is a 村镇银行
            found += _items(text, match, lambda item, kind=suffix[0], cls=suffix[1]: (
                item if item.endswith(kind) else item + kind, cls))
    return found


def _items(text: str, match: re.Match, name_of) -> list[tuple[int, int, str, str]]:
    """The names a list holds, each with its span; the first loses the words before it."""
    found = []
    position = match.start("items")
    for index, item in enumerate(match.group("items").split("、")):
        start = text.index(item, position)
        position = start + len(item)
        if index == 0:
            trimmed = trim_leading(_LAST_PART.split(item)[-1])
            start += len(item) - len(trimmed)
            item = trimmed
        name, cls = name_of(unquote(item))
        length = len(name) if item.startswith(name) else len(item)  # 京东 of 京东大数据中心
        if NAME_MIN <= len(name) <= NAME_MAX and not is_generic(name) and not _COUNT.search(name) \
                and not name.endswith(_zone_endings()):  # 某川新区、临港产业园等开放平台: zones, not firms
            found.append((start, start + length, name, cls))
    return found


@cache
def _zone_endings() -> tuple[str, ...]:
    return tuple(column("zone_endings.tsv"))


def _titles(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TITLE.finditer(text)]
