"""push: each report's named graph into a SPARQL 1.1 store, replacing the graph it had, so that
pushing twice leaves the store as pushing once.

Through the Graph Store HTTP Protocol where the store has it (PUT replaces a graph in one request),
else through SPARQL 1.1 Update (DROP SILENT GRAPH, then INSERT DATA in batches). The TriG file is
read graph by graph (pyoxigraph's streaming parser), never held whole: a corpus's file may be
larger than memory.

With --user, no request body goes out without its credentials (see _Client): a store may refuse
a bare request as soon as it has read its headers, and cut a large body off.
"""

from __future__ import annotations

import base64
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
    """The store refused (code: its HTTP status) or could not be reached (code None)."""

    def __init__(self, message: str, code: int | None = None, challenges: list[str] | None = None):
        super().__init__(message)
        self.code = code
        self.challenges = challenges or []  # the WWW-Authenticate headers of a 401


def push_graphs(data_file: Path, endpoint: str, graph_store: str | None = None, user: str | None = None,
                password: str | None = None) -> Iterator[tuple[str, int]]:
    """Push every named graph of a TriG file, in the file's order; yields (graph name, triples) as
    each is done. The whole file is parsed once before anything is sent, so that a broken file
    changes nothing in the store."""
    for _ in _quads(data_file):
        pass
    client = _Client(graph_store or endpoint, user, password)
    pushed: set[str] = set()
    for name, lines in _named_graphs(data_file):
        again = name in pushed  # the graph's triples come in more than one block of the file
        if graph_store:
            _store_graph(client, graph_store, name, lines, replace=not again)
        else:
            if not again:
                _update(client, endpoint, f"DROP SILENT GRAPH <{name}>")
            for start in range(0, len(lines), BATCH_TRIPLES):
                batch = "\n".join(lines[start:start + BATCH_TRIPLES])
                _update(client, endpoint, f"INSERT DATA {{ GRAPH <{name}> {{\n{batch}\n}} }}")
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


class _Client:
    """Sends the push's requests to one store URL; with a user, each request carries its
    credentials from the start.

    urllib's auth handlers send a request bare, and only after the store's 401 send it again with
    an answer to the challenge. Virtuoso (tests/test_virtuoso.py) answers a bare PUT with 401 right
    after its headers and closes the connection without reading the body: a graph larger than the
    socket buffers then fails with a broken pipe or a reset before the 401 is read (at random for
    the seed's 1 MB graph, always for a few MB). So the challenge is asked for with a HEAD of the
    same URL, which has no body, and the request goes once, with its answer. A fresh challenge per
    request (a small HEAD where urllib sent the whole body twice) leaves no nonce to go stale
    during a long push."""

    def __init__(self, url: str, user: str | None, password: str | None):
        self._plain = urllib.request.build_opener()
        self._user, self._password = user, password or ""
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user or "", self._password)
        self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
        # for a store that lets a HEAD through unasked yet asks for a password on a write
        self._handlers = urllib.request.build_opener(self._digest, urllib.request.HTTPBasicAuthHandler(passwords))

    def send(self, request: urllib.request.Request, endpoint: str) -> None:
        if not self._user:
            return _send(self._plain, request, endpoint)
        authorization = self._authorization(request, endpoint)
        if authorization is None:
            return _send(self._handlers, request, endpoint)
        request.add_unredirected_header("Authorization", authorization)
        _send(self._plain, request, endpoint)  # a 401 now means the password is wrong: say so

    def _authorization(self, request: urllib.request.Request, endpoint: str) -> str | None:
        """The Authorization header answering the store's challenge to a bodiless request to
        this request's URL, or None when that request is not refused for want of a password."""
        try:
            _send(self._plain, urllib.request.Request(request.full_url, method="HEAD"), endpoint)
            return None
        except PushError as error:
            if error.code is None:
                raise  # the store cannot be reached
            if error.code != 401:
                return None  # HEAD refused for another reason (405, 501, ...): no challenge
            challenges = error.challenges
        for challenge in challenges:
            scheme, _, parameters = challenge.strip().partition(" ")
            if scheme.lower() == "digest":
                fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(parameters))
                try:
                    answer = self._digest.get_authorization(request, fields)
                except (ValueError, urllib.error.URLError):  # an algorithm or qop urllib lacks
                    continue
                if answer:
                    return "Digest " + answer
        if any(challenge.strip().lower().startswith("basic") for challenge in challenges):
            return "Basic " + base64.b64encode(f"{self._user}:{self._password}".encode()).decode("ascii")
        raise PushError(f"{endpoint} asks for a password in a way plankg cannot answer: "
                        f"{'; '.join(challenges)[:200] or 'no WWW-Authenticate header'}", 401)


def _update(client: _Client, endpoint: str, update: str) -> None:
    body = urllib.parse.urlencode({"update": update}).encode("utf-8")
    client.send(urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded"}), endpoint)


def _store_graph(client: _Client, graph_store: str, name: str, lines: list[str], replace: bool) -> None:
    """PUT replaces the graph, POST adds to it (N-Triples lines are Turtle)."""
    url = f"{graph_store}{'&' if '?' in graph_store else '?'}{urllib.parse.urlencode({'graph': name})}"
    body = "".join(line + "\n" for line in lines).encode("utf-8")
    client.send(urllib.request.Request(url, data=body, method="PUT" if replace else "POST", headers={
        "Content-Type": "text/turtle; charset=utf-8"}), graph_store)


def _send(opener, request: urllib.request.Request, endpoint: str) -> None:
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        raise PushError(f"{endpoint} answered {error.code}: {detail[0][:200] if detail else error.reason}",
                        error.code, error.headers.get_all("WWW-Authenticate") or []) from None
    except (urllib.error.URLError, OSError) as error:
        raise PushError(f"{endpoint}: cannot reach the store ({getattr(error, 'reason', error)})") from None
