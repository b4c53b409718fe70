"""Odd but small inputs that once stalled a build, and the whole-process time each takes now.

    python bench/pathological.py            # 3 runs each, median wall time and peak memory
    python bench/pathological.py --large    # and a 3 MB report (a minute a run) and a 10 MB one (refused)

Each input is a report of one sentence made to stress one part of reading (`INPUTS`): nested
brackets, a line with no punctuation, a list of 100,000 names, a number of 100,000 digits. A
clause longer than any real report writes is left out (read.sentences._readable), so each builds
in about a second. tests/test_pathological.py builds each under a generous bound.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HEAD = "某某市2030年国民经济和社会发展统计公报\n\n"
_WORDS = "地区生产总值增长工业增加值推动项目建设有限公司"
INPUTS = {
    "8,000 nested brackets": HEAD + "全市地区生产总值" + "（" * 8000 + "增长5%" + "）" * 8000 + "。\n",
    "a 60 KB line with no punctuation": HEAD + (_WORDS * 3000)[:60000] + "\n",
    "a 1 MB line with no punctuation (3 MB in UTF-8: the most a report may be)":
        HEAD + (_WORDS * 45000)[:1_040_000] + "\n",
    "a 2 MB line with no punctuation": HEAD + (_WORDS * 90000)[:2_000_000] + "\n",
    "100,000 listed names": HEAD + "推动" + "、".join(f"某某{i}公司" for i in range(100_000)) + "等企业发展。\n",
    "a number of 100,000 digits": HEAD + "全市地区生产总值" + "1" * 100_000 + "亿元。\n",
}

SEED = Path(__file__).resolve().parent.parent / "seeds" / "datong-2025-execution-2026-plan.txt"


def large_inputs() -> dict[str, str]:
    """The largest report plankg reads, 3 MB (graph.read.decode.MAX_REPORT_BYTES: six times the
    longest real report), the seed's text written over and over (26,000 passages, 16,000 figures,
    0.5 million triples); and a 10 MB one, which is refused at once."""
    seed = SEED.read_text(encoding="utf-8")
    return {"a 3 MB report (the seed 125 times)": seed * 125, "a 10 MB report (the seed 416 times)": seed * 416}


def build_once(text: str, folder: Path) -> tuple[float, int, str]:
    """Wall seconds, peak memory (KB) and outcome (built, or refused) of one `plankg build` of the
    text, by GNU time."""
    report = folder / "report.txt"
    report.write_text(text, encoding="utf-8")
    timing = folder / "time.txt"
    build = [sys.executable, "-m", "graph", "build", "--no-cache", "-o", str(folder / "out"), str(report)]
    ran = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", str(timing), *build], capture_output=True, text=True)
    if ran.returncode not in (0, 2):
        raise SystemExit(f"plankg build failed ({ran.returncode}): {ran.stderr[-300:]}")
    seconds, kilobytes = timing.read_text().split()[-2:]
    return float(seconds), int(kilobytes), "built" if ran.returncode == 0 else "refused"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="also a 3 MB report and a 10 MB one")
    arguments = parser.parse_args()
    runs = arguments.runs
    inputs = {**INPUTS, **(large_inputs() if arguments.large else {})}
    print("| input | median s | peak MB | outcome |\n| --- | ---: | ---: | --- |")
    for name, text in inputs.items():
        with tempfile.TemporaryDirectory() as folder:
            measured = [build_once(text, Path(folder)) for _ in range(runs)]
        seconds = statistics.median(s for s, _, _ in measured)
        peak = max(k for _, k, _ in measured) / 1024
        print(f"| {name} | {seconds:.2f} | {peak:.0f} | {measured[0][2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
