"""Policy documents a passage names by title, with what the passage does with them.

    印发《大同市碳达峰实施方案》            title, type 实施方案 (from the title's ending), action 印发
    出台《某市贯彻落实〈全国统一大市场建设指引(试行)〉重点任务清单》   a title quoting another, kept whole
    《某市全域旅游发展规划(2025-2035年)》   the period the document covers: 2025-2035

A title that ends in no document type (《长河如梦》, a show) is a work, not a policy.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.clauses import passage_offsets
from graph.extract.spans import alternation, file_span, longest_first
from graph.lexicons import column, words
from graph.model import Document, Mention
from graph.numerals import to_ascii_digits

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
    mentions = []
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        for match in _TITLE.finditer(passage.text):
            title = match.group("title").strip()
            kind = document_type(title)
            if not kind:
                continue
            before = passage.text[:match.start()]
            action = _actions().search(before.rstrip("，, 、的"))
            issuer = None
            if action:
                found = _ISSUER.search(before[:action.start()])
                issuer = found.group("issuer") if found else None
            period = _PERIOD.search(to_ascii_digits(title))
            mentions.append(Mention(
                "Policy", title, passage.index, *file_span(offsets, match.start(), match.end()),
                document_type=kind, actions=(action.group(),) if action else (),
                valid_period=f"{period.group('start')}-{period.group('end')}" if period else None,
                issuer=issuer))
    return mentions
