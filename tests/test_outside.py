"""A query reads the graph it was given and nothing else: FROM / FROM NAMED a graph the store
lacks, SERVICE and LOAD are refused in one line, in memory (Oxigraph's engine and rdflib's), in the
persistent Oxigraph store, on the command line and at the endpoint; a listener on the loopback
proves that no request left."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from graph.cli import main
from graph.errors import QueryError
from graph.sparql.oxigraph import OxigraphStore
from graph.sparql.rdflib_engine import RdflibStore
from graph.sparql.stores import open_store

REPORT = "https://w3id.org/plankg/id/report/outside-test"
TRIG = f"""<{REPORT}> {{
  <https://w3id.org/plankg/id/thing/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh .
}}
"""
OUTSIDE = "the query reads outside data"


class Listener:
    """A TCP listener on 127.0.0.1 at a port of its own, which records every connection made to
    it: the host a refused query names, so that a request that left would be seen."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.05)
        self.port = self.socket.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.connections.append(connection.recv(200) or b"(connected)")
                except OSError:
                    self.connections.append(b"(connected)")

    def close(self) -> list[bytes]:
        """Stops listening; the connections made, including any still waiting to be accepted."""
        self._stop.set()
        self._thread.join()
        self.socket.settimeout(0)
        try:
            while True:
                self.connections.append(self.socket.accept()[0].recv(200) or b"(connected)")
        except OSError:
            pass
        self.socket.close()
        return self.connections


@pytest.fixture()
def listener():
    """The loopback listener; the test fails if anything connected to it."""
    listening = Listener()
    yield listening
    assert listening.close() == [], "a query sent a request to a host it was not given"


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dict[str, Path]:
    """A report's named graph (TriG), a plain Turtle file beside it, and a file the queries are
    not given, holding a secret."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "report.trig").write_text(TRIG, encoding="utf-8")
    (folder / "extra.ttl").write_text('<urn:x:extra> <urn:x:says> "beside" .\n', encoding="utf-8")
    (folder / "secret.nt").write_text('<urn:x:secret> <urn:x:says> "confided" .\n', encoding="utf-8")
    return {"trig": folder / "report.trig", "ttl": folder / "extra.ttl", "secret": folder / "secret.nt",
            "folder": folder}


@pytest.fixture(scope="module")
def memory(data) -> OxigraphStore:
    """The data files in memory, asked by Oxigraph's engine (the default)."""
    store = open_store("memory", [data["trig"], data["ttl"]])
    assert isinstance(store, OxigraphStore)
    return store


@pytest.fixture(scope="module")
def rdflib_memory(data) -> RdflibStore:
    """The data files in memory, asked by rdflib's engine."""
    store = open_store("memory", [data["trig"], data["ttl"]], engine="rdflib")
    assert isinstance(store, RdflibStore)
    return store


@pytest.fixture(scope="module")
def oxigraph_dir(data) -> Path:
    directory = data["folder"] / "oxigraph"
    lines = [b'<https://w3id.org/plankg/id/thing/a> <http://www.w3.org/2000/01/rdf-schema#label> "\\u7532"@zh .\n']
    OxigraphStore.open(directory).replace([(REPORT, lines)], lines)
    return directory


@pytest.fixture(scope="module")
def oxigraph(oxigraph_dir) -> OxigraphStore:
    store = open_store(f"oxigraph:{oxigraph_dir}", [])
    assert isinstance(store, OxigraphStore)
    return store


def outside_queries(port: int, secret: Path) -> dict[str, tuple[str, str]]:
    """Name -> (query, what the refusal names), each naming data outside the store."""
    host = f"http://127.0.0.1:{port}"
    return {
        "FROM file": (f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}", f"FROM <{secret.as_uri()}>"),
        "FROM http": (f"SELECT ?o FROM <{host}/graph.ttl> WHERE {{ ?s ?p ?o }}", f"FROM <{host}/graph.ttl>"),
        "FROM NAMED": (f"SELECT ?o FROM NAMED <{host}/named.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                       f"FROM NAMED <{host}/named.ttl>"),
        "SERVICE": (f"SELECT ?o WHERE {{ SERVICE <{host}/sparql> {{ ?s ?p ?o }} }}", f"SERVICE <{host}/sparql>"),
        "SERVICE by a prefixed name, deep in EXISTS": (
            f"PREFIX far: <{host}/> SELECT ?s WHERE {{ ?s ?p ?o OPTIONAL {{ FILTER EXISTS "
            f"{{ SERVICE SILENT far:sparql {{ ?s ?p ?x }} }} }} }}", f"SERVICE <{host}/sparql>"),
        "SERVICE in a subquery, its IRI a variable": (
            f"SELECT * WHERE {{ {{ SELECT ?o WHERE {{ VALUES ?at {{ <{host}/sparql> }} "
            "SERVICE ?at { ?s ?p ?o } } } }",
            "SERVICE ?at"),
        "FROM by BASE": (f"BASE <{host}/> SELECT ?o FROM <graph.ttl> WHERE {{ ?s ?p ?o }}", f"FROM <{host}/graph.ttl>"),
        "FROM after a comment": (f"# nothing here\nSELECT ?o # FROM\nFROM <{host}/g> WHERE {{ ?s ?p ?o }}",
                                 f"FROM <{host}/g>"),
        "FROM by a prefixed name, in lower case": (
            f"prefix far: <{host}/> select ?o from far:g where {{ ?s ?p ?o }}", f"FROM <{host}/g>"),
        "SERVICE spelled with a \\u escape": (
            f"SELECT * WHERE {{ \\u0053ERVICE <{host}/sparql> {{ ?s ?p ?o }} }}", f"SERVICE <{host}/sparql>"),
        "SERVICE after a comparison and a string with a quote": (
            f"SELECT * WHERE {{ ?s ?p ?o FILTER (?o<?s || ?o = 'it\\'s') SERVICE <{host}/s> {{ ?s ?p ?o }} }}",
            f"SERVICE <{host}/s>"),
    }


CASES = sorted(outside_queries(0, Path("/x")))


def _refused(store, query: str) -> str:
    with pytest.raises(QueryError) as refused:
        store.query(query)
    message = str(refused.value)
    assert "\n" not in message
    return message


ENGINES = ["memory", "rdflib_memory", "oxigraph"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("engine", ENGINES)
def test_outside_data_is_refused(request, listener, data, engine, case):
    store = request.getfixturevalue(engine)
    query, named = outside_queries(listener.port, data["secret"])[case]
    message = _refused(store, query)
    assert message.startswith(OUTSIDE) and named in message and "only the graph given is queried" in message
    if engine != "rdflib_memory":  # Oxigraph writes CSV itself
        with pytest.raises(QueryError):
            store.results(query, "csv")


@pytest.mark.parametrize("engine", ENGINES)
def test_load_is_refused_as_an_update(request, listener, engine):
    store = request.getfixturevalue(engine)
    for load in (f"LOAD <http://127.0.0.1:{listener.port}/graph.ttl>",
                 f"# SELECT\nLOAD <http://127.0.0.1:{listener.port}/graph.ttl> INTO GRAPH <urn:x:g>"):
        assert "read-only" in _refused(store, load)
    with pytest.raises(QueryError, match="syntax error"):  # a query with an update after it
        store.query(f"SELECT * WHERE {{ }} LOAD <http://127.0.0.1:{listener.port}/graph.ttl>")


def test_rdflib_itself_neither_loads_from_graphs_nor_follows_service(listener, rdflib_memory, data):
    """Were the check bypassed, rdflib's evaluator still reads nothing outside the dataset."""
    dataset = rdflib_memory.dataset
    rows = list(dataset.query(f"SELECT ?o FROM <{data['secret'].as_uri()}> WHERE {{ ?s ?p ?o }}"))
    assert rows == []
    assert list(dataset.query(f"SELECT ?o FROM <http://127.0.0.1:{listener.port}/g> WHERE {{ ?s ?p ?o }}")) == []
    with pytest.raises(QueryError, match=OUTSIDE):
        list(dataset.query(f"SELECT ?o WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/s> {{ ?s ?p ?o }} }}"))


def test_the_listener_sees_a_request():
    """The listener would catch a request that left: its own check, so that silence means something."""
    listening = Listener()
    with contextlib.suppress(urllib.error.URLError, OSError):  # it answers nothing: the request is what counts
        urllib.request.urlopen(f"http://127.0.0.1:{listening.port}/", timeout=2)
    assert listening.close()[0].startswith(b"GET / HTTP/1.1")


def test_from_a_graph_in_the_store_still_works(memory, rdflib_memory, oxigraph, data):
    label = f"SELECT ?l FROM <{REPORT}> WHERE {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    named = (f"SELECT ?l FROM NAMED <{REPORT}> WHERE {{ GRAPH <{REPORT}> "
             "{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
    for store in (memory, rdflib_memory, oxigraph):
        assert [str(row[0]) for row in store.query(label).rows] == ["甲"]
        assert [str(row[0]) for row in store.query(named).rows] == ["甲"]
    for store in (memory, rdflib_memory):  # a data file given is a graph of the store
        beside = store.query(f"SELECT ?o FROM <{data['ttl'].resolve().as_uri()}> WHERE {{ ?s ?p ?o }}")
        assert [str(row[0]) for row in beside.rows] == ["beside"]


def test_an_ordinary_query_is_unaffected(memory, rdflib_memory, oxigraph):
    """Keywords in comments and strings are no part of the query: nothing is refused for them."""
    query = ('# FROM <file:///etc/passwd> SERVICE <http://127.0.0.1:1/>\n'
             'PREFIX from: <urn:x:> SELECT ?l ?note WHERE { ?s rdfs:label ?l FILTER (lang(?l) = "zh" && ?l = "甲"@zh) '
             'OPTIONAL { ?s from:SERVICE ?service } '
             'BIND ("""SERVICE <http://127.0.0.1:1/> { }""" AS ?note) }')
    for store in (memory, rdflib_memory, oxigraph):
        assert [str(cell) for cell in store.query(query).rows[0]] == ["甲", "SERVICE <http://127.0.0.1:1/> { }"]
        assert store.query("ASK { GRAPH ?g { ?s ?p ?o } }").boolean is True


WHERE = {"memory": ["--data", "{trig}"], "rdflib_memory": ["--data", "{trig}", "--engine", "rdflib"],
         "oxigraph": ["--store", "oxigraph:{store}"]}


def _where(engine: str, data, oxigraph_dir) -> list[str]:
    return [arg.format(trig=data["trig"], store=oxigraph_dir) for arg in WHERE[engine]]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_command_line_refuses_in_one_line_with_exit_2(listener, data, oxigraph_dir, engine):
    where = _where(engine, data, oxigraph_dir)
    for query, named in outside_queries(listener.port, data["secret"]).values():
        for output_format in ("table", "csv"):
            result = CliRunner().invoke(main, ["query", query, *where, "--format", output_format],
                                        catch_exceptions=False)
            assert result.exit_code == 2, result.output
            assert result.stdout == "" and "Traceback" not in result.output and "confided" not in result.output
            refusal = f"plankg: error: {OUTSIDE} ({named}); only the graph given is queried"
            assert result.stderr.splitlines() == [refusal]


@pytest.fixture(scope="module", params=ENGINES)
def endpoint(request, data, oxigraph_dir):
    """`plankg serve` on the test data, in memory (either engine) or from the Oxigraph store."""
    where = _where(request.param, data, oxigraph_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--port", "0", *where, "--page", str(data["folder"] / "none.html")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert process.stdout is not None and process.stderr is not None  # both PIPE
    line = process.stdout.readline()
    assert line.startswith("SPARQL endpoint: "), line + process.stderr.read()
    yield line.split()[2]
    process.terminate()
    process.wait(timeout=10)


def _ask(endpoint: str, query: str) -> tuple[int, str]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(endpoint, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_endpoint_answers_400_with_the_message(endpoint, listener, data):
    for query, named in outside_queries(listener.port, data["secret"]).values():
        status, body = _ask(endpoint, query)
        assert (status, body) == (400, f"{OUTSIDE} ({named}); only the graph given is queried\n")
    status, body = _ask(endpoint, f"LOAD <http://127.0.0.1:{listener.port}/graph.ttl>")
    assert status == 403 and "read-only" in body
    status, body = _ask(endpoint, f"SELECT ?l FROM <{REPORT}> WHERE {{ ?s ?p ?l }}")
    assert status == 200 and "甲" in body
