"""Policy documents a passage names by title, with what the passage does with them.

    印发《大同市碳达峰实施方案》            title, type 实施方案 (from the title's ending), action 印发
    出台《某市贯彻落实〈全国统一大市场建设指引(试行)〉重点任务清单》   a title quoting another, kept whole
    《某市全域旅游发展规划(2025-2035年)》   the period the document covers: 2025-2035

A title that ends in no document type (《长河如梦》, a show) is a work, not a policy. Titles written
without 《》 (2030年国民经济和社会发展计划, “十五五”规划, 某某20条) are read by titles.py, in the
passages, the headings and the report's own title: a 计划执行情况与计划草案的报告 names its two plans.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.clauses import outside_passages, passage_offsets
from graph.extract.spans import alternation, file_span, longest_first
from graph.extract.titles import Title, find_titles
from graph.lexicons import column, words
from graph.model import Document, Mention
from graph.numerals import to_ascii_digits

_DRAFT = re.compile(r"[(（]?草案[)）]?$")
_TITLE = re.compile(r"《(?P<title>[^《》]*(?:〈[^〈〉]*〉[^《》]*)*)》")
_PERIOD = re.compile(r"[(（]\s*(?P<start>(?:19|20)[0-9]{2})\s*[-—－~～至]\s*(?P<end>(?:19|20)[0-9]{2})年?\s*[)）]")
_QUALIFIER = re.compile(r"[(（](?:试行|暂行|征求意见稿|修订|草案|\d{4}年?版?)[)）]$")
# Who issued it, when the text says so right before the verb: 国务院印发《…》 / 市政府出台《…》
_ISSUER = re.compile(rf"(?P<issuer>{alternation(words('issuing_bodies.tsv', 'whole'))}|"
                     rf"[\u4e00-\u9fff]{{1,8}}?(?:{alternation(words('issuing_bodies.tsv', 'ending'))}))$")


@cache
def _document_types() -> tuple[str, ...]:
    return longest_first(column("document_types.tsv"))


@cache
def _actions() -> re.Pattern:
    return re.compile(f"(?:{alternation(column('policy_actions.tsv'))})$")


def document_type(title: str) -> str | None:
    """The kind of document a title ends with, qualifiers such as (试行) aside."""
    bare = _QUALIFIER.sub("", _PERIOD.sub("", title)).strip()
    return next((kind for kind in _document_types() if bare.endswith(kind)), None)


def find_policies(document: Document) -> list[Mention]:
    """Titles in the passages; then those only a heading or the report's own title names (一、2030年
    国民经济和社会发展计划执行情况): each mentioned in the passage it opens, spanning where it is written."""
    own = document.meta.title
    mentions = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        for title in _titles(passage.text, own):
            mentions += _mention(document, title, passage.text, passage.index, offsets)
    named = {mention.name for mention in mentions}
    for text, offsets, index in outside_passages(document):
        for title in _titles(text, own):
            for mention in _mention(document, title, text, index, offsets):
                if mention.name not in named:
                    named.add(mention.name)
                    mentions.append(mention)
    return mentions


def _titles(text: str, own_title: str) -> list[Title]:
    marked = [Title(m.start(), m.end(), m.group("title").strip(), marked=True) for m in _TITLE.finditer(text)]
    return marked + find_titles(text, own_title)


def _mention(document: Document, found: Title, text: str, passage: int, offsets: list[int]) -> list[Mention]:
    """The policy a title names, with what the text does with it and who issued it."""
    title = found.title
    kind = document_type(_DRAFT.sub("", title))
    if found.marked and not kind:
        return []  # 《长河如梦》: a work, not a document
    name, written = title, ""
    if found.yearly and not found.place and document.meta.city:
        name, written = document.meta.city + title, title  # 2030年…计划 of a city's report is the city's
    before = text[:found.start]
    action = _actions().search(before.rstrip("，, 、的"))
    issuer = None
    if action:
        issuer_found = _ISSUER.search(before[:action.start()])
        issuer = issuer_found.group("issuer") if issuer_found else None
    elif found.title.startswith("关于"):  # 某市人民政府关于印发…的通知: the body before 关于 issued it
        issuer_found = _ISSUER.search(before)
        issuer = issuer_found.group("issuer") if issuer_found else None
    actions = (action.group(),) if action else ("执行",) if text.startswith("执行情况", found.end) else ()
    period = _PERIOD.search(to_ascii_digits(title))
    return [Mention("Policy", name, passage, *file_span(offsets, found.start, found.end), document_type=kind,
                    actions=actions, valid_period=f"{period.group('start')}-{period.group('end')}" if period else None,
                    issuer=issuer, written=written)]
