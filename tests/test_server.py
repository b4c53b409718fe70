"""`plankg serve`: a SPARQL 1.1 Protocol endpoint, asked by a real client (SPARQLWrapper)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from conftest import ROOT, comparable
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from graph.sparql.answer import answer_from_json
from graph.sparql.query import bundled_queries, query_text, with_prefixes
from graph.sparql.stores import open_store


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def server(seed_build, request):
    """`plankg serve --data graph.ttl`, answering with either engine: every limit holds on both."""
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--port", "0", "--data", str(seed_build / "graph.ttl"),
         "--page", str(seed_build / "graph.html"), "--timeout", "5", "--max-rows", "2000",
         "--engine", request.param],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert process.stdout is not None and process.stderr is not None  # both PIPE
    line = process.stdout.readline()
    assert line.startswith("SPARQL endpoint: "), line + process.stderr.read()
    base = line.split()[2].rsplit("sparql", 1)[0]
    yield base
    process.terminate()
    process.wait(timeout=10)


def _client(server, query, return_format=JSON):
    client = SPARQLWrapper(server + "sparql")
    client.setQuery(with_prefixes(query))
    client.setReturnFormat(return_format)
    return client


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_every_bundled_query_answers_over_http_as_in_the_shell(server, seed_build, name):
    sparql = query_text(name)
    local = open_store(None, [seed_build / "graph.ttl"]).query(sparql)
    remote = answer_from_json(_client(server, sparql).query().convert())
    assert comparable(remote) == comparable(local)


def test_content_negotiation(server):
    select = 'SELECT ?v WHERE { ?f plan:indicator/rdfs:label "地区生产总值"@zh ; plan:value ?v }'
    xml = _client(server, select, XML).query().convert()
    # the value, which Oxigraph writes in its canonical form (1815) and rdflib as the graph does (1815.0)
    assert Decimal(xml.getElementsByTagName("literal")[0].firstChild.data) == Decimal("1815.0")
    csv_text = _client(server, select, CSV).query().convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "v" and [Decimal(v) for v in csv_text.splitlines()[1:]] == [Decimal("1815.0")]
    tsv_text = _client(server, select, TSV).query().convert().decode("utf-8")
    assert tsv_text.splitlines()[0] == "?v"
    construct = 'CONSTRUCT { ?r a plan:Report } WHERE { ?r a plan:Report }'
    turtle = _client(server, construct, TURTLE).query().convert().decode("utf-8")
    assert "plan:Report" in turtle or "ontology#Report" in turtle
    jsonld = _client(server, construct, JSONLD).query().convert()
    assert len(jsonld) == 1


def test_get_and_direct_post(server):
    query = with_prefixes("ASK { ?r a plan:Report }")
    url = server + "sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request) as r:
        assert json.load(r)["boolean"] is True
    request = urllib.request.Request(server + "sparql", data=query.encode(), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request) as response:
        assert json.load(response)["boolean"] is True


def _status(request) -> int:
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_updates_are_refused(server):
    form = "application/x-www-form-urlencoded"
    for body, media in ((b"update=DROP%20ALL", form), (b"DROP ALL", "application/sparql-update"),
                        (b"query=DROP%20ALL", form)):
        request = urllib.request.Request(server + "sparql", data=body, method="POST", headers={"Content-Type": media})
        assert _status(request) == 403
    client = SPARQLWrapper(server + "sparql")
    client.setMethod("POST")
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as refused:
        client.query()
    assert "403" in str(refused.value) or "Forbidden" in str(refused.value)


def test_broken_query_and_bounds(server):
    broken = urllib.request.Request(server + "sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x"}))
    assert _status(broken) == 400
    too_big = urllib.request.Request(server + "sparql", data=b"query=" + b"x" * (1024 * 1024 + 10), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert _status(too_big) == 413
    capped = _client(server, "SELECT ?s WHERE { ?s ?p ?o }").query()  # more triples than --max-rows
    assert len(capped.convert()["results"]["bindings"]) == 2000
    assert "x-plankg-truncated" in {name.lower() for name in capped.info()}
    started = time.monotonic()
    slow = urllib.request.Request(server + "sparql?" + urllib.parse.urlencode({
        "query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}))
    assert _status(slow) == 503
    assert time.monotonic() - started < 30


def test_page_and_form_are_served(server):
    with urllib.request.urlopen(server) as response:
        assert b"vis.Network" in response.read()
    with urllib.request.urlopen(server + "query") as response:
        form = response.read().decode("utf-8")
        assert "<form" in form and "http://" not in form.replace(server, "") and "https://" not in form
    for path in ("../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "graph.ttl", "output/build.json",
                 "sparql/../../pyproject.toml", "//etc/passwd"):
        assert _status(urllib.request.Request(server + path)) == 404, path


def _resident_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        lines = status.read().splitlines()
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the server's memory from /proc")
def test_many_concurrent_queries_get_answers_and_memory_does_not_grow(seed_build):
    """A bounded load test on 127.0.0.1: 8 clients, 200 queries, every answer 200 and whole; the
    server's resident memory after the load is what it was after a warm-up round."""
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--port", "0", "--data", str(seed_build / "graph.ttl"),
         "--page", str(seed_build / "graph.html"), "--timeout", "120",  # a slow machine is not a fault
         "--max-concurrent", "8"],  # one query a client: none waits for a slot
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert process.stdout is not None  # PIPE
    try:
        base = process.stdout.readline().split()[2]
        queries = [with_prefixes(query_text(name)) for name in sorted(bundled_queries())]

        def ask(query: str) -> int:
            request = urllib.request.Request(base + "?" + urllib.parse.urlencode({"query": query}),
                                             headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=60) as response:
                json.loads(response.read())
                return response.status

        with ThreadPoolExecutor(max_workers=8) as clients:
            assert set(clients.map(ask, queries)) == {200}
            warm = _resident_kb(process.pid)
            statuses = list(clients.map(ask, [queries[i % len(queries)] for i in range(200)]))
        assert statuses.count(200) == 200
        grown = _resident_kb(process.pid) - warm
        assert grown < 20_000, f"the server grew by {grown} kB over 200 queries"
    finally:
        process.terminate()
        process.wait(timeout=10)


# The bounds of issue 17: each test a few seconds, on 127.0.0.1, against a server of tight limits.

CROSS_PRODUCT_SORTED = "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY ?a ?b ?c"
CROSS_PRODUCT_COUNTED = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # little memory, long


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def tight(seed_build, tmp_path_factory, request):
    """A server that runs 2 queries at once, each for 3 s and 32 MB at most, and gives a client
    1 s to send its request, on either engine; (its address, the file its stderr goes to)."""
    log = tmp_path_factory.mktemp("tight") / "stderr.txt"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "graph", "serve", "--port", "0", "--data", str(seed_build / "graph.ttl"),
             "--page", str(seed_build / "graph.html"), "--timeout", "3", "--max-concurrent", "2",
             "--query-memory", "32", "--client-timeout", "1", "--engine", request.param],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert process.stdout is not None  # PIPE
    line = process.stdout.readline()
    assert line.startswith("SPARQL endpoint: "), line + log.read_text()
    yield urllib.parse.urlsplit(line.split()[2]), log
    process.terminate()
    process.wait(timeout=10)


def _raw(address, data: bytes, wait: float = 5.0) -> bytes:
    """What the server answers to these bytes, sent as they are, before it closes."""
    with socket.create_connection((address.hostname, address.port), timeout=wait) as connection:
        connection.sendall(data)
        return _until_closed(connection)


def _until_closed(connection: socket.socket) -> bytes:
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def _ask_url(address, query: str) -> str:
    return f"http://{address.netloc}/sparql?" + urllib.parse.urlencode({"query": with_prefixes(query)})


def _answer(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize("value", ["abc", "-1", "+5", "1e3", ""])
def test_a_content_length_that_is_not_a_number_of_bytes_is_400(tight, value):
    address, log = tight
    started = time.monotonic()
    answer = _raw(address, f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           f"Content-Length: {value}\r\n\r\nASK {{ ?s ?p ?o }}".encode())
    assert time.monotonic() - started < 2  # answered at once, not when the client gives up
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 400"), answer
    assert body.decode().count("\n") == 1 and "Content-Length" in body.decode()
    assert "Traceback" not in log.read_text()


def test_a_content_length_over_the_limit_is_413(tight):
    address, _ = tight
    answer = _raw(address, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nquery=")
    assert answer.startswith(b"HTTP/1.0 413"), answer


def test_a_slow_client_is_cut_off_at_its_deadline(tight):
    """Silent, trickling a byte at a time (each read well within a second), or sending less body
    than it announced: the connection ends about when the client's second is up."""
    address, _ = tight
    started = time.monotonic()
    assert _raw(address, b"") == b""  # never sent a thing: closed
    assert 0.8 < time.monotonic() - started < 3
    with socket.create_connection((address.hostname, address.port), timeout=5) as connection:
        started = time.monotonic()
        with contextlib.suppress(OSError):  # the server may close while a byte is on its way
            for byte in b"GET /query HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 40:
                connection.send(bytes([byte]))
                time.sleep(0.1)
        assert _until_closed(connection) == b""
        assert time.monotonic() - started < 3
    answer = _raw(address, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nquery=ASK")
    assert answer.startswith(b"HTTP/1.0 408"), answer


def test_queries_past_the_cap_are_503_with_retry_after(tight):
    address, _ = tight
    with ThreadPoolExecutor(max_workers=2) as pool:
        slow = [pool.submit(_answer, _ask_url(address, CROSS_PRODUCT_COUNTED)) for _ in range(2)]
        time.sleep(0.5)  # both slots taken
        status, headers, body = _answer(_ask_url(address, "ASK { ?s ?p ?o }"))
        assert status == 503 and int(headers["Retry-After"]) > 0, body
        assert [future.result()[0] for future in slow] == [503, 503]  # stopped at --timeout
    assert _answer(_ask_url(address, "ASK { ?s ?p ?o }"))[0] == 200


def test_a_query_past_its_memory_is_stopped_while_another_is_answered(tight):
    address, log = tight
    with ThreadPoolExecutor(max_workers=1) as pool:
        greedy = pool.submit(_answer, _ask_url(address, CROSS_PRODUCT_SORTED))
        time.sleep(0.2)
        status, _, body = _answer(_ask_url(address, 'ASK { ?f plan:unit "亿元" }'))
        assert (status, json.loads(body)["boolean"]) == (200, True)
        status, _, body = greedy.result()
    assert status == 503 and b"more memory than the server allows" in body, body
    assert "Traceback" not in log.read_text()


def test_a_burst_of_simultaneous_connections_is_answered(tight):
    """128 clients connect at once (the listen backlog once held 5): every one gets its page."""
    address, _ = tight
    barrier = threading.Barrier(128)

    def get() -> int:
        barrier.wait()
        try:
            return _answer(f"http://{address.netloc}/query")[0]
        except OSError as error:
            return -abs(error.errno or 1)

    with ThreadPoolExecutor(max_workers=128) as pool:
        statuses = list(pool.map(lambda _: get(), range(128)))
    assert statuses == [200] * 128


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_rows_are_cut_while_they_are_made(seed_build, engine):
    """A three-way cross product of every triple (some 4 * 10**11 rows) answers its first five:
    the rest are never made."""
    store = open_store(None, [seed_build / "graph.ttl"], engine)
    answer = store.query("SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }", 5)
    assert len(answer.rows) == 5
