"""Measure plankg as users run it: whole processes (imports included), several runs, the median
wall time and peak memory of each, on this machine. Writes bench/RESULTS.md.

    python bench/run.py                    # seed, corpora of 10 and 100 generated reports
    python bench/run.py --sizes 10,100,1000 --runs 5

Cases: the seed build; corpus builds with 2 jobs in memory and into Oxigraph, and the baseline
(one process, rdflib's default store); every bundled query on the largest corpus's graph, from
memory and from Oxigraph; the seed page's time to settle in headless chromium, when installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANKG = [sys.executable, "-m", "graph"]
sys.path.insert(0, str(ROOT))


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median peak resident MB of `runs` whole-process runs."""
    walls, peaks = [], []
    for _ in range(runs):
        timed = ["/usr/bin/time", "-f", "%e %M", *command] if Path("/usr/bin/time").exists() else command
        started = time.perf_counter()
        result = subprocess.run(timed, cwd=ROOT, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {result.stderr[-500:]}")
        last = result.stderr.strip().splitlines()[-1].split() if timed is not command else []
        peaks.append(int(last[1]) / 1024 if len(last) == 2 else float("nan"))
    return statistics.median(walls), statistics.median(peaks)


def page_settle_seconds(page: Path, runs: int) -> float | None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium:
        return None
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            tab = browser.new_page()
            started = time.perf_counter()
            tab.goto(page.as_uri())
            tab.wait_for_selector("body[data-settled='yes']", timeout=120_000)
            times.append(time.perf_counter() - started)
            tab.close()
        browser.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows: list[tuple[str, float, float]] = []
    work = Path(tempfile.mkdtemp(prefix="plankg-bench-"))
    from bench.generate import main as generate
    from graph.query import bundled_queries

    wall, peak = measure([*PLANKG, "build", "seeds", "-o", str(work / "seed")], max(args.runs, 5))
    rows.append(("seed build (1 report, 2 jobs, memory)", wall, peak))
    for size in sizes:
        corpus = work / f"corpus-{size}"
        generate(size, corpus)
        for label, extra in (("2 jobs, memory", ["--jobs", "2"]),
                             ("2 jobs, into Oxigraph", ["--jobs", "2", "--store", f"oxigraph:{work}/ox-{size}"]),
                             ("baseline: 1 process, rdflib store", ["--jobs", "1"])):
            wall, peak = measure([*PLANKG, "build", str(corpus), "-o", str(work / f"out-{size}"), *extra], args.runs)
            rows.append((f"build {size} reports ({label})", wall, peak))
    largest = sizes[-1]
    for name in bundled_queries():
        for label, extra in (("memory", ["--data", str(work / f"out-{largest}" / "graph.ttl")]),
                             ("Oxigraph", ["--store", f"oxigraph:{work}/ox-{largest}"])):
            wall, peak = measure([*PLANKG, "query", name, "--format", "csv", *extra], args.runs)
            rows.append((f"query {name} on {largest} reports ({label})", wall, peak))
    settle = page_settle_seconds(work / "seed" / "graph.html", args.runs)
    write(rows, settle, args)
    shutil.rmtree(work, ignore_errors=True)


def write(rows, settle, args) -> None:
    cpu = platform.processor() or platform.machine()
    lines = ["# Benchmark results", "",
             f"Made by `python bench/run.py --sizes {args.sizes} --runs {args.runs}` on {time.strftime('%Y-%m-%d')}: "
             f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}. Whole processes, imports "
             f"included; the median of {args.runs} runs (5 for the seed build).", "",
             "| case | median wall time (s) | median peak memory (MB) |", "| --- | ---: | ---: |"]
    lines += [f"| {label} | {wall:.2f} | {peak:.0f} |" for label, wall, peak in rows]
    if settle is not None:
        lines += ["", f"The seed's network page settles in {settle:.2f} s in headless chromium (median)."]
    (Path(__file__).parent / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
