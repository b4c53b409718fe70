"""How well plankg reads real published reports: the scorer of ../shared/fidelity, run and written up.

    python bench/fidelity.py            # measure, write bench/FIDELITY.md and bench/fidelity.json
    python bench/fidelity.py --print    # measure and print, write nothing

The scorer builds each report of ../shared/fidelity/reports with `plankg build` and compares the
graph with the gold annotations beside it (precision, recall and F1 per category; pooled over all
gold items is the figure to watch). bench/fidelity.json keeps the pooled figures and a digest of
the gold they were measured on: tests/test_fidelity.py fails when a pooled figure falls below it,
and says so plainly when the gold has changed since (then measure anew and commit, with a note).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIDELITY = ROOT.parent / "shared" / "fidelity"
COMMITTED = ROOT / "bench" / "fidelity.json"
REPORT = ROOT / "bench" / "FIDELITY.md"
CATEGORIES = ("observations", "targets", "organizations", "projects", "policies", "sectors", "places")


def gold_digest(fidelity: Path = FIDELITY) -> str:
    """A digest of the gold annotations (names and bytes), to know which gold figures belong to."""
    digest = hashlib.sha256()
    for path in sorted((fidelity / "gold").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def measure(fidelity: Path = FIDELITY) -> dict:
    """The scorer's figures for this checkout's plankg: {"reports", "mean", "pooled", "gold"}."""
    bin_dir = str(Path(sys.executable).parent)  # the plankg of the environment running this
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        run = subprocess.run([sys.executable, str(fidelity / "score.py"), "--json", str(out)],
                             cwd=ROOT, env=env, capture_output=True, text=True)
        if run.returncode != 0 or not out.exists():
            raise SystemExit(f"the scorer failed (exit {run.returncode}):\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
        scores = json.loads(out.read_text(encoding="utf-8"))
    scores["gold"] = gold_digest(fidelity)
    return scores


def write(scores: dict) -> None:
    pooled = {category: round(scores["pooled"][category], 4) for category in CATEGORIES}
    COMMITTED.write_text(json.dumps({"gold": scores["gold"], "pooled": pooled}, indent=1) + "\n",
                         encoding="utf-8")
    lines = ["# Fidelity on real reports", "",
             f"Made by `python bench/fidelity.py` on {time.strftime('%Y-%m-%d')}, with the scorer and gold of "
             f"`../shared/fidelity` (gold digest `{scores['gold'][:16]}`): F1 per category, pooled over all "
             "gold items (the figure to watch) and the mean of the reports' own F1.", "",
             "| | " + " | ".join(CATEGORIES) + " |", "| --- |" + " ---: |" * len(CATEGORIES),
             "| **pooled** | " + " | ".join(f"**{scores['pooled'][c]:.2f}**" for c in CATEGORIES) + " |",
             "| mean | " + " | ".join(f"{scores['mean'][c]:.2f}" for c in CATEGORIES) + " |", "",
             "Per report (F1; 1.00 where the gold and the graph both hold nothing of a category):", "",
             "| report | " + " | ".join(c[:5] for c in CATEGORIES) + " |", "| --- |" + " ---: |" * len(CATEGORIES)]
    lines += [f"| {name} | " + " | ".join(f"{row[c]:.2f}" for c in CATEGORIES) + " |"
              for name, row in sorted(scores["reports"].items())]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print the pooled figures, write nothing")
    args = parser.parse_args()
    scores = measure()
    if args.print:
        print(json.dumps(scores["pooled"], indent=1))
    else:
        write(scores)
        print(f"wrote {REPORT.relative_to(ROOT)} and {COMMITTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
