"""Every graph a build writes conforms to ontology/shapes.ttl, whatever the input: the reports
written for the tests and the real published reports of ../shared/fidelity alike. A report whose
graph the shapes would reject is left out and said so; it is never written."""

from __future__ import annotations

from pathlib import Path

from conftest import FIDELITY_REPORTS, FIXTURES, SEED, require_fidelity, states
from rdflib import PROV, RDF, Graph

import graph.build.compile
from graph.build.pipeline import build
from graph.build.validate import ValidationResult, validate_lines
from graph.vocab import PLAN


def test_every_fixture_and_real_report_builds_a_graph_its_shapes_accept(tmp_path):
    require_fidelity()
    reports = [SEED, *sorted(FIXTURES.glob("*.txt")), *FIDELITY_REPORTS]
    summary = build(reports, tmp_path / "out", jobs=2, use_cache=False)
    assert summary.skipped == []
    assert summary.validation is not None
    assert summary.validation.conforms, summary.validation.report
    written = Graph().parse(tmp_path / "out" / "graph.ttl")
    targets = list(written.subjects(RDF.type, PLAN.Target))
    assert targets and all(written.value(target, PLAN.targetYear) is not None for target in targets)
    _every_number_is_in_its_passage(written)


def _every_number_is_in_its_passage(written: Graph) -> None:
    """Every value, growth rate and change a figure holds is written in the passage it cites."""
    figures = set(written.subjects(RDF.type, PLAN.Observation)) | set(written.subjects(RDF.type, PLAN.Target))
    for figure in figures:
        passage = written.value(figure, PROV.wasDerivedFrom)
        assert passage is not None, figure
        sentence = str(written.value(passage, PLAN.text))
        for prop in (PLAN.value, PLAN.growthRate, PLAN.pointChange, PLAN.multiple, PLAN.shareOfTarget):
            for literal in written.objects(figure, prop):
                assert states(sentence, str(literal).lstrip("-")), (figure, prop, literal, sentence)


def test_a_report_whose_graph_the_shapes_reject_is_left_out_and_said_so(tmp_path, monkeypatch):
    fixtures = sorted(FIXTURES.glob("*.txt"))[:2]
    rejected = fixtures[1]

    def check(lines, chunk: int | None = None) -> ValidationResult:
        if any(f'"{rejected.name}"' in line for line in lines):
            return ValidationResult(conforms=False, violations=3, report="three violations")
        return validate_lines(lines, chunk)

    monkeypatch.setattr(graph.build.compile, "validate_lines", check)
    summary = build(fixtures, tmp_path / "out", jobs=1, use_cache=False)
    assert [Path(s.path).name for s in summary.skipped] == [rejected.name]
    assert "breaks ontology/shapes.ttl (3 violation(s))" in summary.skipped[0].reason
    assert summary.validation is not None and summary.validation.conforms
    assert len(summary.reports) == 1
    written = Graph().parse(tmp_path / "out" / "graph.ttl")
    sources = {str(source) for source in written.objects(None, PLAN.sourceFile)}
    assert rejected.name not in sources and fixtures[0].name in sources
