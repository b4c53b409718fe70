"""plankg export, checked as a user would: every RDF format reads back as the graph the build
wrote, a part is exactly that part, tables and networks hold what the graph and the page hold,
the same input gives the same bytes, and a failed export writes nothing."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED, require_program
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

import graph.export.rdf
from graph.cli import main
from graph.page.analyse import entity_network, select
from graph.sparql.datafiles import read_graph
from graph.vocab import PLAN, PLAN_IRI

OUTPUT = ROOT / "output"
TTL, TRIG = OUTPUT / "graph.ttl", OUTPUT / "graph.trig"
RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nquads": "nquads",
                  "xml": "xml"}
RAPPER_FORMATS = {"turtle": "turtle", "nt": "ntriples", "trig": "trig", "nquads": "nquads", "xml": "rdfxml"}
REPORT = "https://w3id.org/plankg/id/report/datongshi-2026-01-20-588b5807"


def export(*args) -> bytes:
    """What `plankg export ARGS` writes to stdout; the command must succeed."""
    result = CliRunner().invoke(main, ["export", *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


@pytest.fixture(scope="module")
def built() -> Graph:
    return Graph().parse(TTL, format="turtle")


def parsed(data: bytes, rdf_format: str) -> Graph:
    """Every triple of an export, whatever graph it is in."""
    if rdf_format in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[rdf_format])
        union = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return Graph().parse(data=data, format=RDFLIB_FORMATS[rdf_format])


def by_value(triples: Graph) -> set[tuple]:
    """The triples with each typed literal as its value: 1815.0 and 1815 are one decimal."""
    return {(s, p, o.toPython() if isinstance(o, Literal) and o.datatype else o) for s, p, o in triples}


@pytest.mark.parametrize("rdf_format", sorted(RDFLIB_FORMATS))
def test_every_rdf_format_reads_back_as_graph_ttl(rdf_format, built):
    assert set(parsed(export("--format", rdf_format), rdf_format)) == set(built)


@pytest.mark.external
@pytest.mark.parametrize("rdf_format", sorted(RAPPER_FORMATS))
def test_rapper_reads_every_format_it_knows_as_graph_ttl(rdf_format, built, tmp_path):
    rapper = require_program("rapper", "to read the exports with an independent RDF parser")
    exported = tmp_path / f"graph.{rdf_format}"
    exported.write_bytes(export("--format", rdf_format))
    output = "nquads" if rdf_format in ("trig", "nquads") else "ntriples"
    read = subprocess.run([rapper, "-q", "-i", RAPPER_FORMATS[rdf_format], "-o", output, str(exported)],
                          capture_output=True, check=True).stdout
    assert set(parsed(read, "nquads" if output == "nquads" else "nt")) == set(built)


def test_turtle_and_trig_of_the_build_are_its_files_byte_for_byte():
    assert export("--format", "turtle") == TTL.read_bytes()
    assert export("--format", "trig") == TRIG.read_bytes()


def test_trig_and_nquads_keep_the_reports_named_graphs():
    dataset = Dataset()
    dataset.parse(data=export("--format", "nquads"), format="nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert REPORT in names


def test_report_gives_exactly_that_reports_named_graph(tmp_path):
    # a second report's graph beside the seed's, which --report must leave out
    other = tmp_path / "two-reports.trig"
    other.write_bytes(TRIG.read_bytes() + b'\n<https://example.org/other-report> {\n'
                      b'\t<https://example.org/x> <https://example.org/p> "not the seed" .\n}\n')
    dataset = Dataset()
    dataset.parse(TRIG, format="trig")
    expected = set(dataset.graph(URIRef(REPORT)))
    by_iri = export("--format", "trig", "--report", REPORT, "--data", other)
    by_file = export("--format", "trig", "--report", SEED, "--data", other)
    assert by_iri == by_file == TRIG.read_bytes()
    again = Dataset()
    again.parse(data=by_iri, format="trig")
    assert set(again.graph(URIRef(REPORT))) == expected
    assert set(parsed(export("--format", "nt", "--report", REPORT, "--data", other), "nt")) == expected


@pytest.mark.parametrize("args", [
    ["--format", "turtle"], ["--format", "nt"], ["--format", "jsonld"], ["--format", "trig"],
    ["--format", "nquads"], ["--format", "xml"], ["--format", "csv"], ["--format", "csv", "--table", "entities"],
    ["--format", "graphml"], ["--format", "gexf"], ["--format", "turtle", "--class", "Company"],
])
def test_the_same_graph_gives_the_same_bytes(args, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        export(*args, "-o", out)
    assert first.read_bytes() == second.read_bytes() == export(*args)


def test_the_same_graph_gives_the_same_neo4j_files(tmp_path):
    for out in ("first", "second"):
        export("--format", "neo4j", "-o", tmp_path / out)
    for name in ("nodes.csv", "relationships.csv"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


@pytest.mark.parametrize("run", [100, 20])
def test_a_graph_sorted_in_many_runs_on_disk_gives_the_same_bytes(run, monkeypatch):
    """As a corpus too big to sort in memory is: 20 lines a run makes more runs than are merged
    at once (graph.build.spool.FAN_IN), so they are merged in rounds."""
    import graph.export.source

    monkeypatch.setattr(graph.export.source, "RUN", run)
    assert export("--format", "turtle") == TTL.read_bytes()
    assert export("--format", "trig") == TRIG.read_bytes()


def test_jsonld_has_a_context_of_plankgs_prefixes():
    document = json.loads(export("--format", "jsonld"))
    assert document["@context"]["plan"] == PLAN_IRI
    figure = next(node for node in document["@graph"] if node["@id"].endswith("/observation/578-612"))
    assert figure["@type"] == ["plan:Observation"]
    assert figure["plan:value"] == [{"@value": "1815.0", "@type": "xsd:decimal"}]


def test_class_gives_the_nodes_of_the_class_and_its_subclasses_with_their_triples(built):
    exported = parsed(export("--format", "nt", "--class", "Organization"), "nt")
    kinds = {PLAN[name] for name in ("Organization", "Company", "Bank", "School", "GovernmentBody")}
    expected = {s for kind in kinds for s in built.subjects(RDF.type, kind)}
    assert set(exported.subjects()) == expected and expected
    assert set(exported) == {t for s in expected for t in built.triples((s, None, None))}


def test_focus_gives_the_neighbourhood_view_draws(built):
    network, _ = select(entity_network(read_graph([TTL])), "地区生产总值", 2)
    exported = parsed(export("--format", "nt", "--focus", "地区生产总值", "--depth", 2), "nt")
    assert {str(s) for s in exported.subjects()} == set(network.nodes)


def test_stdout_is_the_file(tmp_path):
    out = tmp_path / "graph.nt"
    export("--format", "nt", "-o", out)
    assert out.read_bytes() == export("--format", "nt")


def test_an_export_that_fails_writes_nothing_and_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"the last export\n")

    def fails(lines, rdf_format, stream):
        stream.write(b"@prefix half: <written> .\n")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(graph.export.rdf, "write_rdf", fails)
    result = CliRunner().invoke(main, ["export", "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert out.read_bytes() == b"the last export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


# --- tables ---

def figures_csv(*args) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export("--format", "csv", *args).decode("utf-8"))))


def test_the_figures_table_has_a_row_per_figure(built):
    rows = figures_csv()
    figures = {str(s) for kind in (PLAN.Observation, PLAN.Target) for s in built.subjects(RDF.type, kind)}
    assert sorted(row["figure"] for row in rows) == sorted(figures)


def test_the_gdp_row_says_what_the_graph_says():
    row = next(r for r in figures_csv() if r["indicator"] == "地区生产总值" and r["kind"] == "Observation"
               and r["period"] == "2025" and r["rank"])
    assert float(row["value"]) == 1815.0 and row["unit"] == "亿元"
    assert float(row["growth_rate"]) == 3.2 and row["rank"] == "8" and row["rank_scope"] == "全省"
    assert float(row["normalized_value"]) == 181500000000 and row["normalized_unit"] == "yuan"
    assert row["report"] == REPORT and row["city"] == "大同市" and row["ref_area"] == "大同市"
    assert row["ref_area_code"] == "140200" and row["indicator_en"] == "gross regional product"
    assert row["indicator_pinyin"] == "dì qū shēng chǎn zǒng zhí"
    sentence = row["sentence"]
    assert "1815.0亿元" in sentence and "全省排名第8" in sentence
    seed = SEED.read_text(encoding="utf-8")
    assert seed[int(row["sentence_start"]):int(row["sentence_end"])].strip() in (sentence, sentence.strip())
    assert "1815.0" in seed[int(row["start_offset"]):int(row["end_offset"])]


def test_a_table_of_one_report_is_that_reports_rows():
    assert figures_csv("--report", SEED) == figures_csv("--report", REPORT) == figures_csv()


def test_excel_csv_starts_with_a_byte_order_mark():
    data = export("--format", "csv", "--excel")
    assert data.startswith(b"\xef\xbb\xbf") and data[3:].startswith(b"figure,")
    assert not export("--format", "csv").startswith(b"\xef\xbb\xbf")


def test_parquet_holds_the_same_rows_typed(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "figures.parquet"
    export("--format", "parquet", "-o", out)
    table = parquet.read_table(out).to_pylist()
    assert len(table) == len(figures_csv())
    row = next(r for r in table if r["figure"].endswith("/observation/578-612"))
    assert (row["value"], row["unit"], row["growth_rate"], row["rank"], row["rank_scope"], row["period"]) == (
        1815.0, "亿元", 3.2, 8, "全省", "2025")


def test_the_entities_table_has_a_row_per_entity_with_its_reports(built):
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv", "--table", "entities").decode("utf-8"))))
    mentioned = {str(s) for s in built.subjects(PLAN.mentionedIn, None)
                 if (s, RDF.type, PLAN.Passage) not in built}
    assert {row["entity"] for row in rows} == mentioned
    assert len(rows) == len(mentioned)
    place = next(row for row in rows if row["label_zh"] == "大同市" and row["class"] == "Place")
    assert place["reports"] == REPORT and place["label_en"] == "Datong City"
    assert place["label_pinyin"] == "dà tóng shì"


# --- networks ---

def page_view() -> nx.MultiDiGraph:
    network, _ = select(entity_network(read_graph([TTL])))
    return network


def test_graphml_opens_in_networkx_as_the_pages_full_view(tmp_path):
    out = tmp_path / "graph.graphml"
    export("--format", "graphml", "-o", out)
    read = nx.read_graphml(out)
    view = page_view()
    assert (read.number_of_nodes(), read.number_of_edges()) == (view.number_of_nodes(), view.number_of_edges())
    node = read.nodes["https://w3id.org/plankg/id/place/cn-140200"]
    assert (node["class"], node["label_zh"], node["label_en"]) == ("Place", "大同市", "Datong City")
    assert {data["property"] for _, _, data in read.edges(data=True)} >= {"indicator", "refArea"}


def test_a_networks_focus_is_the_neighbourhood_view_draws(tmp_path):
    out = tmp_path / "gdp.graphml"
    export("--format", "graphml", "--focus", "地区生产总值", "--depth", 2, "-o", out)
    network, _ = select(entity_network(read_graph([TTL])), "地区生产总值", 2)
    assert set(nx.read_graphml(out).nodes) == set(network.nodes)


def test_gexf_opens_in_networkx_with_the_same_counts(tmp_path):
    out = tmp_path / "graph.gexf"
    export("--format", "gexf", "-o", out)
    read = nx.read_gexf(out)
    view = page_view()
    assert (read.number_of_nodes(), read.number_of_edges()) == (view.number_of_nodes(), view.number_of_edges())


def test_neo4j_files_have_the_import_headers_and_hold_together(tmp_path):
    folder = tmp_path / "neo4j"
    export("--format", "neo4j", "-o", folder)
    nodes = list(csv.reader((folder / "nodes.csv").open(encoding="utf-8")))
    relationships = list(csv.reader((folder / "relationships.csv").open(encoding="utf-8")))
    assert nodes[0][:2] == ["iri:ID", ":LABEL"] and relationships[0] == [":START_ID", ":END_ID", ":TYPE"]
    ids = [row[0] for row in nodes[1:]]
    assert len(ids) == len(set(ids)) == page_view().number_of_nodes()
    assert len(relationships) - 1 == page_view().number_of_edges()
    assert all(start in set(ids) and end in set(ids) and kind for start, end, kind in relationships[1:])
    labels = {row[0]: row[1] for row in nodes[1:]}
    assert any(label == "Company;Organization" for label in labels.values())


def test_exports_read_from_the_oxigraph_store_as_from_the_files(tmp_path):
    from graph.build.pipeline import build

    out = tmp_path / "built"
    build([SEED], out, store=f"oxigraph:{tmp_path / 'store'}")
    store = f"oxigraph:{tmp_path / 'store'}"
    # the store keeps numbers by value (1815.0 is 1815 there), so the graphs are compared by value
    for rdf_format, built_file in (("turtle", out / "graph.ttl"), ("trig", out / "graph.trig")):
        from_store = parsed(export("--format", rdf_format, "--store", store), rdf_format)
        assert by_value(from_store) == by_value(parsed(built_file.read_bytes(), rdf_format))
    assert export("--format", "csv", "--store", store) == export("--format", "csv", "--data", out / "graph.ttl")

