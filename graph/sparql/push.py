"""push: each report's named graph into a SPARQL 1.1 store, replacing the graph it had, so that
pushing twice leaves the store as pushing once.

Through the Graph Store HTTP Protocol where the store has it (PUT replaces a graph in one request),
else through SPARQL 1.1 Update (DROP SILENT GRAPH, then INSERT DATA in batches). The TriG file is
read graph by graph (pyoxigraph's streaming parser), never held whole: a corpus's file may be
larger than memory.
"""

from __future__ import annotations

import itertools
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph

from graph.errors import DataError, PlankgError

BATCH_TRIPLES = 250  # Virtuoso turns each INSERT DATA into SQL of bounded length
TIMEOUT_SECONDS = 120


class PushError(PlankgError):
    """The store refused or could not be reached."""


def push_graphs(data_file: Path, endpoint: str, graph_store: str | None = None, user: str | None = None,
                password: str | None = None) -> Iterator[tuple[str, int]]:
    """Push every named graph of a TriG file, in the file's order; yields (graph name, triples) as
    each is done. The whole file is parsed once before anything is sent, so that a broken file
    changes nothing in the store."""
    for _ in _quads(data_file):
        pass
    opener = _opener(endpoint if not graph_store else graph_store, user, password)
    pushed: set[str] = set()
    for name, lines in _named_graphs(data_file):
        again = name in pushed  # the graph's triples come in more than one block of the file
        if graph_store:
            _store_graph(opener, graph_store, name, lines, replace=not again)
        else:
            if not again:
                _update(opener, endpoint, f"DROP SILENT GRAPH <{name}>")
            for start in range(0, len(lines), BATCH_TRIPLES):
                batch = "\n".join(lines[start:start + BATCH_TRIPLES])
                _update(opener, endpoint, f"INSERT DATA {{ GRAPH <{name}> {{\n{batch}\n}} }}")
        pushed.add(name)
        yield name, len(lines)


def _named_graphs(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Each block of the file's quads in one named graph: (its name, its triples as sorted
    N-Triples lines). The default graph's triples are not pushed."""
    for graph_name, quads in itertools.groupby(_quads(path), key=lambda quad: quad.graph_name):
        if isinstance(graph_name, pyoxigraph.DefaultGraph):
            continue
        lines = sorted({f"{quad.subject} {quad.predicate} {quad.object} ." for quad in quads})
        yield graph_name.value, lines


def _quads(path: Path) -> Iterator[pyoxigraph.Quad]:
    if not path.is_file():
        raise DataError(f"{path}: no such file (run `plankg build` first?)")
    try:
        yield from pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TRIG, base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: not valid TriG: {str(error).splitlines()[0]}") from None


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


def _store_graph(opener, graph_store: str, name: str, lines: list[str], replace: bool) -> None:
    """PUT replaces the graph, POST adds to it (N-Triples lines are Turtle)."""
    url = f"{graph_store}{'&' if '?' in graph_store else '?'}{urllib.parse.urlencode({'graph': name})}"
    body = "".join(line + "\n" for line in lines).encode("utf-8")
    _send(opener, urllib.request.Request(url, data=body, method="PUT" if replace else "POST", headers={
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
