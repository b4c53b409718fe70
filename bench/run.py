"""Measure plankg as users run it: whole processes (imports included), several runs, the median
wall time and peak memory of each, on this machine. Writes bench/RESULTS.md.

    python bench/run.py                    # seed, corpora of 10 and 100 generated reports
    python bench/run.py --sizes 10,100,1000 --runs 5

Cases: the seed build, clean and unchanged; corpus builds with 2 jobs in memory and into
Oxigraph, the baseline (bench/baseline.py: one process, one rdflib Dataset) and a rebuild with
one report changed; every bundled query on the largest corpus's graph from the Oxigraph store,
over --data (Oxigraph in memory) and the baseline (--engine rdflib), and the store's own answer time; the time to
settle in headless chromium of the seed's page and of a 2,000-node view, when installed; and
`plankg serve` under load (bench/load.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANKG = [sys.executable, "-m", "graph"]
sys.path.insert(0, str(ROOT))


def measure(command: list[str], runs: int, limit: float | None = None) -> tuple[float, float]:
    """Median wall seconds and median peak resident MB of `runs` whole-process runs; a run that
    passes `limit` seconds is stopped and counts as infinitely slow (the table says "> limit")."""
    walls, peaks = [], []
    for _ in range(runs):
        timed = ["/usr/bin/time", "-f", "%e %M", *command] if Path("/usr/bin/time").exists() else command
        started = time.perf_counter()
        with subprocess.Popen(timed, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              start_new_session=True) as process:
            try:
                stdout, stderr = process.communicate(timeout=limit)
            except subprocess.TimeoutExpired:  # stop the whole process group, not only /usr/bin/time
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                walls.append(float("inf"))
                peaks.append(float("nan"))
                continue
        result = subprocess.CompletedProcess(timed, process.returncode, stdout, stderr)
        walls.append(time.perf_counter() - started)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {result.stderr[-500:]}")
        last = result.stderr.strip().splitlines()[-1].split() if timed is not command else []
        peaks.append(int(last[1]) / 1024 if len(last) == 2 else float("nan"))
    return statistics.median(walls), statistics.median(peaks)


@contextlib.contextmanager
def headless_chromium():
    """Debian's chromium driven by Playwright, or None where either is missing."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if not chromium:
        yield None
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


def page_settle_seconds(page: Path, runs: int, then=None) -> float | None:
    """Median seconds from opening the page to its picture held still; with `then` (a function
    of the tab), from the picture held still to `then` done. None without chromium."""
    times = []
    with headless_chromium() as browser:
        if browser is None:
            return None
        for _ in range(runs):
            tab = browser.new_page()
            started = time.perf_counter()
            tab.goto(page.as_uri())
            tab.wait_for_selector("body[data-settled='yes']", timeout=300_000)
            if then is not None:
                started = time.perf_counter()
                then(tab)
            times.append(time.perf_counter() - started)
            tab.close()
    return statistics.median(times)


RESULTS = Path(__file__).parent / "RESULTS.md"
BASELINE_LIMIT = 60  # seconds a baseline query may take before it is stopped
DRAWN = ("Company", "Bank", "School", "Organization", "Project", "Policy", "Sector", "Place")  # shown at first


def answer_seconds(store_dir: Path, name: str, runs: int, bindings: dict[str, str]) -> float:
    """The store's own time to answer a bundled query and hand over every row (in this process)."""
    from graph.sparql.oxigraph import OxigraphStore
    from graph.sparql.query import bind, query_text

    store = OxigraphStore.open(store_dir, read_only=True)
    sparql = bind(query_text(name), bindings)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        store.query(sparql)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_incremental(corpus: Path, out: Path, runs: int) -> tuple[float, float]:
    """A rebuild after one report of the corpus changed (a sentence more each time)."""
    changed = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    walls, peaks = [], []
    for run in range(runs):
        with changed.open("a", encoding="utf-8") as stream:
            stream.write(f"\n全市新增市场主体{1000 + run}户。\n")
        wall, peak = measure([*PLANKG, "build", str(corpus), "-o", str(out), "--jobs", "2"], 1)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), statistics.median(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows: list[tuple[str, float, float]] = []
    work = Path(tempfile.mkdtemp(prefix="plankg-bench-"))
    from bench.generate import main as generate
    from graph.sparql.query import bundled_queries

    seed = ["build", "seeds", "-o", str(work / "seed")]
    clean = measure([*PLANKG, *seed, "--no-cache"], max(args.runs, 5))
    rows.append(("seed build (1 report, clean: --no-cache)", *clean))
    rows.append(("seed build again, report unchanged (from the cache)", *measure([*PLANKG, *seed], max(args.runs, 5))))
    for size in sizes:
        corpus = work / f"corpus-{size}"
        generate(size, corpus)
        out = str(work / f"out-{size}")
        for label, command in (
                ("2 jobs, memory", [*PLANKG, "build", str(corpus), "-o", out, "--jobs", "2", "--no-cache"]),
                ("2 jobs, into Oxigraph", [*PLANKG, "build", str(corpus), "-o", out, "--jobs", "2", "--no-cache",
                                           "--store", f"oxigraph:{work}/ox-{size}"]),
                ("baseline: 1 process, one rdflib Dataset",
                 [sys.executable, str(ROOT / "bench" / "baseline.py"), str(corpus), str(work / f"baseline-{size}")])):
            runs = 1 if label.startswith("baseline") and size >= 1000 else args.runs  # three minutes a run
            rows.append((f"build {size} reports ({label}{', 1 run' if runs < args.runs else ''})",
                         *measure(command, runs)))
        measure([*PLANKG, "build", str(corpus), "-o", out, "--jobs", "2"], 1)  # fills the cache
        rebuilt = measure_incremental(corpus, Path(out), args.runs)
        rows.append((f"rebuild {size} reports, 1 changed (2 jobs, cache)", *rebuilt))
    largest = sizes[-1]
    store = work / f"ox-{largest}"
    triples = json.loads((work / f"out-{largest}" / "build.json").read_text(encoding="utf-8"))["triples"]
    entity = _an_entity(store)
    answers = []
    for name in bundled_queries():
        bindings = {"name": entity} if name == "entity" else {}
        extra = [arg for key, value in bindings.items() for arg in ("--bind", f"{key}={value}")]
        rows.append((f"query {name} on {largest} reports (--store oxigraph)",
                     *measure([*PLANKG, "query", name, "--format", "csv", "--store", f"oxigraph:{store}", *extra],
                              max(args.runs, 5))))  # a second each: five runs steady the median
        data = [*PLANKG, "query", name, "--format", "csv", "--data", str(work / f"out-{largest}" / "graph.ttl"), *extra]
        rows.append((f"query {name} on {largest} reports (--data, Oxigraph in memory)", *measure(data, args.runs)))
        baseline_runs = 1 if largest >= 1000 else args.runs  # rdflib parses the whole graph each time
        rows.append((f"query {name} on {largest} reports (baseline: --data --engine rdflib"
                     f"{', 1 run' if baseline_runs < args.runs else ''})",
                     *measure([*data, "--engine", "rdflib"], baseline_runs, BASELINE_LIMIT)))
        answers.append((name, answer_seconds(store, name, args.runs, bindings), bindings))
    settle = {"seed's page": page_settle_seconds(work / "seed" / "graph.html", args.runs)}
    view = work / "view-2000.html"
    subprocess.run([*PLANKG, "view", "--data", str(work / f"out-{largest}" / "graph.ttl"), "--max-nodes", "2000",
                    *[arg for cls in DRAWN for arg in ("--class", cls)], "-o", str(view)], cwd=ROOT, check=True,
                   capture_output=True)
    settle[f"2,000-node view of the {largest}-report graph"] = page_settle_seconds(view, args.runs)
    from bench.load import run_load  # `plankg serve` on the seed's graph: 3,000 queries at 32 concurrent, a burst

    load = [line for result in run_load(work / "seed" / "graph.ttl") for line in result.lines()]
    write(rows, answers, settle, args, triples, load)
    shutil.rmtree(work, ignore_errors=True)


def _an_entity(store: Path) -> str:
    """A company of the corpus, for the entity query, which is asked about one thing at a time."""
    from graph.sparql.oxigraph import OxigraphStore

    answer = OxigraphStore.open(store, read_only=True).query(
        'SELECT ?name WHERE { ?c a plan:Company ; rdfs:label ?name FILTER (lang(?name) = "zh") } '
        'ORDER BY ?name LIMIT 1')
    return str(answer.rows[0][0])


def write(rows, answers, settle, args, triples, load) -> None:
    cpu = platform.processor() or platform.machine()
    lines = ["# Benchmark results", "",
             f"Made by `python bench/run.py --sizes {args.sizes} --runs {args.runs}` on {time.strftime('%Y-%m-%d')}: "
             f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}. Whole processes, imports "
             f"included; the median of {args.runs} runs (5 for the seed builds and the Oxigraph queries). "
             "The largest corpus's graph "
             f"has {triples} triples; a generated report is about a tenth of the seed (see README.md).", "",
             "| case | median wall time (s) | median peak memory (MB) |", "| --- | ---: | ---: |"]
    lines += [f"| {label} | {'> ' + str(BASELINE_LIMIT) + ' (stopped)' if wall == float('inf') else f'{wall:.2f}'} | "
              f"{'' if peak != peak else f'{peak:.0f}'} |" for label, wall, peak in rows]
    lines += ["", "The store's own time to answer each bundled query and hand over every row (Oxigraph, in "
              "one process, after it is open; median):", "", "| query | seconds |", "| --- | ---: |"]
    lines += [f"| {name}{' (--bind name=' + bindings['name'] + ')' if bindings else ''} | {seconds:.2f} |"
              for name, seconds, bindings in answers]
    lines += [""] + [f"The {what} settles in {seconds:.2f} s in headless chromium (median)." if seconds is not None
                     else f"The {what}: not measured (no chromium or playwright here)."
                     for what, seconds in settle.items()]
    lines += ["", "`plankg serve` on the seed's graph under load (bench/load.py, 127.0.0.1, its defaults):", ""]
    lines += [f"- {line}" for line in load]
    kept = _sections(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else ""
    RESULTS.write_text("\n".join(lines) + "\n" + (f"\n{kept}" if kept else ""), encoding="utf-8")
    print("\n".join(lines))


def write_section(name: str, lines: list[str]) -> None:
    """Replace (or add) in RESULTS.md the section another bench script owns, between its marks;
    this script's own rewrite keeps it."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = f"<!-- {name} -->\n" + "\n".join(lines) + f"\n<!-- /{name} -->\n"
    pattern = re.compile(rf"<!-- {re.escape(name)} -->\n.*?<!-- /{re.escape(name)} -->\n", re.DOTALL)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block
    RESULTS.write_text(text, encoding="utf-8")
    print("\n".join(lines))


def _sections(text: str) -> str:
    """The sections of RESULTS.md that other bench scripts wrote."""
    return "\n".join(match.group() for match in re.finditer(r"<!-- ([\w-]+) -->\n.*?<!-- /\1 -->\n", text, re.DOTALL))


if __name__ == "__main__":
    main()
