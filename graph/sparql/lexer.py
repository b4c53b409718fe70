"""lexer: a SPARQL query's tokens, so that a keyword is told apart from the same letters in a
string, an IRI, a prefixed name, a variable or a comment.

The terminals are SPARQL 1.1's (section 19.8 of the Query Language): strings in their four
quotings, IRIREF (which holds no space, no `<`, `>`, `{` or `}`: so `?a < ?b` is a comparison),
comments from `#` to the end of the line outside strings and IRIs, variables, prefixed names and
blank node labels. Words are what is left of letters and digits; every other character is a
token of its own. That is all graph.sparql.outside needs to read a query's dataset clauses and
SERVICE patterns, without the cost of a full parser (rdflib's takes 0.2 s to import).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.errors import QueryError

_NAME_START = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D" \
              r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
_NAME_CHAR = _NAME_START + r"_0-9\-\u00B7\u0300-\u036F\u203F-\u2040"
_LOCAL = rf"(?:[{_NAME_CHAR}.:]|%[0-9A-Fa-f]{{2}}|\\[_~.\-!$&'()*+,;=/?#@%])*"
TOKENS = re.compile("|".join((
    r"(?P<space>[ \t\r\n]+)",
    r"(?P<comment>#[^\r\n]*)",
    r"(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\r\n]|\\.)*'|\"(?:[^\"\\\r\n]|\\.)*\")",
    r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",
    r"(?P<variable>[?$][" + _NAME_CHAR + r"]+)",
    r"(?P<blank>_:[" + _NAME_CHAR + r".]*)",
    rf"(?P<pname>(?:[{_NAME_START}][{_NAME_CHAR}.]*)?:{_LOCAL})",
    rf"(?P<word>[{_NAME_CHAR}]+)",
    r"(?P<other>.)",
)), re.DOTALL)
UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str  # string, iri, variable, blank, pname, word or other (spaces and comments are dropped)
    text: str
    offset: int


def tokens(sparql: str) -> Iterator[Token]:
    """The tokens of the query, in order; QueryError for a string left open (a syntax error,
    and an open quote could hide what follows it from the check)."""
    for match in TOKENS.finditer(sparql):
        kind = match.lastgroup
        assert kind is not None  # every alternative of TOKENS is a named group
        if kind in ("space", "comment"):
            continue
        text = match.group()
        if kind == "pname" and text.endswith("."):  # a prefixed name ends before a final "." (the triple's end)
            text = text.rstrip(".")
        if kind == "other" and text in "'\"":
            line = sparql.count("\n", 0, match.start()) + 1
            raise QueryError(f"SPARQL syntax error: line {line}: a string is opened and never closed")
        yield Token(kind, text, match.start())


def has_unicode_escapes(sparql: str) -> bool:
    return UNICODE_ESCAPE.search(sparql) is not None


def unescaped(sparql: str) -> str:
    """The query with its \\uXXXX and \\UXXXXXXXX escapes replaced, as SPARQL 1.1 (section 19.2)
    says an engine may do before it parses the query (rdflib does, Oxigraph does not)."""
    def character(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()
    return UNICODE_ESCAPE.sub(character, sparql)
