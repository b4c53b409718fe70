"""A real triple store: `plankg push` into Debian's Virtuoso, then the bundled queries asked there
with `plankg query --endpoint` give the rows they give in the shell."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.sparql.query import bundled_queries, query_text
from graph.sparql.stores import RemoteStore, open_store

from conftest import comparable, require_program
from virtuoso import running_virtuoso


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = require_program("virtuoso-t", "to test pushing to a real SPARQL store")
    isql = require_program("isql-vt", "to allow SPARQL updates in the test's Virtuoso")
    with running_virtuoso(server, isql, tmp_path_factory.mktemp("virtuoso")) as endpoint:
        yield endpoint


@pytest.fixture(scope="module")
def pushed(virtuoso, seed_build):
    runner = CliRunner()
    for _ in range(2):  # a second push replaces the graph: nothing is added twice
        result = runner.invoke(main, ["push", "--endpoint", virtuoso, "--data", str(seed_build / "graph.trig")])
        assert result.exit_code == 0, result.output
    return virtuoso


def test_a_second_push_changes_nothing(pushed, seed_graph):
    count = RemoteStore(pushed).query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), \"https://w3id.org/plankg/id/report/\")) }")
    assert int(count.rows[0][0]) == len(seed_graph)


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_every_bundled_query_answers_from_virtuoso_as_in_the_shell(pushed, seed_build, name):
    sparql = query_text(name)
    local = open_store(None, [seed_build / "graph.ttl"]).query(sparql)
    remote = RemoteStore(pushed).query(sparql)
    assert comparable(remote) == comparable(local)


def test_query_endpoint_option(pushed):
    result = CliRunner().invoke(main, ["query", "figures", "--endpoint", pushed, "--format", "csv"])
    assert result.exit_code == 0 and "地区生产总值" in result.output


def test_unreachable_endpoint_is_one_line(tmp_path):
    runner = CliRunner()
    for args in (["query", "figures", "--endpoint", "http://127.0.0.1:9/sparql"],
                 ["push", "--endpoint", "http://127.0.0.1:9/sparql", "--data", "output/graph.trig"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "cannot reach" in result.stderr


def test_graph_store_protocol_push_replaces_the_graph(pushed, seed_build, seed_graph):
    """The same graph through the Graph Store HTTP Protocol (PUT, digest auth): replaced, not added."""
    store = pushed.rsplit("/sparql", 1)[0] + "/sparql-graph-crud-auth"
    result = CliRunner().invoke(main, ["push", "--endpoint", pushed, "--graph-store", store, "--user", "dba",
                                       "--password", "dba", "--data", str(seed_build / "graph.trig")])
    assert result.exit_code == 0, result.output
    test_a_second_push_changes_nothing(pushed, seed_graph)
