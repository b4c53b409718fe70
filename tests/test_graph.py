"""The built graph: what users check first. Every passage is its span of the file, every number is
in its sentence, every term is declared, the shapes hold, IRIs are stable, output is reproducible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import cast

from conftest import FIXTURES, ROOT, SEED, SEEDS, require_program, states
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH, SKOS
from rdflib.query import ResultRow

from graph.build.pipeline import build
from graph.build.validate import validate_graph
from graph.vocab import PLAN, PLAN_IRI, declared_terms, shapes

COMPARED = ("graph.ttl", "graph.trig", "graph.html")


def _compact(text: str) -> str:
    return "".join(text.split())


def test_every_passage_is_its_span_of_the_file(seed_graph):
    text = SEED.read_text(encoding="utf-8")
    passages = list(seed_graph.subjects(RDF.type, PLAN.Passage))
    assert len(passages) > 150
    for passage in passages:
        start = seed_graph.value(passage, PLAN.startOffset).toPython()
        end = seed_graph.value(passage, PLAN.endOffset).toPython()
        written = str(seed_graph.value(passage, PLAN.text))
        assert _compact(text[start:end]) == _compact(written), passage


def test_every_figure_number_is_in_its_passage(seed_graph):
    figures = set(seed_graph.subjects(RDF.type, PLAN.Observation)) | set(seed_graph.subjects(RDF.type, PLAN.Target))
    assert len(figures) > 40
    for figure in figures:
        passage = seed_graph.value(figure, PROV.wasDerivedFrom)
        sentence = str(seed_graph.value(passage, PLAN.text))
        for prop in (PLAN.value, PLAN.growthRate, PLAN.pointChange, PLAN.multiple, PLAN.shareOfTarget):
            literal = seed_graph.value(figure, prop)
            if literal is not None:
                assert states(sentence, str(literal).lstrip("-")), (figure, literal, sentence)


def test_the_headline_figure_reads_as_the_report_states_it(seed_graph):
    rows = list(seed_graph.query("""
        SELECT ?value ?unit ?growth ?rank ?scope ?period ?area WHERE {
          ?figure a plan:Observation ; plan:indicator ?indicator ; plan:value ?value ; plan:unit ?unit ;
                  plan:growthRate ?growth ; plan:rank ?rank ; plan:rankScope ?scope ; plan:period ?period ;
                  plan:refArea ?place .
          ?indicator rdfs:label "地区生产总值"@zh .
          ?place rdfs:label ?area . FILTER (lang(?area) = "zh")
        }""", initNs={"plan": PLAN_IRI, "rdfs": RDFS}))
    assert len(rows) == 1
    value, unit, growth, rank, scope, period, area = rows[0]
    assert value == Literal(Decimal("1815.0")) and str(value) == "1815.0"
    assert (str(unit), growth.toPython(), rank.toPython()) == ("亿元", Decimal("3.2"), 8)
    assert (str(scope), str(period), str(area)) == ("全省", "2025", "大同市")


def test_every_term_used_is_declared(seed_graph):
    used = {str(term)[len(PLAN_IRI):] for triple in seed_graph for term in triple
            if isinstance(term, URIRef) and str(term).startswith(PLAN_IRI)}
    assert used and used <= declared_terms(), used - declared_terms()


def test_the_graph_conforms_to_the_shapes(seed_build, seed_graph):
    assert json.loads((seed_build / "build.json").read_text())["shacl"]["conforms"] is True
    assert validate_graph(seed_graph).conforms


def test_the_shapes_catch_a_broken_entity(seed_graph):
    broken = Graph()
    for triple in seed_graph:
        broken.add(triple)
    indicator = next(seed_graph.subjects(RDF.type, PLAN.Indicator))
    broken.add((indicator, RDFS.label, Literal("另一个名字", lang="zh")))
    passage = next(seed_graph.subjects(RDF.type, PLAN.Passage))
    broken.remove((passage, PLAN.startOffset, None))
    result = validate_graph(broken)
    assert not result.conforms
    assert result.violations == 2  # two labels in @zh, and a passage with no start
    assert "exactly one rdfs:label in Chinese" in result.report and "start offset" in result.report


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_the_shapes_catch_a_passage_part_of_what_is_no_section(seed_graph):
    broken = _copy(seed_graph)
    passage = next(seed_graph.subjects(RDF.type, PLAN.Passage))
    figure = next(seed_graph.subjects(RDF.type, PLAN.Observation))
    broken.set((passage, DCTERMS.isPartOf, figure))
    result = validate_graph(broken)
    assert not result.conforms and "part of is a section or the report" in result.report


def test_the_shapes_catch_a_relation_resting_on_both_or_on_nothing(seed_graph):
    statements = list(seed_graph.subjects(RDF.type, RDF.Statement))
    from_passages = next(s for s in statements if seed_graph.value(s, PROV.wasDerivedFrom))
    from_reference = next(s for s in statements if seed_graph.value(s, DCTERMS.source))
    passages = list(seed_graph.subjects(RDF.type, PLAN.Passage))[:3]

    both = _copy(seed_graph)
    both.add((from_reference, PROV.wasDerivedFrom, passages[0]))
    assert "rests on no passage" in validate_graph(both).report

    nothing = _copy(seed_graph)
    nothing.remove((from_passages, PROV.wasDerivedFrom, None))
    assert "rests on its passages" in validate_graph(nothing).report

    three = _copy(seed_graph)
    for passage in passages:
        three.add((from_passages, PROV.wasDerivedFrom, passage))
    assert not validate_graph(three).conforms

    assert validate_graph(_copy(seed_graph)).conforms


def test_the_shapes_as_checked_find_what_the_shapes_as_written_find(seed_graph):
    """The check runs on shapes.ttl rewritten for pyshacl's speed (validate.checking_shapes): on a
    graph broken in every kind of node, in every way the shapes look at, it finds the same
    violations, at the same nodes, from the same shapes, as shapes.ttl itself (each once, where
    shapes.ttl finds a company's missing label twice: as an organization's and a company's)."""
    import pyshacl

    from graph.build.validate import checking_ontology, checking_shapes
    from graph.vocab import ontology, shapes

    broken = _copy(seed_graph)
    kinds = sorted({kind for kind in seed_graph.objects(None, RDF.type)
                    if str(kind).startswith(PLAN_IRI) or kind == RDF.Statement})
    assert len(kinds) >= 12
    for kind in kinds:
        nodes = sorted(seed_graph.subjects(RDF.type, kind))
        emptied, doubled = nodes[0], nodes[-1]
        for predicate, value in seed_graph.predicate_objects(emptied):
            if predicate != RDF.type:
                broken.remove((emptied, predicate, value))
        for predicate, value in seed_graph.predicate_objects(doubled):
            if predicate != RDF.type:
                broken.add((doubled, predicate, Literal("错", lang="en") if isinstance(value, Literal) else RDF.nil))

    def violations(shapes_graph, ontology_graph):
        _, results, _ = pyshacl.validate(_copy(broken), shacl_graph=shapes_graph, ont_graph=ontology_graph,
                                         inference="none", allow_warnings=True)
        fields = (SH.focusNode, SH.resultPath, SH.sourceShape, SH.sourceConstraintComponent, SH.value)
        return {tuple(str(results.value(result, field)) for field in fields)
                for result in results.objects(None, SH.result)}

    as_written = violations(shapes(), ontology())
    assert len(as_written) > 100
    assert violations(checking_shapes(), checking_ontology()) == as_written


def test_entities_carry_chinese_pinyin_english_labels_and_their_passages(seed_graph):
    gdp = next(seed_graph.subjects(RDFS.label, Literal("地区生产总值", lang="zh")))
    labels = {label.language.lower(): str(label) for label in seed_graph.objects(gdp, RDFS.label)}
    assert labels == {"zh": "地区生产总值", "zh-latn-pinyin": "dì qū shēng chǎn zǒng zhí",
                      "en": "gross regional product"}
    sentences = {str(seed_graph.value(p, PLAN.text)) for p in seed_graph.objects(gdp, PLAN.mentionedIn)}
    assert any("1815.0亿元" in s for s in sentences) and any("增长5%" in s for s in sentences)


def test_report_metadata_and_truncation(seed_graph):
    report = next(seed_graph.subjects(RDF.type, PLAN.Report))
    assert str(seed_graph.value(report, PLAN.presenter)) == "乔正南"
    assert str(seed_graph.value(report, PLAN.truncationNote)) == "下转第四版"
    offset = seed_graph.value(report, PLAN.truncatedAt).toPython()
    assert SEED.read_text(encoding="utf-8")[offset:offset + 7] == "(下转第四版)"


def test_one_named_graph_per_report_and_the_union_is_graph_ttl(tmp_path):
    build([SEEDS, FIXTURES], tmp_path)
    from rdflib import Dataset
    dataset = Dataset()
    dataset.parse(tmp_path / "graph.trig", format="trig")
    named = [g for g in dataset.graphs() if len(g)]
    assert len(named) == 1 + len(list(FIXTURES.glob("*.txt")))
    for graph in named:
        assert (graph.identifier, RDF.type, PLAN.Report) in graph
    union = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(union) == len({t for g in named for t in g})


def test_iris_are_stable_across_runs_and_shared_across_reports(tmp_path, seed_graph):
    build([SEEDS, FIXTURES], tmp_path)
    corpus = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    for node in seed_graph.subjects(RDF.type, PLAN.Report):
        assert (node, RDF.type, PLAN.Report) in corpus  # same report, same IRI, other run and folder
    gdp = set(corpus.subjects(RDFS.label, Literal("地区生产总值", lang="zh")))
    assert len(gdp) == 1  # one indicator across all reports, whether they write 生产总值 or 地区生产总值
    reports = {corpus.value(f, PROV.wasDerivedFrom) for f in corpus.subjects(PLAN.indicator, next(iter(gdp)))}
    assert len({str(r).split("/passage/")[0] for r in reports}) == 1 + len(list(FIXTURES.glob("*.txt")))
    alt_labels = {str(label) for label in corpus.objects(next(iter(gdp)), SKOS.altLabel)}
    assert alt_labels == {"生产总值"}


def _build_in_subprocess(out, seed):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    subprocess.run([sys.executable, "-m", "graph", "build", str(SEEDS), "-o", str(out), "--jobs", "1"],
                   check=True, env=env, cwd=ROOT, capture_output=True)


def test_building_twice_gives_identical_files(tmp_path):
    _build_in_subprocess(tmp_path / "a", 1)
    _build_in_subprocess(tmp_path / "b", 2)
    for name in COMPARED:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_committed_output_is_what_a_build_writes_now(seed_build):
    """If this fails: run `plankg build` and commit output/."""
    for name in COMPARED:
        assert (ROOT / "output" / name).read_bytes() == (seed_build / name).read_bytes(), name
    committed = json.loads((ROOT / "output" / "build.json").read_text())
    fresh = json.loads((seed_build / "build.json").read_text())
    committed.pop("seconds"), fresh.pop("seconds")
    assert committed == fresh


def test_rapper_accepts_the_turtle_and_the_trig(seed_build):
    rapper = require_program("rapper", "to parse graph.ttl with an independent RDF parser")
    for name, syntax in (("graph.ttl", "turtle"), ("graph.trig", "trig")):
        result = subprocess.run([rapper, "-i", syntax, "-c", str(seed_build / name)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        triples = int(result.stderr.strip().split("returned ")[1].split()[0])
        assert triples == len(Graph().parse(seed_build / name, format=syntax)) or name == "graph.trig"


def test_indicators_are_standard_concepts_with_their_parts(seed_graph):
    def node(label):
        return next(seed_graph.subjects(RDFS.label, Literal(label, lang="zh")))
    primary = node("第一产业增加值")  # the report writes 一产增加值
    assert Literal("一产增加值", lang="zh") in set(seed_graph.objects(primary, SKOS.altLabel))
    assert (primary, SKOS.broader, node("地区生产总值")) in seed_graph
    assert (node("煤炭工业增加值"), SKOS.broader, node("规模以上工业增加值")) in seed_graph  # 其中，…
    assert (node("基础设施投资"), SKOS.broader, node("固定资产投资")) in seed_graph
    assert not list(seed_graph.objects(node("云冈景区年游客接待量"), SKOS.broader))


def test_normalised_values_compare_across_units(seed_graph):
    rows = seed_graph.query("""
        SELECT ?label ?normalized ?unit WHERE {
          ?f plan:indicator/rdfs:label ?label ; plan:normalizedValue ?normalized ; plan:normalizedUnit ?unit .
          FILTER (lang(?label) = "zh" && ?unit = "yuan" && ?normalized > 100000000000)
        } ORDER BY DESC(?normalized)""", initNs={"plan": PLAN_IRI, "rdfs": RDFS})
    labels = [str(row[0]) for row in rows]
    assert labels[:3] == ["各项存款余额", "各项贷款余额", "地区生产总值"]  # 5248.61亿, 3187.22亿, 1815.0亿


def test_targets_meet_their_outcomes_across_reports(tmp_path):
    build([FIXTURES], tmp_path)
    corpus = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    answer = corpus.query("""
        SELECT ?label ?year ?value ?growth WHERE {
          ?target plan:actual ?observation ; plan:targetYear ?year ; plan:indicator/rdfs:label ?label .
          OPTIONAL { ?target plan:growthRate ?goal }
          ?observation plan:period ?period .
          OPTIONAL { ?observation plan:value ?value } OPTIONAL { ?observation plan:growthRate ?growth }
          FILTER (lang(?label) = "zh")
        }""", initNs={"plan": PLAN_IRI, "rdfs": RDFS})
    rows = {(str(label), str(year), str(value), str(growth))
            for label, year, value, growth in cast("Iterable[ResultRow]", answer)}  # a SELECT's rows
    # Changzhi's 2025 targets (from its 2024 report) meet the 2025 figures of its 2025 report
    assert ("地区生产总值", "2025", "2461.2", "5.6") in rows
    assert ("规模以上工业增加值", "2025", "None", "6.4") in rows
    assert ("城镇新增就业", "2025", "3.62", "None") in rows
    # and the target implied by 完成年度计划的106.7% meets the same figure
    implied = corpus.query("""
        SELECT ?target WHERE { ?target a plan:Target ; plan:actual ?o . ?o plan:shareOfTarget 106.7 .
                               FILTER NOT EXISTS { ?target plan:growthRate ?g } }""", initNs={"plan": PLAN_IRI})
    assert len(implied) == 1


def test_every_field_of_a_figure_is_written_or_says_where_the_figure_stands():
    """A field added to Figure but not to FIGURE_PROPERTIES would never reach the graph."""
    from dataclasses import fields

    from graph.model import Figure
    from graph.rdf.figures import FIGURE_PROPERTIES, STRUCTURAL_FIELDS

    written = [field for field, _, _ in FIGURE_PROPERTIES]
    assert sorted(written + list(STRUCTURAL_FIELDS)) == sorted(f.name for f in fields(Figure))
    constrained = {str(path)[len(PLAN_IRI):] for path in shapes().objects(None, SH.path)}
    for _, term, _ in FIGURE_PROPERTIES:
        assert term in declared_terms(), term
        assert term in constrained, f"plan:{term} has no shape"
