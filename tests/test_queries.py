"""The bundled queries: each answers what it promises on the seed, alike from the --data files in
memory (Oxigraph's engine, the default, and rdflib's) and from the persistent Oxigraph store, on
the seed and on the seed with the fixtures; inference, labels and bindings behave as users expect."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEEDS, comparable

from graph.build.pipeline import build
from graph.errors import QueryError
from graph.sparql.oxigraph import OxigraphStore
from graph.sparql.query import bind, bundled_queries, format_answer, query_text
from graph.sparql.stores import open_store

# For each bundled query: a row (as comparable values, a subset of its columns by position)
# that must be among its answers on the seed.
EXPECTED = {
    "figures": ("地区生产总值", "1815", "亿元", "3.2", "8", "", "全省", "2025"),
    "targets": ("大同市", "城镇新增就业", "2025", "", "", "", "", "41825", "人", "", "95.06"),
    "reports": (None, "关于大同市2025年国民经济和社会发展规划执行情况与2026年国民经济和社会发展规划(草案)的报告",
                "2026-01-20", "大同市第十六届人民代表大会第六次会议", "乔正南", "203", "123"),
    "projects": ("京东智能算力中心三期", "加快建设", "算力", "", "京东"),
    "growth": ("保税物流中心(B型)进出口", "92.7", "7.44", "亿元", "2025", "大同市"),
    "ranks": ("限额以上社会消费品零售额", "全省", "", "5"),
    "companies": ("浑源慧融村镇银行", "bank", "", "浑源县", "", "1"),
    "policies": ("规划", "印发", "大同市全域旅游(全国重点旅游城市)发展规划(2025-2035年)", "2025-2035", ""),
    "entity": ("塔什干",),
    "section": ("1.1", "经济总体稳中向好", "地区生产总值", "1815", "亿元", "3.2", "2025"),
    "indicators": ("地区生产总值", "gross regional product", "dì qū shēng chǎn zǒng zhí"),
    "normalized": ("地区生产总值", "大同市", "2025", "181500000000", "yuan", "1815", "亿元",
                   "datong-2025-execution-2026-plan.txt"),
    "sectors": ("算力", "computing power", "数字经济", "8", "6"),
    "places": ("平城区", "Pingcheng District", "division", "140213", "大同市"),
}


def _has_row(rows, expected):
    return any(all(want is None or got == want for got, want in zip(row, expected)) for row in rows)


def _three_stores(data: list, directory) -> tuple:
    """The data files in memory with Oxigraph's engine and rdflib's, and the persistent store."""
    return (open_store(None, data), open_store(None, data, engine="rdflib"),
            OxigraphStore.open(directory, read_only=True))


@pytest.fixture(scope="module")
def stores(seed_build, tmp_path_factory):
    directory = tmp_path_factory.mktemp("oxigraph") / "store"
    build([SEEDS], tmp_path_factory.mktemp("out"), store=f"oxigraph:{directory}")
    return _three_stores([seed_build / "graph.ttl"], directory)


def test_there_are_at_least_twelve_bundled_queries_each_tested():
    assert len(bundled_queries()) >= 12
    assert set(bundled_queries()) == set(EXPECTED)
    assert all(summary for summary in bundled_queries().values())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bundled_query_answers_on_the_seed(stores, name):
    for store in stores:
        rows = comparable(store.query(query_text(name)))
        assert _has_row(rows, EXPECTED[name]), (type(store).__name__, rows[:5])


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    """Several reports naming the same things: a triple many graphs share must count once."""
    out, directory = tmp_path_factory.mktemp("corpus"), tmp_path_factory.mktemp("oxigraph") / "store"
    build([SEEDS, FIXTURES], out, store=f"oxigraph:{directory}")
    return out, directory


@pytest.fixture(scope="module")
def corpus_stores(corpus_build):
    out, directory = corpus_build
    return _three_stores([out / "graph.ttl"], directory)


@pytest.fixture(scope="module")
def trig_stores(corpus_build):
    """The corpus's graph.trig (each report's named graph) as --data, in either engine."""
    trig = corpus_build[0] / "graph.trig"
    return open_store(None, [trig]), open_store(None, [trig], engine="rdflib")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_engine_gives_the_same_rows(stores, corpus_stores, trig_stores, name):
    """Oxigraph's engine over --data, rdflib's, and the persistent store: the same rows, on the
    seed, on a corpus whose reports share triples, and from TriG (a triple in many graphs once)."""
    sparql = query_text(name)
    for oxigraph, rdflib, persistent in stores, corpus_stores:
        expected = comparable(rdflib.query(sparql))
        assert comparable(oxigraph.query(sparql)) == expected
        assert comparable(persistent.query(sparql)) == expected
    oxigraph, rdflib = trig_stores
    assert comparable(oxigraph.query(sparql)) == comparable(rdflib.query(sparql)) == comparable(
        corpus_stores[1].query(sparql))


def test_subclasses_hold_in_queries(stores):
    for store in stores:
        rows = comparable(store.query(
            'SELECT ?name WHERE { ?o a plan:Organization ; rdfs:label ?name FILTER (lang(?name) = "zh") }'))
        assert ("宁德时代",) in rows and ("天镇农信社",) in rows  # a Company and a Bank, asked as Organization
        spatial = comparable(store.query(
            'SELECT ?place WHERE { ?b rdfs:label "天镇农信社"@zh ; dcterms:spatial/rdfs:label ?place '
            'FILTER (lang(?place) = "zh") }'))
        assert spatial == [("天镇县",)]  # plan:locatedIn is a dcterms:spatial


def test_bind_focuses_a_query(stores):
    memory, rdflib, oxigraph = stores
    sparql = bind(query_text("entity"), {"name": "京东"})
    rows = comparable(memory.query(sparql))
    assert rows and {row[0] for row in rows} == {"京东"}
    assert comparable(oxigraph.query(sparql)) == comparable(rdflib.query(sparql)) == rows


def test_table_shows_labels_not_iris(stores):
    for store in stores:
        answer = store.query('SELECT ?i WHERE { ?f plan:value 1815.0 ; plan:indicator ?i }')
        table = format_answer(answer, "table", store.label)
        assert "地区生产总值" in table and "https://" not in table


def _csv_values(text: str) -> list[tuple]:
    """CSV rows as values: a number by its value (1815.0 and 1815 are one), a list joined by ", "
    as a set (GROUP_CONCAT has no order), rows sorted."""
    import csv
    import io
    from decimal import Decimal, InvalidOperation

    def value(cell: str):
        if ", " in cell:
            return tuple(sorted(cell.split(", ")))
        try:
            return Decimal(cell).normalize()
        except InvalidOperation:
            return cell
    rows = list(csv.reader(io.StringIO(text)))
    return [tuple(rows[0])] + sorted((tuple(value(c) for c in row) for row in rows[1:]), key=repr)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_oxigraph_writes_the_same_csv_as_rdflib(corpus_stores, name):
    """`plankg query --format csv` is written by Oxigraph itself, over --data or from the store."""
    memory, rdflib, persistent = corpus_stores
    sparql = query_text(name)
    ours = _csv_values(format_answer(rdflib.query(sparql), "csv"))
    for oxigraph in (memory, persistent):
        assert _csv_values(oxigraph.results(sparql, "csv").decode("utf-8")) == ours
        assert oxigraph.results(sparql, "table") is None
    assert rdflib.results(sparql, "csv") is None


def test_every_engine_asks_and_refuses_in_one_line(stores):
    for store in stores:
        assert store.query("ASK { ?r a plan:Report }").boolean is True
        assert store.results("ASK { ?r a plan:Report }", "json") is None  # the answer path handles ASK
        with pytest.raises(QueryError) as refused:
            store.query("SELECT ?x WHERE { ?x")
        assert "\n" not in str(refused.value) and str(refused.value).startswith("SPARQL syntax error")


def test_queries_of_one_oxigraph_store_run_side_by_side(tmp_path_factory):
    """Queries open the store read-only: two at once both answer, while another process has it
    open too (a store open for writing is locked to one process)."""
    import subprocess
    import sys

    directory = tmp_path_factory.mktemp("oxigraph") / "store"
    build([SEEDS], tmp_path_factory.mktemp("out"), store=f"oxigraph:{directory}")
    command = [sys.executable, "-m", "graph", "query", "figures", "--store", f"oxigraph:{directory}", "--format", "csv"]
    holding = open_store(f"oxigraph:{directory}", [])  # a server, say, has it open meanwhile
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    answers = [process.communicate(timeout=60) for process in running]
    assert [process.returncode for process in running] == [0, 0], answers
    assert answers[0][0] == answers[1][0] and "地区生产总值" in answers[0][0]
    del holding
