"""A graph too large to check at once is checked a run of subjects at a time (graph.build.chunks),
and finds exactly what the check of the whole graph finds: nothing in a good graph, and each
broken constraint once, whether the node it is about sits in the same run as what it names or not."""

from __future__ import annotations

from rdflib import Graph

import graph.build.validate
from graph.build.chunks import check_in_runs
from graph.build.serialize import ntriples_lines
from graph.build.validate import (
    BackgroundCheck,
    _check,
    checking_ontology,
    checking_shapes,
    validate_file,
    validate_lines,
)

PLAN = "https://w3id.org/plankg/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _lines(seed_build) -> list[str]:
    return ntriples_lines(Graph().parse(seed_build / "graph.ttl"))


def _subject_of(lines: list[str], kind: str, number: int = 0) -> str:
    return [line.split(" ")[0] for line in lines if f"{TYPE} <{PLAN}{kind}>" in line][number]


def _broken(lines: list[str]) -> list[str]:
    """The seed's graph with five constraints broken, about nodes far apart in the sorted lines."""
    passage = _subject_of(lines, "Passage", 3)
    figure = _subject_of(lines, "Observation", 5)
    other_figure = _subject_of(lines, "Observation", 40)
    second_passage = _subject_of(lines, "Passage", 7)
    kept = [line for line in lines
            if not line.startswith(f"{passage} <{PLAN}text>")  # a passage without its sentence
            and not line.startswith(f"{figure} <{PLAN}indicator>")]  # a figure without its indicator
    kept += [
        f"{other_figure} <{PLAN}refArea> {passage} .",  # a figure about a passage, not a place
        f"{second_passage} <http://purl.org/dc/terms/isPartOf> <https://example.org/nowhere> .",  # of nothing known
    ]
    return sorted(set(kept))


def test_a_good_graph_conforms_in_runs_as_whole(seed_build):
    lines = _lines(seed_build)
    assert validate_lines(lines, chunk=len(lines) + 1).conforms
    in_runs = validate_lines(lines, chunk=400)
    assert in_runs.conforms and in_runs.violations == 0, in_runs.report


def test_a_broken_graph_breaks_the_same_constraints_in_runs_as_whole(seed_build):
    lines = _broken(_lines(seed_build))
    whole = validate_lines(lines, chunk=len(lines) + 1)
    in_runs = validate_lines(lines, chunk=400)
    assert not whole.conforms and whole.violations >= 5, whole.report
    assert not in_runs.conforms and in_runs.violations == whole.violations, (whole.report, in_runs.report)


def test_a_large_graph_is_checked_in_several_runs(seed_build):
    lines = _lines(seed_build)
    runs = []

    def check(data: Graph, shapes: Graph) -> tuple[int, str]:
        runs.append(len(data))
        return _check(data, shapes)

    assert check_in_runs(lambda: lines, checking_shapes(), checking_ontology(), 1000, check) == (0, "")
    assert len(runs) >= len(lines) // 1000


def test_a_graph_kept_in_a_file_is_checked_as_the_same_lines_are(seed_build, tmp_path):
    lines = _broken(_lines(seed_build))
    kept = tmp_path / "graph.nt"
    kept.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    from_file = validate_file(kept, len(lines), chunk=400)
    assert from_file.violations == validate_lines(lines, chunk=400).violations > 0


def test_the_background_check_of_a_large_graph_reads_it_from_a_file_it_then_removes(seed_build, monkeypatch):
    monkeypatch.setattr(graph.build.validate, "CHUNK_TRIPLES", 400)
    lines = _broken(_lines(seed_build))
    checker = BackgroundCheck()
    checker.send(lines)
    kept = checker.file
    assert kept is not None and kept.is_file()
    assert checker.result().violations == validate_lines(lines, chunk=len(lines) + 1).violations > 0
    assert not kept.exists()
