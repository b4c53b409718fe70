"""How much fidelity the PDF, Word and web-page readers lose on real reports, beside the same text as .txt.

    python bench/formats_fidelity.py              # measure, print, write its section of bench/RESULTS.md
    python bench/formats_fidelity.py --print      # measure and print, write nothing
    python bench/formats_fidelity.py --only STEM --keep DIR   # one report, its files and builds kept in DIR

Each report of ../shared/fidelity/reports is written by the tests' own writers (tests/documents.py)
as a PDF (lines wrapped mid-sentence, a running header, page numbers), a two-column PDF, a .docx
and a GBK portal page, and copied as the .txt it is. Each format's folder is built once with
`plankg build`; each report's named graph of graph.trig is scored against its gold with the
scorer's own functions (score.py, imported as it is), pooled per category as its main() pools.
The kept text of a non-text report is `text/KEY.txt` in that format's build folder (--keep).
A whole run also writes bench/formats_fidelity.json, the pooled figures per format, which
tests/test_fidelity.py holds each reader to. Exit status 1 when a report failed to build in
some format.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import rdflib

ROOT = Path(__file__).resolve().parent.parent
FIDELITY = ROOT.parent / "shared" / "fidelity"
SECTION = "formats-fidelity"
COMMITTED = ROOT / "bench" / "formats_fidelity.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the writers of tests/documents.py, imported as the tests do

from bench.fidelity import gold_digest  # noqa: E402 - after the path is set
from bench.run import write_section  # noqa: E402

Scores = dict[str, tuple]  # category -> (precision, recall, F1, gold items, predicted items), as score() gives


def scorer(fidelity: Path = FIDELITY) -> ModuleType:
    """score.py as a module, so that its own load/score/prf decide the figures (never a copy)."""
    spec = importlib.util.spec_from_file_location("fidelity_score", fidelity / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {fidelity / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def writers() -> dict[str, tuple[str, Callable[[str, Path], Path]]]:
    """Each format's suffix and the writer that turns a report's text into such a file."""
    documents = importlib.import_module("documents")  # tests/documents.py, on the path above

    def copy(text: str, path: Path) -> Path:
        path.write_text(text, encoding="utf-8")
        return path

    return {"txt": (".txt", copy), "pdf": (".pdf", documents.write_pdf),
            "pdf-2col": (".pdf", documents.write_two_column_pdf), "docx": (".docx", documents.write_docx),
            "html": (".html", documents.write_portal_page)}


def write_formats(docs: list[Path], work: Path) -> dict[str, Path]:
    """One folder per format, each report in it: a format's reports are built together, apart
    from the other formats' (the same text twice in one build would be skipped as a duplicate)."""
    folders = {}
    for name, (suffix, write) in writers().items():
        folder = work / "in" / name
        folder.mkdir(parents=True)
        for doc in docs:
            write(doc.read_text(encoding="utf-8"), folder / f"{doc.stem}{suffix}")
        folders[name] = folder
    return folders


def build(folder: Path, out: Path) -> tuple[dict | None, list[str]]:
    """Build a format's folder with this environment's plankg: build.json, and the lines naming
    what failed (plankg skips a report it cannot read, says why on stderr and exits 1)."""
    bin_dir = str(Path(sys.executable).parent)  # the plankg of the environment running this, as fidelity.py
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    run = subprocess.run(["plankg", "build", str(folder), "-o", str(out), "--no-cache"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    errors = [line for line in run.stderr.splitlines() if line.startswith("plankg:")]
    summary = out / "build.json"
    if run.returncode not in (0, 1) or not summary.exists():
        last = (run.stderr or run.stdout).strip().splitlines()[-1:] or [f"exit {run.returncode}"]
        return None, errors or last
    return json.loads(summary.read_text(encoding="utf-8")), errors


def report_graphs(out: Path, summary: dict, score: ModuleType) -> dict[str, rdflib.Graph]:
    """Each report's own graph (its named graph of graph.trig, the default graph and the
    ontology), by the stem of its file: what score.py reads from a one-report build's graph.ttl."""
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    ontology = [str(p) for p in sorted((ROOT / "ontology").glob("*.ttl")) if "shape" not in p.name]
    graphs = {}
    for report in summary["reports"]:
        graph = score.load(ontology)
        for triple in (*dataset.graph(rdflib.URIRef(report["iri"])), *dataset.default_graph):
            graph.add(triple)
        graphs[Path(report["source"]).stem] = graph
    return graphs


def measure_format(folder: Path, out: Path, docs: list[Path], score: ModuleType) -> tuple[dict, list[str]]:
    """Every report of one format scored against its gold, and the failures (file: error line)."""
    summary, errors = build(folder, out)
    if summary is None:
        return {}, [f"{folder.name}/: {line}" for line in errors]
    graphs = report_graphs(out, summary, score)
    results = {}
    for doc in docs:
        if doc.stem in graphs:
            gold = json.loads((FIDELITY / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))
            results[doc.stem] = score.score(graphs[doc.stem], gold)[0]
    missing = [doc.stem for doc in docs if doc.stem not in graphs]
    failures = [f"{folder.name}/{stem}: {_error_for(stem, errors)}" for stem in missing]
    return results, failures


def _error_for(stem: str, errors: list[str]) -> str:
    """The line plankg printed about this file, or that it is missing from build.json."""
    return next((line for line in errors if stem in line), "not in build.json" + (f" ({errors[-1]})" if errors else ""))


def pool(results: dict[str, Scores], score: ModuleType, categories: list[str]) -> dict[str, float]:
    """F1 pooled over all gold items per category, as score.py's main() pools (its prf on summed hits)."""
    counts = {c: [0.0, 0, 0.0, 0] for c in categories}
    for res in results.values():
        for c in categories:
            p, r, _, n_gold, n_pred = res[c]
            counts[c][0] += r * n_gold
            counts[c][1] += n_gold
            counts[c][2] += p * n_pred
            counts[c][3] += n_pred
    return {c: score.prf(round(hit_gold), n_gold, round(hit_pred), n_pred)[2]
            for c, (hit_gold, n_gold, hit_pred, n_pred) in counts.items()}


def losses(measured: dict[str, dict[str, Scores]], categories: list[str]) -> dict[str, list[str]]:
    """Per format, each report and category where its F1 falls below the .txt's (gold and predicted counts beside)."""
    base = measured["txt"]
    found: dict[str, list[str]] = {}
    for name, results in measured.items():
        if name == "txt":
            continue
        found[name] = [f"{stem} {c}: txt {base[stem][c][2]:.2f} ({base[stem][c][4]} found) -> "
                       f"{name} {res[c][2]:.2f} ({res[c][4]} found) of {res[c][3]} gold"
                       for stem, res in sorted(results.items()) if stem in base
                       for c in categories if res[c][2] < base[stem][c][2] - 1e-9]
    return found


def section(measured: dict, pooled: dict, lost: dict, failures: list[str], args, seconds: float,
            categories: list[str]) -> list[str]:
    """The section of RESULTS.md: the pooled table, then where each format loses, report by report."""
    reports = len(measured["txt"])
    gold_items = sum(res[c][3] for res in measured["txt"].values() for c in categories)
    lines = ["## Fidelity of the PDF, Word and HTML readers", "",
             f"Made by `python bench/formats_fidelity.py{' --only ' + args.only if args.only else ''}` on "
             f"{time.strftime('%Y-%m-%d')} in {seconds:.0f} s: {reports} reports of `../shared/fidelity` written "
             "by tests/documents.py as a PDF (lines wrapped mid-sentence, running header, page numbers), a "
             "two-column PDF, a .docx and a GBK portal page, each format built with `plankg build` and "
             "scored by score.py's own functions against the gold. F1 pooled over all gold items per "
             f"category ({gold_items} gold items), as score.py pools; score.py has no overall figure.", "",
             "| format | " + " | ".join(categories) + " |", "| --- |" + " ---: |" * len(categories)]
    lines += [f"| {name} | " + " | ".join(f"{pooled[name][c]:.2f}" if name in pooled else "-" for c in categories)
              + " |" for name in measured]
    for name, items in lost.items():
        lines += ["", f"{name}: {len(items)} report categories below the .txt's F1" + (":" if items else ".")]
        lines += [""] + [f"- {item}" for item in items] if items else []
    if failures:
        lines += ["", "Failed to build:", ""] + [f"- {failure}" for failure in failures]
    return lines


def measure(docs: list[Path], score: ModuleType, keep: Path | None = None) -> tuple[dict, list[str]]:
    """Each format's scores per report, and the failures; the files and builds kept in `keep`."""
    work = keep or Path(tempfile.mkdtemp(prefix="plankg-formats-"))
    measured, failures = {}, []
    try:
        for name, folder in write_formats(docs, work).items():
            measured[name], failed = measure_format(folder, work / "out" / name, docs, score)
            failures += failed
            print(f"{name}: {len(measured[name])} of {len(docs)} reports scored", file=sys.stderr)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return measured, failures


def pooled_by_format(measured: dict, score: ModuleType) -> dict[str, dict[str, float]]:
    return {name: pool(results, score, list(score.CATS)) for name, results in measured.items() if results}


def write_committed(pooled: dict[str, dict[str, float]]) -> None:
    """The pooled figures per format, for tests/test_fidelity.py to hold each reader to."""
    figures = {name: {category: round(value, 4) for category, value in by_category.items()}
               for name, by_category in pooled.items()}
    COMMITTED.write_text(json.dumps({"gold": gold_digest(FIDELITY), "pooled": figures}, indent=1) + "\n",
                         encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print the figures, write nothing")
    parser.add_argument("--only", help="only reports whose file name contains this")
    parser.add_argument("--keep", type=Path, help="write the files and builds into this folder and keep them")
    args = parser.parse_args()
    score = scorer()
    categories = list(score.CATS)
    docs = [d for d in sorted((FIDELITY / "reports").glob("*.txt")) if not args.only or args.only in d.name]
    if not docs:
        raise SystemExit(f"no report of {FIDELITY / 'reports'} matches {args.only!r}")
    started = time.perf_counter()
    if args.keep and args.keep.exists():
        raise SystemExit(f"--keep {args.keep}: give a folder that does not exist yet")
    measured, failures = measure(docs, score, args.keep)
    pooled = pooled_by_format(measured, score)
    lines = section(measured, pooled, losses(measured, categories), failures, args,
                    time.perf_counter() - started, categories)
    if args.print:
        print("\n".join(lines))
    else:
        write_section(SECTION, lines)
        if not args.only and not failures:
            write_committed(pooled)
    for failure in failures:
        print(f"build failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
