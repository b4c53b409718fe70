"""serve: the graph over HTTP. A SPARQL 1.1 Protocol endpoint at /sparql, the network page at /,
and a small query form at /query that needs nothing from the internet.

The endpoint is read-only (an update gets 403) and listens on 127.0.0.1 unless told otherwise.
It bounds every request (size, and the time to send it whole), every query (time and memory: it
runs in a child process that is stopped when the time is up and may not grow past its memory),
every answer (rows, cut while they are made), how many queries run at once (503 and Retry-After
past that) and how many connections are served at once (graph.sparql.bounds).
"""

from __future__ import annotations

import gc
import html
import io
import os
import signal
import sys
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar, cast

from graph.errors import PlankgError
from graph.sparql.answer import Answer
from graph.sparql.bounds import DeadlineReader, content_length, run_in_child
from graph.sparql.query import format_answer, query_form, results_json
from graph.sparql.stores import open_store

MAX_REQUEST_BYTES = 1024 * 1024
# A refused body is still read, up to this much, so that the client, which sends all of it before
# it reads the answer, gets the 413 instead of a broken pipe; a larger one is cut off.
MAX_DISCARDED_BYTES = 16 * MAX_REQUEST_BYTES
CLIENT_SECONDS = 10.0  # by default, to send a whole request (line, headers, body)
WRITE_SECONDS = 60.0  # to take a whole answer
BUSY_CLIENT_SECONDS = 1.0  # a connection past MAX_CONNECTIONS: to send the request its 503 answers
MAX_CONNECTIONS = 512  # served at once, each by a thread; a burst of 128 connects fits
LISTEN_BACKLOG = 1024  # connections the kernel holds until they are accepted (Python's default is 5)
QUEUE_SECONDS = 1.0  # a query waits this long for a free slot before it is answered 503
RETRY_AFTER_SECONDS = 2
DEFAULT_QUERY_MEMORY_MB = 128
ROW_FORMATS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


def default_max_concurrent() -> int:
    """Twice the cores and two: queries are CPU-bound, so more only share the cores, but a few
    runaway queries (each stopped by its time or memory) then leave slots for the others. With
    the default query memory, six queries at once on two cores stay under 1 GB together."""
    return 2 * (os.cpu_count() or 1) + 2


def serve(host: str, port: int, store_spec: str | None, data_files: list[Path], page: Path,
          timeout: float, max_rows: int, announce=print, max_concurrent: int | None = None,
          query_memory_mb: int | None = DEFAULT_QUERY_MEMORY_MB, client_timeout: float = CLIENT_SECONDS,
          engine: str = "oxigraph") -> None:
    """`query_memory_mb`: what each query may allocate beyond the server's own memory (None: no
    limit); at worst the server and its queries hold its own memory and max_concurrent times that.
    `client_timeout`: seconds a client has to send a whole request."""
    store = open_store(store_spec, data_files, engine)
    slots = threading.BoundedSemaphore(max_concurrent or default_max_concurrent())
    handler = type("Handler", (_Handler,), {
        "store": store, "page": page, "query_timeout": timeout, "max_rows": max_rows, "slots": slots,
        "query_memory": None if query_memory_mb is None else query_memory_mb * 2**20,
        "timeout": client_timeout})
    server = _Server((host, port), handler)
    bound_host, bound_port = server.server_address[:2]  # the socket's name once bound: host a str
    gc.freeze()  # the store's objects out of the collector's sight: a forked query does not copy them to scan them
    announce(f"http://{cast(str, bound_host)}:{bound_port}/")
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class _Server(ThreadingHTTPServer):
    """A thread a connection, as many as MAX_CONNECTIONS at once; the kernel holds a burst of
    connects (LISTEN_BACKLOG) until they are accepted, where Python's 5 drops them."""

    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True

    def __init__(self, address, handler):
        self.connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, handler)

    def handle_error(self, request, client_address) -> None:
        """A client that hung up or reset is no fault of the server: no traceback for it."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


def _stop(*_) -> None:
    raise KeyboardInterrupt  # `kill` stops the server as Ctrl-C does: the socket is closed cleanly


def answer_bytes(store, sparql: str, accept: str, max_rows: int) -> tuple[bytes, str, bool]:
    """Run a query and render it for the Accept header: (body, content type, truncated). One row
    more than max_rows is taken from the engine, to know that there were more."""
    answer = store.query(sparql, max_rows + 1)
    truncated = answer.kind == "rows" and len(answer.rows) > max_rows
    if truncated:
        answer = Answer("rows", answer.variables, answer.rows[:max_rows])
    if answer.kind == "graph":
        media = _negotiate(accept, GRAPH_FORMATS, "text/turtle")
        if GRAPH_FORMATS[media] == "turtle":
            body = format_answer(answer, "turtle").encode("utf-8")
        else:
            body = answer.graph.serialize(format=GRAPH_FORMATS[media], encoding="utf-8")
        return body, media, False
    media = _negotiate(accept, ROW_FORMATS, "application/sparql-results+json")
    kind = ROW_FORMATS[media]
    if kind == "xml":
        return results_xml(answer).encode("utf-8"), media, truncated
    if kind == "json":
        return (format_answer(answer, "json") if answer.kind == "boolean" else results_json(answer)).encode(
            "utf-8"), media, truncated
    return format_answer(answer, kind).encode("utf-8"), media, truncated


def results_xml(answer: Answer) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f'<variable name="{html.escape(v)}"/>' for v in answer.variables]
    out.append("</head>")
    if answer.kind == "boolean":
        out.append(f"<boolean>{'true' if answer.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in answer.rows:
            out.append("<result>")
            for name, term in zip(answer.variables, row):
                if term is not None:
                    out.append(f'<binding name="{html.escape(name)}">{_xml_term(term)}</binding>')
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _xml_term(term) -> str:
    from rdflib import BNode, URIRef
    if isinstance(term, URIRef):
        return f"<uri>{html.escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{html.escape(str(term))}</bnode>"
    attributes = ""
    if term.language:
        attributes = f' xml:lang="{html.escape(term.language)}"'
    elif term.datatype:
        attributes = f' datatype="{html.escape(str(term.datatype))}"'
    return f"<literal{attributes}>{html.escape(str(term))}</literal>"


def _negotiate(accept: str, offered: dict[str, str], default: str) -> str:
    """The first offered media type the Accept header names, by its q order; else the default."""
    ranked = []
    for index, part in enumerate((accept or "").split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, index, media.strip().lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
    return default


class _Handler(BaseHTTPRequestHandler):
    store = None
    page: Path
    query_timeout: float
    max_rows: int
    slots: threading.BoundedSemaphore
    query_memory: int | None
    # the client's seconds to send a request; socketserver's StreamRequestHandler.setup() makes
    # it the socket's timeout, then DeadlineReader sets that before every read, _send before answers
    timeout: ClassVar[float] = CLIENT_SECONDS
    server_version = "plankg"

    def setup(self):
        """The connection's reads against a deadline for each request, and one of the server's
        MAX_CONNECTIONS places for it, if one is free: past that, it gets a second to send its
        request and is answered 503."""
        super().setup()
        self.admitted = cast(_Server, self.server).connections.acquire(blocking=False)
        self.reader = DeadlineReader(self.connection, self.timeout if self.admitted else BUSY_CLIENT_SECONDS)
        self.rfile = io.BufferedReader(self.reader)

    def finish(self):
        try:
            super().finish()
        finally:
            if self.admitted:
                cast(_Server, self.server).connections.release()

    def handle_one_request(self):
        self.reader.restart()
        super().handle_one_request()  # a request not whole by the deadline: the connection is closed

    def log_message(self, format, *args):
        pass  # quiet: a server in a terminal or a test should not print a line per request

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if not self.admitted:
            self.close_connection = True
            self._discard_body()
            self._busy("the server has as many connections as it serves at once")
            return False
        return True

    def _discard_body(self) -> None:
        """Read a small body and throw it away: closing a socket with unread data resets it, and
        the client would see the reset, not the answer."""
        try:
            length = content_length(self.headers.get("Content-Length"))
            if length <= MAX_REQUEST_BYTES:
                self.rfile.read(length)
        except (ValueError, TimeoutError):
            pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/sparql":
            params = urllib.parse.parse_qs(url.query)
            if "update" in params:
                return self._refuse_update()
            return self._query(params.get("query", [None])[0])
        if url.path in ("/", "/graph.html"):
            return self._file(self.page, "text/html; charset=utf-8")
        if url.path == "/query":
            return self._send(HTTPStatus.OK, QUERY_FORM.encode("utf-8"), "text/html; charset=utf-8")
        self._error(HTTPStatus.NOT_FOUND, "not found: this server offers /, /query and /sparql")

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, "not found: POST queries to /sparql")
        body = self._body()
        if body is None:
            return None
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return self._refuse_update()
        if content_type == "application/sparql-query":
            return self._query(body)
        params = urllib.parse.parse_qs(body)
        if "update" in params:
            return self._refuse_update()
        return self._query(params.get("query", [None])[0])

    def _body(self) -> str | None:
        """The request's body, or None once it has been refused: 411 for a chunked body, 400 for
        a Content-Length that is not a number of bytes, 413 over MAX_REQUEST_BYTES, 408 when it
        does not arrive by the deadline. After a refusal the connection is closed: where the
        body ends is not known."""
        if self.headers.get("Transfer-Encoding"):
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "send the query with a Content-Length, not chunked")
            return None
        try:
            length = content_length(self.headers.get("Content-Length"))
        except ValueError as error:
            self._refuse(HTTPStatus.BAD_REQUEST, str(error))
            return None
        if length > MAX_REQUEST_BYTES:
            self._refuse_large(length)
            return None
        try:
            return self.rfile.read(length).decode("utf-8", "replace")
        except TimeoutError:
            self._refuse(HTTPStatus.REQUEST_TIMEOUT, f"the request did not arrive within {self.timeout:g} s")
            return None

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        self.close_connection = True
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", {"Connection": "close"})

    def _refuse_large(self, length: int) -> None:
        """413, and the connection closed once the body is read and thrown away: a server that
        answers and closes while the body is still coming resets the connection, and the client
        sees a broken pipe instead of the answer."""
        remaining = min(length, MAX_DISCARDED_BYTES)
        try:
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 65536))
                if not chunk:
                    break
                remaining -= len(chunk)
        except TimeoutError:
            pass  # the 413 all the same: what is left unread is the client's to lose
        self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a request may be {MAX_REQUEST_BYTES} bytes at most")

    def do_PUT(self):
        self._refuse_update()

    do_DELETE = do_PATCH = do_PUT

    def _query(self, sparql: str | None):
        if not sparql:
            return self._error(HTTPStatus.BAD_REQUEST, "no query: send ?query=… or a POST body")
        try:
            query_form(sparql)
        except PlankgError:
            return self._refuse_update()
        if not self.slots.acquire(timeout=QUEUE_SECONDS):
            return self._busy("the server is running as many queries as it runs at once")
        try:
            outcome = run_in_child(self._answer_work(sparql), self.query_timeout, self.query_memory)
        finally:
            self.slots.release()
        if outcome.status != "ok":
            status = HTTPStatus.BAD_REQUEST if outcome.status == "error" else HTTPStatus.SERVICE_UNAVAILABLE
            return self._error(status, outcome.message)
        body, media, truncated = cast(tuple[bytes, str, bool], outcome.payload)
        headers = {"X-Plankg-Truncated": f"rows capped at {self.max_rows}"} if truncated else {}
        self._send(HTTPStatus.OK, body, media + "; charset=utf-8", headers)

    def _answer_work(self, sparql: str):
        """What the child runs: the answer's bytes, its media type and whether rows were cut."""
        store, accept, max_rows = self.store, self.headers.get("Accept", ""), self.max_rows
        return lambda: answer_bytes(store, sparql, accept, max_rows)

    def _busy(self, message: str) -> None:
        self._send(HTTPStatus.SERVICE_UNAVAILABLE, f"{message}: try again shortly\n".encode(),
                   "text/plain; charset=utf-8", {"Retry-After": str(RETRY_AFTER_SECONDS)})

    def _refuse_update(self):
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")

    def _file(self, path: Path, media: str):
        if not path.is_file():
            return self._error(HTTPStatus.NOT_FOUND, f"no page at {path}: run `plankg build` first")
        self._send(HTTPStatus.OK, path.read_bytes(), media)

    def _error(self, status: HTTPStatus, message: str):
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, media: str, headers: dict | None = None):
        self.connection.settimeout(WRITE_SECONDS)  # the reads left it at what remained of their deadline
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


QUERY_FORM = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>plankg SPARQL</title>
<style>body{font-family:sans-serif;margin:1.5em}textarea{width:100%;height:12em;font-family:monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}</style>
</head><body>
<h1>plankg SPARQL</h1>
<p>Prefixes plan:, id:, rdfs:, skos:, dcterms:, prov:, xsd: are declared. <a href="/">The network page</a>.</p>
<form id="form"><textarea id="query" name="query">SELECT ?indicator ?value ?unit WHERE {
  ?f a plan:Observation ; plan:indicator/rdfs:label ?indicator ; plan:value ?value ; plan:unit ?unit .
  FILTER (lang(?indicator) = "zh")
} LIMIT 20</textarea><br><button type="submit">Run</button></form>
<div id="out"></div>
<script>
document.getElementById("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const out = document.getElementById("out");
  const response = await fetch("/sparql", {method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    body: new URLSearchParams({query: document.getElementById("query").value})});
  out.textContent = "";
  if (!response.ok) { out.textContent = await response.text(); return; }
  const data = await response.json();
  if ("boolean" in data) { out.textContent = String(data.boolean); return; }
  const table = document.createElement("table");
  const head = table.insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th"); th.textContent = name; head.appendChild(th);
  }
  for (const binding of data.results.bindings) {
    const row = table.insertRow();
    for (const name of data.head.vars) { row.insertCell().textContent = binding[name] ? binding[name].value : ""; }
  }
  out.appendChild(table);
});
</script></body></html>
"""
