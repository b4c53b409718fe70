"""serve: the graph over HTTP. A SPARQL 1.1 Protocol endpoint at /sparql, the network page at /,
and a small query form at /query that needs nothing from the internet.

The endpoint is read-only (an update gets 403), bounds every request (size), every query (time:
it runs in a child process that is stopped when the time is up) and every answer (rows), and
listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import html
import multiprocessing
import signal
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar, cast

from graph.errors import PlankgError
from graph.sparql.query import format_answer, query_form, results_json
from graph.sparql.stores import Answer, open_store

MAX_REQUEST_BYTES = 1024 * 1024
# A refused body is still read, up to this much, so that the client, which sends all of it before
# it reads the answer, gets the 413 instead of a broken pipe; a larger one is cut off.
MAX_DISCARDED_BYTES = 16 * MAX_REQUEST_BYTES
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


def serve(host: str, port: int, store_spec: str | None, data_files: list[Path], page: Path,
          timeout: float, max_rows: int, announce=print) -> None:
    store = open_store(store_spec, data_files)
    handler = type("Handler", (_Handler,), {"store": store, "page": page, "timeout": timeout,
                                            "max_rows": max_rows})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    bound_host, bound_port = server.server_address[:2]  # the socket's name once bound: host a str
    announce(f"http://{cast(str, bound_host)}:{bound_port}/")
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _stop(*_) -> None:
    raise KeyboardInterrupt  # `kill` stops the server as Ctrl-C does: the socket is closed cleanly


def answer_bytes(store, sparql: str, accept: str, max_rows: int) -> tuple[bytes, str, bool]:
    """Run a query and render it for the Accept header: (body, content type, truncated)."""
    answer = store.query(sparql)
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


def _run_in_child(connection, store, sparql, accept, max_rows) -> None:
    try:
        connection.send(("ok", answer_bytes(store, sparql, accept, max_rows)))
    except PlankgError as error:
        connection.send(("error", str(error)))
    except Exception as error:  # noqa: BLE001 - a bug or an engine failure: reported, never a traceback to the client
        connection.send(("error", f"the query failed: {type(error).__name__}: {error}"))
    finally:
        connection.close()


class _Handler(BaseHTTPRequestHandler):
    store = None
    page: Path
    # also socketserver's: StreamRequestHandler.setup() makes it each connection's socket timeout
    timeout: ClassVar[float]
    max_rows: int
    server_version = "plankg"

    def log_message(self, format, *args):
        pass  # quiet: a server in a terminal or a test should not print a line per request

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
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            return self._refuse_large(length)
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return self._refuse_update()
        if content_type == "application/sparql-query":
            return self._query(body)
        params = urllib.parse.parse_qs(body)
        if "update" in params:
            return self._refuse_update()
        return self._query(params.get("query", [None])[0])

    def _refuse_large(self, length: int):
        """413, and the connection closed once the body is read and thrown away: a server that
        answers and closes while the body is still coming resets the connection, and the client
        sees a broken pipe instead of the answer."""
        self.close_connection = True
        remaining = min(length, MAX_DISCARDED_BYTES)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
        self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                   f"a request may be {MAX_REQUEST_BYTES} bytes at most\n".encode(),
                   "text/plain; charset=utf-8", {"Connection": "close"})

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
        parent, child = multiprocessing.get_context("fork").Pipe(duplex=False)
        process = multiprocessing.get_context("fork").Process(
            target=_run_in_child, args=(child, self.store, sparql, self.headers.get("Accept", ""), self.max_rows),
            daemon=True)
        process.start()
        child.close()
        if not parent.poll(self.timeout):
            process.kill()
            process.join()
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                               f"the query took more than {self.timeout:g} s and was stopped")
        try:
            status, payload = parent.recv()
        except EOFError:
            status, payload = "error", "the query failed"
        process.join()
        if status == "error":
            return self._error(HTTPStatus.BAD_REQUEST, payload)
        body, media, truncated = payload
        headers = {"X-Plankg-Truncated": f"rows capped at {self.max_rows}"} if truncated else {}
        self._send(HTTPStatus.OK, body, media + "; charset=utf-8", headers)

    def _refuse_update(self):
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")

    def _file(self, path: Path, media: str):
        if not path.is_file():
            return self._error(HTTPStatus.NOT_FOUND, f"no page at {path}: run `plankg build` first")
        self._send(HTTPStatus.OK, path.read_bytes(), media)

    def _error(self, status: HTTPStatus, message: str):
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, media: str, headers: dict | None = None):
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
