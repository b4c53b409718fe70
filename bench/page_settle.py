"""The network page of a corpus with its Figures view, against the same page without the figures:
how long each takes to open and settle in headless chromium, and the Figures tab to show its
table and first chart. Writes its section of bench/RESULTS.md.

    python bench/page_settle.py                 # 1,000 generated reports, 3 runs
    python bench/page_settle.py --size 100 --runs 5

The page without the figures is the built page with its figure data emptied (the same network,
scripts and vendored ECharts; graph.page.figures.FigureTable() holds no rows): what the data
costs a page that grows with the corpus. The bound it checks (issue 21): the page settles within
twice the time of the page without the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PLANKG, measure, page_settle_seconds, write_section  # noqa: E402 - after the path is set

SECTION = "page-figures"
BOUND = 2.0  # the page with its figures may take this many times the page without them
_FIGURE_DATA = re.compile(r"const figureData = .*?;\n", re.DOTALL)


def without_figures(page: str) -> str:
    """The page with its figure data replaced by an empty table's."""
    from graph.page.figures import FigureTable
    from graph.page.render import _json

    empty = f"const figureData = {_json(FigureTable().page_data())};\n"
    emptied, replaced = _FIGURE_DATA.subn(lambda _: empty, page, count=1)
    if replaced != 1:
        raise SystemExit("the page holds no figureData: graph/page/templates/page.html changed?")
    return emptied


def figures_tab_seconds(page: Path, runs: int) -> float | None:
    """Median seconds from clicking the Figures tab to its table drawn."""
    def open_figures(tab) -> None:
        tab.click("#tab-figures")
        tab.wait_for_selector("#fig-table tbody tr", timeout=120_000)
    return page_settle_seconds(page, runs, then=open_figures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from bench.generate import main as generate

    work = Path(tempfile.mkdtemp(prefix="plankg-page-"))
    try:
        generate(args.size, work / "corpus")
        measure([*PLANKG, "build", str(work / "corpus"), "-o", str(work / "out"), "--jobs", "2"], 1)
        page = work / "out" / "graph.html"
        bare = work / "without-figures.html"
        bare.write_text(without_figures(page.read_text(encoding="utf-8")), encoding="utf-8")
        with_figures, network_only = page_settle_seconds(page, args.runs), page_settle_seconds(bare, args.runs)
        if with_figures is None or network_only is None:
            raise SystemExit("no chromium or playwright here: nothing measured")
        tab = figures_tab_seconds(page, args.runs)
        sizes = (page.stat().st_size / 2**20, bare.stat().st_size / 2**20)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = with_figures / network_only
    write_section(SECTION, [
        "## The page with its figures", "",
        f"Made by `python bench/page_settle.py --size {args.size} --runs {args.runs}` on "
        f"{time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, headless chromium; the median of the runs. The page of {args.size} "
        "generated reports as built, and the same page with its figure data emptied.", "",
        "| page | MB | opens and settles (s) |", "| --- | ---: | ---: |",
        f"| with the Figures view | {sizes[0]:.1f} | {with_figures:.2f} |",
        f"| without the figures | {sizes[1]:.1f} | {network_only:.2f} |", "",
        f"The page with its figures takes {ratio:.2f} times as long (bound {BOUND:g}); its Figures tab "
        f"shows the table {tab:.2f} s after the click." if tab is not None else ""])
    return 0 if ratio <= BOUND else 1


if __name__ == "__main__":
    raise SystemExit(main())
