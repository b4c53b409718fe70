"""push: each report's named graph into a SPARQL 1.1 store, replacing the graph it had, so that
pushing twice leaves the store as pushing once.

Through the Graph Store HTTP Protocol where the store has it (PUT replaces a graph in one request),
else through SPARQL 1.1 Update (DROP SILENT GRAPH, then INSERT DATA in batches).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph

from graph.errors import DataError, PlankgError
from graph.serialize import graph_to_turtle

BATCH_TRIPLES = 250  # Virtuoso turns each INSERT DATA into SQL of bounded length
TIMEOUT_SECONDS = 120


class PushError(PlankgError):
    """The store refused or could not be reached."""


def push_graphs(data_file: Path, endpoint: str, graph_store: str | None = None, user: str | None = None,
                password: str | None = None) -> Iterator[tuple[str, int]]:
    """Push every named graph of a TriG file; yields (graph name, triples) as each is done."""
    dataset = _read(data_file)
    opener = _opener(endpoint if not graph_store else graph_store, user, password)
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(graph) or graph.identifier == dataset.default_graph.identifier:
            continue
        name = str(graph.identifier)
        if graph_store:
            _put(opener, graph_store, name, graph)
        else:
            _update(opener, endpoint, f"DROP SILENT GRAPH <{name}>")
            for batch in _batches(graph):
                _update(opener, endpoint, f"INSERT DATA {{ GRAPH <{name}> {{\n{batch}\n}} }}")
        yield name, len(graph)


def _read(path: Path) -> Dataset:
    if not path.is_file():
        raise DataError(f"{path}: no such file (run `plankg build` first?)")
    dataset = Dataset()
    try:
        dataset.parse(path, format="trig")
    except Exception as error:  # rdflib's parsers raise many kinds of error for bad input
        raise DataError(f"{path}: not valid TriG: {str(error).splitlines()[0]}") from None
    return dataset


def _batches(graph: Graph) -> Iterator[str]:
    triples = sorted(graph)
    for start in range(0, len(triples), BATCH_TRIPLES):
        yield "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples[start:start + BATCH_TRIPLES])


def _opener(url: str, user: str | None, password: str | None):
    if not user:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _update(opener, endpoint: str, update: str) -> None:
    body = urllib.parse.urlencode({"update": update}).encode("utf-8")
    _send(opener, urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded"}), endpoint)


def _put(opener, graph_store: str, name: str, graph: Graph) -> None:
    url = f"{graph_store}{'&' if '?' in graph_store else '?'}{urllib.parse.urlencode({'graph': name})}"
    _send(opener, urllib.request.Request(url, data=graph_to_turtle(graph), method="PUT", headers={
        "Content-Type": "text/turtle; charset=utf-8"}), graph_store)


def _send(opener, request: urllib.request.Request, endpoint: str) -> None:
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        raise PushError(f"{endpoint} answered {error.code}: {detail[0][:200] if detail else error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        raise PushError(f"{endpoint}: cannot reach the store ({getattr(error, 'reason', error)})") from None
