"""Every bundled query over `--data graph.ttl`, as users run it right after `plankg build`: whole
processes (imports and loading the file included), the median of several runs, on the seed and on
corpora of generated reports; beside the persistent Oxigraph store (`--store oxigraph:DIR`) and
rdflib's engine (`--engine rdflib`). Writes its section of bench/RESULTS.md.

    python bench/data_queries.py                        # seed, 100, 120 and 1,000 reports
    python bench/data_queries.py --sizes 100 --runs 5

The bounds it checks (issue 18): every query over --data within 0.5 s on the seed, 1.5 s on 120
reports, 5 s on 1,000.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PLANKG, measure, write_section  # noqa: E402 - after the path is set

BOUNDS = {"seed": 0.5, "120": 1.5, "1000": 5.0}  # seconds, every query over --data
RDFLIB_LIMIT = 120  # seconds an rdflib query may take before it is stopped
SECTION = "data-queries"


def build(corpus: Path, out: Path, store: Path) -> int:
    """Build the corpus with its persistent store; the graph's triples."""
    measure([*PLANKG, "build", str(corpus), "-o", str(out), "--store", f"oxigraph:{store}", "--no-cache"], 1)
    return json.loads((out / "build.json").read_text(encoding="utf-8"))["triples"]


def query_times(out: Path, store: Path, runs: int, entity: str, rdflib_runs: int) -> dict[str, tuple]:
    """Query name -> median seconds over --data (Oxigraph's engine), from the store, and over
    --data with rdflib's engine."""
    from graph.sparql.query import bundled_queries

    times = {}
    for name in bundled_queries():
        extra = ["--bind", f"name={entity}"] if name == "entity" else []
        data = [*PLANKG, "query", name, "--data", str(out / "graph.ttl"), *extra]
        times[name] = (measure(data, runs)[0],
                       measure([*PLANKG, "query", name, "--store", f"oxigraph:{store}", *extra], runs)[0],
                       measure([*data, "--engine", "rdflib"], rdflib_runs, RDFLIB_LIMIT)[0])
    return times


def an_entity(store: Path) -> str:
    """A company of the graph, for the entity query, which asks about one thing at a time."""
    from graph.sparql.oxigraph import OxigraphStore

    answer = OxigraphStore.open(store, read_only=True).query(
        'SELECT ?name WHERE { ?c a plan:Company ; rdfs:label ?name FILTER (lang(?name) = "zh") } '
        'ORDER BY ?name LIMIT 1')
    return str(answer.rows[0][0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,120,1000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from bench.generate import main as generate

    work = Path(tempfile.mkdtemp(prefix="plankg-queries-"))
    results: dict[str, tuple[int, dict]] = {}
    try:
        corpora = {"seed": ROOT / "seeds"}
        for size in args.sizes.split(","):
            generate(int(size), work / f"corpus-{size}")
            corpora[size] = work / f"corpus-{size}"
        for label, corpus in corpora.items():
            out, store = work / f"out-{label}", work / f"store-{label}"
            triples = build(corpus, out, store)
            rdflib_runs = 1 if triples > 200_000 else args.runs  # rdflib reads such a graph in half a minute
            results[label] = (triples, query_times(out, store, args.runs, an_entity(store), rdflib_runs))
            print(f"{label}: {triples} triples", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_section(SECTION, _section(results, args))
    return _check(results)


def _section(results: dict[str, tuple[int, dict]], args) -> list[str]:
    labels = list(results)
    lines = ["## Every bundled query over --data", "",
             f"Made by `python bench/data_queries.py --sizes {args.sizes} --runs {args.runs}` on "
             f"{time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, {platform.machine()}, Python "
             f"{platform.python_version()}. Whole processes (`plankg query NAME`, the table it prints), imports "
             "and loading graph.ttl included; the median of the runs in seconds (rdflib's engine: one run on "
             "graphs of over 200,000 triples). `--data` is Oxigraph's engine in memory, the default; "
             "`store` is `--store oxigraph:DIR`; `rdflib` is `--data` with `--engine rdflib`.", "",
             "| graph | triples |", "| --- | ---: |"]
    lines += [f"| {_name(label)} | {results[label][0]} |" for label in labels]
    lines += ["", "| query | " + " | ".join(f"{_name(label)}: {kind}" for label in labels
                                            for kind in ("--data", "store", "rdflib")) + " |",
              "| --- |" + " ---: |" * (3 * len(labels))]
    names = sorted(next(iter(results.values()))[1])
    for name in names:
        cells = [_seconds(value) for label in labels for value in results[label][1][name]]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "Slowest query over --data: " + "; ".join(
        f"{_name(label)} {max(times[0] for times in results[label][1].values()):.2f} s"
        + (f" (bound {BOUNDS[label]:g} s)" if label in BOUNDS else "") for label in labels) + "."]
    return lines


def _check(results: dict[str, tuple[int, dict]]) -> int:
    """Non-zero when a query over --data passed its bound."""
    over = [f"{_name(label)}: {name} {times[0]:.2f} s > {BOUNDS[label]:g} s"
            for label in results if label in BOUNDS
            for name, times in sorted(results[label][1].items()) if times[0] > BOUNDS[label]]
    for line in over:
        print(line, file=sys.stderr)
    return 1 if over else 0


def _name(label: str) -> str:
    return "seed" if label == "seed" else f"{label} reports"


def _seconds(value: float) -> str:
    return f"> {RDFLIB_LIMIT}" if value == float("inf") else f"{value:.2f}"


if __name__ == "__main__":
    raise SystemExit(main())
