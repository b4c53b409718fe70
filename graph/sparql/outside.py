"""outside: a query reads the graph it was given, and nothing else.

SPARQL can name data beyond the store. `FROM <iri>` and `FROM NAMED <iri>` make rdflib fetch
and parse the IRI (a file: IRI reads any file the process can read, an http: one sends a
request); `SERVICE <iri>` makes rdflib and Oxigraph alike send the inner pattern to that host;
`LOAD` is an update. Behind `plankg serve`, anyone who can reach /sparql could read the server's
files or make it send requests for them; a query copied into `plankg query` could do the same.

So each query is parsed once by rdflib's SPARQL parser, prefixed names and BASE already resolved
(comments and strings are no part of the algebra, so they can hide nothing), and refused before
any engine runs it when it names a FROM / FROM NAMED graph the store does not hold, or a SERVICE
anywhere (in a subquery, an OPTIONAL, a FILTER EXISTS). Updates never get this far: query_form
refuses them. This module is the one place that decides; the memory store, the Oxigraph store
and so the endpoint (which answers 400 with the message) all ask it.

rdflib is also told never to load a FROM graph and to refuse SERVICE itself, in case a query
reached its evaluator some other way. Oxigraph has no switch for SERVICE: the check is its guard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

import rdflib.plugins.sparql
from rdflib import URIRef, Variable
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from graph.errors import QueryError

# rdflib reads FROM and FROM NAMED IRIs from the web or the disk unless told not to; with this a
# graph the dataset does not hold is an empty graph.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


def checked_query(sparql: str, has_graph: Callable[[URIRef], bool],
                  prefixes: Mapping[str, str] | None = None) -> Query:
    """The query, parsed and translated by rdflib, once nothing in it reads outside data.
    `has_graph(iri)` says whether the store holds a named graph of that IRI."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(sparql, initNs=dict(prefixes or {}))
    except Exception as error:  # noqa: BLE001 - pyparsing's ParseException and rdflib's own errors
        raise QueryError(f"SPARQL syntax error: {_where(error)}") from None
    refuse_outside_data(prepared, has_graph)
    return prepared


def refuse_outside_data(prepared: Query, has_graph: Callable[[URIRef], bool]) -> None:
    """QueryError naming what the query would read outside the store, if anything."""
    named = list(dict.fromkeys(outside_parts(prepared, has_graph)))
    if named:
        raise QueryError(f"the query reads outside data ({', '.join(named)}); only the graph given is queried")


def outside_parts(prepared: Query, has_graph: Callable[[URIRef], bool]) -> Iterator[str]:
    """Each FROM / FROM NAMED of a graph the store lacks, and each SERVICE, as SPARQL writes it."""
    for clause in prepared.algebra.datasetClause or ():  # a CompValue's missing attribute is None
        iri, keyword = (clause.default, "FROM") if clause.default is not None else (clause.named, "FROM NAMED")
        if not (isinstance(iri, URIRef) and has_graph(iri)):
            yield f"{keyword} {_written(iri)}"
    for service in _services(prepared.algebra):
        yield f"SERVICE {_written(service.term)}"


def _services(node) -> Iterator[CompValue]:
    """Every SERVICE pattern in the algebra, however deep: the algebra nests patterns in
    patterns, expressions (EXISTS) and subqueries, as CompValues, lists and tuples."""
    children: Iterable
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            yield node
        children = node.values()
    elif isinstance(node, (list, tuple)):
        children = node
    elif isinstance(node, Mapping):
        children = node.values()
    else:
        return
    for child in children:
        yield from _services(child)


def _written(term) -> str:
    if isinstance(term, Variable):
        return f"?{term}"
    return f"<{term}>" if term is not None else "?"


def _refuse_service(ctx, part: CompValue):
    """rdflib's evaluator, should a SERVICE reach it: refused, never sent (a CUSTOM_EVALS hook,
    which rdflib asks before its own evaluation of each part)."""
    if part.name == "ServiceGraphPattern":
        raise QueryError(f"the query reads outside data (SERVICE {_written(part.term)}); "
                         "only the graph given is queried")
    raise NotImplementedError  # every other part: rdflib's own evaluation


rdflib.plugins.sparql.CUSTOM_EVALS["plankg-no-service"] = _refuse_service


def _where(error: Exception) -> str:
    line, column = getattr(error, "lineno", None), getattr(error, "col", None)
    message = getattr(error, "msg", None) or (str(error).strip() or type(error).__name__).splitlines()[0]
    return f"line {line}, column {column}: {message}" if line is not None else message
