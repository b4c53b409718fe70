"""outside: a query reads the graph it was given, and nothing else.

SPARQL can name data beyond the store. `FROM <iri>` and `FROM NAMED <iri>` make rdflib fetch
and parse the IRI (a file: IRI reads any file the process can read, an http: one sends a
request); `SERVICE <iri>` makes rdflib and Oxigraph alike send the inner pattern to that host;
`LOAD` is an update. Behind `plankg serve`, anyone who can reach /sparql could read the server's
files or make it send requests for them; a query copied into `plankg query` could do the same.

So each query's tokens (graph.sparql.lexer: comments and strings are no part of the query, so
they can hide nothing) are read before any engine runs it, and it is refused when it names a
FROM / FROM NAMED graph the store does not hold, or has a SERVICE anywhere (in a subquery, an
OPTIONAL, a FILTER EXISTS). Prefixed names and BASE are resolved as the engine would; a query
with \\u escapes is read both as written and unescaped, for engines differ in whether they
unescape first. Updates never get this far: query_form refuses them. This module is the one
place that decides; every engine and so the endpoint (which answers 400 with the message) ask it.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from graph.errors import QueryError
from graph.sparql.lexer import Token, has_unicode_escapes, tokens, unescaped

REFUSED = "the query reads outside data ({}); only the graph given is queried"


@dataclass(frozen=True)
class Reach:
    """What a query names beyond its own patterns: the graphs of its FROM and FROM NAMED
    clauses (resolved IRIs, or None where the clause names no IRI) and its SERVICE targets."""

    graphs: tuple[tuple[str, str | None], ...]  # (FROM or FROM NAMED, IRI)
    services: tuple[str, ...]  # as written: <iri> or ?variable


def refuse_outside_data(sparql: str, has_graph: Callable[[str], bool], prefixes: Mapping[str, str]) -> Reach:
    """What the query names, once nothing of it lies outside the store; QueryError naming what
    does. `has_graph(iri)` says whether the store holds a named graph of that IRI; `prefixes`
    are those the engine declares for the query."""
    reach = reach_of(sparql, prefixes)
    outside = [f"{keyword} {_written(iri)}" for keyword, iri in reach.graphs if iri is None or not has_graph(iri)]
    outside += [f"SERVICE {target}" for target in reach.services]
    if outside:
        raise QueryError(REFUSED.format(", ".join(dict.fromkeys(outside))))
    return reach


def reach_of(sparql: str, prefixes: Mapping[str, str]) -> Reach:
    """The FROM graphs and SERVICE targets of the query as written, and as unescaped if it has
    \\u escapes."""
    readings = [sparql, unescaped(sparql)] if has_unicode_escapes(sparql) else [sparql]
    graphs: list[tuple[str, str | None]] = []
    services: list[str] = []
    for text in readings:
        for keyword, target in _clauses(list(tokens(text)), prefixes):
            if keyword == "SERVICE":
                services.append(target or "?")
            else:
                graphs.append((keyword, target))
    return Reach(tuple(dict.fromkeys(graphs)), tuple(dict.fromkeys(services)))


def _clauses(found: list[Token], prefixes: Mapping[str, str]) -> Iterator[tuple[str, str | None]]:
    """(FROM / FROM NAMED, IRI) and (SERVICE, <iri> or ?var) for each such clause, in order."""
    declared = dict(prefixes)
    base: str | None = None
    for index, token in enumerate(found):
        if token.kind != "word":
            continue
        keyword = token.text.upper()
        following = found[index + 1:index + 4]
        if keyword == "BASE" and following and following[0].kind == "iri":
            base = _resolved(following[0].text[1:-1], base)
        elif keyword == "PREFIX" and len(following) >= 2 and following[0].kind == "pname" \
                and following[0].text.endswith(":") and following[1].kind == "iri":
            declared[following[0].text[:-1]] = _resolved(following[1].text[1:-1], base)
        elif keyword == "FROM":
            named = bool(following) and following[0].kind == "word" and following[0].text.upper() == "NAMED"
            target = following[1] if named and len(following) > 1 else following[0] if following else None
            yield ("FROM NAMED" if named else "FROM"), _iri(target, declared, base)
        elif keyword == "SERVICE":
            silent = bool(following) and following[0].kind == "word" and following[0].text.upper() == "SILENT"
            target = following[1] if silent and len(following) > 1 else following[0] if following else None
            if target is not None and target.kind == "variable":
                yield "SERVICE", f"?{target.text[1:]}"
            else:
                iri = _iri(target, declared, base)
                yield "SERVICE", f"<{iri}>" if iri else "?"


def _iri(token: Token | None, declared: Mapping[str, str], base: str | None) -> str | None:
    """The absolute IRI a token names (an IRIREF resolved against BASE, a prefixed name
    expanded), or None."""
    if token is None:
        return None
    if token.kind == "iri":
        return _resolved(token.text[1:-1], base)
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix in declared:
            return declared[prefix] + local.replace("\\", "")
    return None


def _resolved(iri: str, base: str | None) -> str:
    return urllib.parse.urljoin(base, iri) if base else iri


def _written(iri: str | None) -> str:
    return f"<{iri}>" if iri is not None else "?"
