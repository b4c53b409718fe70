"""A corpus builds to the same files whether in one run, with any number of jobs, or
incrementally from the build cache; and a build says how far it has come."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS
from rdflib import Graph, Literal, URIRef

from graph.build.cache import CACHE_DIR
from graph.build.pipeline import build
from graph.vocab import PLAN

OUTPUT = ("graph.ttl", "graph.trig", "graph.html")
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def output_of(out: Path) -> dict[str, object]:
    files = {name: (out / name).read_bytes() for name in OUTPUT}
    summary = json.loads((out / "build.json").read_text(encoding="utf-8"))
    summary.pop("seconds")
    return {**files, "build.json": summary}


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for report in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        shutil.copy(report, folder / report.name)
    return folder


def test_a_second_build_reuses_every_report_and_writes_the_same(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out, jobs=2)
    written = output_of(out)
    second = build([corpus], out, jobs=2)
    assert first.reused == 0 and second.reused == len(first.reports)
    assert output_of(out) == written


def test_an_incremental_build_is_a_clean_build(corpus, tmp_path):
    out = tmp_path / "incremental"
    build([corpus], out, jobs=2)
    changed = sorted(corpus.glob("changzhi*.txt"))[0]
    text = changed.read_text(encoding="utf-8")
    assert re.search(r"增长\d+(\.\d+)?%", text) and "77.7" not in text
    changed.write_text(re.sub(r"增长\d+(\.\d+)?%", "增长77.7%", text, count=1), encoding="utf-8")
    removed = sorted(corpus.glob("yulin*.txt"))[0]
    removed.unlink()

    summary = build([corpus], out, jobs=1)
    assert summary.reused == len(summary.reports) - 1  # only the changed report compiled again
    clean = tmp_path / "clean"
    build([corpus], clean, jobs=2, use_cache=False)
    assert output_of(out) == output_of(clean)
    assert not (clean / CACHE_DIR).exists()
    cached = sorted(p.name for p in (out / CACHE_DIR).iterdir())
    assert len(cached) == len(summary.reports)  # the removed report's entry is gone
    graph = Graph().parse(out / "graph.ttl")
    assert not any("yulin" in str(o).lower() for o in graph.objects(None, PLAN.sourceFile))
    assert Literal("77.7", datatype=DECIMAL) in set(graph.objects(None, PLAN.growthRate))


def test_a_damaged_cache_entry_is_compiled_anew(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    written = output_of(out)
    for entry in (out / CACHE_DIR).iterdir():
        entry.write_bytes(b"not a cache entry")
    summary = build([corpus], out)
    assert summary.reused == 0
    assert output_of(out) == written


def test_progress_counts_every_report_up_to_the_total(corpus, tmp_path):
    seen: list[tuple[int, int]] = []
    summary = build([corpus], tmp_path / "out", jobs=2, progress=lambda done, total: seen.append((done, total)))
    total = len(summary.reports)
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    seen.clear()
    build([corpus], tmp_path / "out", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(total, total)]  # all from the cache: done at once


def test_a_store_is_replaced_whole_by_each_build(corpus, tmp_path):
    from graph.sparql.oxigraph import OxigraphStore

    store = tmp_path / "store"
    build([SEEDS], tmp_path / "one", store=f"oxigraph:{store}")
    count = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a plan:Report }"
    assert int(OxigraphStore.open(store, read_only=True).query(count).rows[0][0]) == 1
    build([corpus], tmp_path / "all", store=f"oxigraph:{store}")
    assert int(OxigraphStore.open(store, read_only=True).query(count).rows[0][0]) == len(list(corpus.glob("*.txt")))
    assert sorted(p.name for p in tmp_path.iterdir() if "plankg" in p.name) == []  # no staging left
