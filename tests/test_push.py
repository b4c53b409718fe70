"""`plankg push` as a store sees it: the requests it receives, recorded by a small local server.
(tests/test_virtuoso.py pushes into a real store.)"""

from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from graph.cli import main

TRIG = """@prefix ex: <http://example.org/> .
ex:g1 { ex:a ex:p "一" . ex:a ex:p "二"@zh . }
ex:g2 { ex:b ex:p ex:c . }
ex:g1 { ex:d ex:p "3"^^<http://www.w3.org/2001/XMLSchema#integer> . }
ex:default ex:p ex:nothing .
"""


@pytest.fixture()
def store():
    """A store that answers 200 to everything and keeps (method, graph or update, body)."""
    received: list[tuple[str, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _record(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            if self.command == "POST" and "update" in urllib.parse.parse_qs(body):
                received.append(("UPDATE", "", urllib.parse.parse_qs(body)["update"][0]))
            else:
                received.append((self.command, query.get("graph", [""])[0], body))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_PUT = _record

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


def _push(tmp_path, url, *options, text=TRIG):
    data = tmp_path / "graph.trig"
    data.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["push", "--endpoint", f"{url}/sparql", "--data", str(data), *options])


def test_each_graph_is_replaced_then_added_to_where_the_file_holds_it_in_two_blocks(tmp_path, store):
    url, received = store
    result = _push(tmp_path, url, "--graph-store", f"{url}/crud")
    assert result.exit_code == 0, result.output
    assert [(method, graph) for method, graph, _ in received] == [
        ("PUT", "http://example.org/g1"), ("PUT", "http://example.org/g2"), ("POST", "http://example.org/g1")]
    assert received[0][2].splitlines() == [
        '<http://example.org/a> <http://example.org/p> "一" .',
        '<http://example.org/a> <http://example.org/p> "二"@zh .']
    assert "nothing" not in "".join(body for *_, body in received)  # the default graph stays home
    assert result.output.splitlines() == [
        "http://example.org/g1: 2 triples", "http://example.org/g2: 1 triples", "http://example.org/g1: 1 triples"]


def test_through_sparql_update_a_graph_is_dropped_once_then_filled(tmp_path, store):
    url, received = store
    assert _push(tmp_path, url).exit_code == 0
    updates = [update for kind, _, update in received if kind == "UPDATE"]
    assert len(updates) == 5
    assert updates[0] == "DROP SILENT GRAPH <http://example.org/g1>"
    assert updates[1].startswith("INSERT DATA { GRAPH <http://example.org/g1> {") and '"二"@zh' in updates[1]
    assert updates[2] == "DROP SILENT GRAPH <http://example.org/g2>"
    assert "XMLSchema#integer" in updates[4] and "DROP" not in updates[4]


def test_a_broken_file_sends_nothing(tmp_path, store):
    url, received = store
    result = _push(tmp_path, url, text=TRIG + "ex:g3 { ex:e ex:p . }\n")
    assert result.exit_code != 0
    assert result.output.count("\n") == 1 and "not valid TriG" in result.output
    assert received == []
