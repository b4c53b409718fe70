"""Fidelity only goes up: the pooled F1 of each category on ../shared/fidelity's real reports is
never below the figures committed in bench/fidelity.json (python bench/fidelity.py writes them),
nor, for the same reports written as PDF, two-column PDF, .docx and web page, below those of
bench/formats_fidelity.json (python bench/formats_fidelity.py)."""

from __future__ import annotations

import json

from conftest import require_fidelity

from bench.fidelity import CATEGORIES, COMMITTED, gold_digest, measure


def test_pooled_fidelity_never_falls_below_the_committed_figures():
    fidelity = require_fidelity()
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed["gold"] == gold_digest(fidelity), (
        "the gold of ../shared/fidelity has changed since bench/fidelity.json was measured: "
        "run python bench/fidelity.py, look at what moved, and commit the new figures with a note")
    pooled = measure(fidelity)["pooled"]
    fallen = {category: (round(pooled[category], 4), committed["pooled"][category]) for category in CATEGORIES
              if round(pooled[category], 4) < committed["pooled"][category]}
    assert not fallen, f"pooled F1 fell (now, committed): {fallen}"


def test_each_reader_keeps_its_committed_fidelity_on_the_real_reports():
    """The PDF, Word and web-page readers lose no more of the real reports than they did."""
    import importlib

    fidelity = require_fidelity()
    formats = importlib.import_module("bench.formats_fidelity")
    committed = json.loads(formats.COMMITTED.read_text(encoding="utf-8"))
    assert committed["gold"] == gold_digest(fidelity), (
        "the gold of ../shared/fidelity has changed since bench/formats_fidelity.json was measured: "
        "run python bench/formats_fidelity.py and commit the new figures with a note")
    score = formats.scorer(fidelity)
    measured, failures = formats.measure(sorted((fidelity / "reports").glob("*.txt")), score)
    assert not failures
    pooled = formats.pooled_by_format(measured, score)
    fallen = {(name, category): (round(pooled[name][category], 4), figure)
              for name, figures in committed["pooled"].items() for category, figure in figures.items()
              if round(pooled[name][category], 4) < figure}
    assert not fallen, f"a reader's pooled F1 fell (now, committed): {fallen}"
