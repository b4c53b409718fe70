"""Fidelity only goes up: the pooled F1 of each category on ../shared/fidelity's real reports is
never below the figures committed in bench/fidelity.json (python bench/fidelity.py writes them)."""

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
