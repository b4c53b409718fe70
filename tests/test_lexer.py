"""lexer: a keyword is told apart from the same letters in a string, an IRI, a prefixed name, a
variable or a comment, as SPARQL's grammar tells them apart."""

from __future__ import annotations

import pytest

from graph.errors import QueryError
from graph.sparql.lexer import tokens, unescaped


def _kinds(sparql: str) -> list[tuple[str, str]]:
    return [(token.kind, token.text) for token in tokens(sparql)]


def test_a_comparison_is_not_an_iri_and_an_iri_may_hold_a_hash():
    assert _kinds("FILTER (?a < ?b) <http://x/y#z>") == [
        ("word", "FILTER"), ("other", "("), ("variable", "?a"), ("other", "<"), ("variable", "?b"),
        ("other", ")"), ("iri", "<http://x/y#z>")]


def test_strings_in_every_quoting_hide_what_they_hold():
    found = _kinds("""BIND ('''SERVICE\n<x>''' AS ?a) BIND ("it\\"s SERVICE" AS ?b) 'FROM'""")
    assert [text for kind, text in found if kind == "word"] == ["BIND", "AS", "BIND", "AS"]
    assert sum(kind == "string" for kind, _ in found) == 3


def test_comments_end_at_the_line_and_prefixed_names_are_whole():
    found = _kinds("# SERVICE <x>\n?s from:SERVICE ?o . ?o plan:value ?v.")
    assert ("word", "SERVICE") not in found
    assert ("pname", "from:SERVICE") in found and ("pname", "plan:value") in found


def test_an_open_string_is_a_syntax_error():
    with pytest.raises(QueryError, match="SPARQL syntax error: line 2"):
        list(tokens('SELECT *\nWHERE { ?s ?p "open }'))


def test_unicode_escapes_are_read_as_engines_that_unescape_read_them():
    assert unescaped(r"\u0053ERVICE \U0000003C") == "SERVICE <"
    assert unescaped(r"\uD800") == r"\uD800"  # a lone surrogate is no character: left as written
