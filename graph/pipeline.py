"""pipeline: report files -> output/ (graph.ttl, graph.trig, graph.html, build.json).

`plankg build` is build() here. Each report goes through read -> extract -> resolve on its own
(in parallel with --jobs); a report that cannot be read is skipped and said so; then the reports
become one Dataset, are checked against the SHACL shapes, drawn, and written all at once, so
that the output folder holds either the last complete build or this one, never a mix.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, Graph

from graph.version import __version__
from graph.errors import InputError
from graph.extract import extract
from graph.files import write_all_atomically
from graph.iris import report_iri
from graph.model import ReportResult
from graph.rdf import bind_prefixes, to_dataset
from graph.read import read_report
from graph.render import render_page
from graph.resolve import resolve
from graph.serialize import to_trig, to_turtle
from graph.validate import ValidationResult, validate_graph
from graph.vocab import PLAN_IRI

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.html", "build.json")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class BuildSummary:
    """What a build did: for the command's summary line and for build.json."""

    out_dir: Path
    reports: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    validation: ValidationResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def page(self) -> Path:
        return self.out_dir / "graph.html"


def collect_reports(paths: list[Path]) -> list[Path]:
    """The report files named, folders expanded to the *.txt files in them, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                raise InputError(f"{path}: no report files (*.txt) in this folder")
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def build(paths: list[Path], out_dir: Path, jobs: int = 1, store: str = "memory") -> BuildSummary:
    """Build the graph of the reports at `paths` into `out_dir`; raises InputError when no report
    could be read, and then writes nothing."""
    summary = BuildSummary(out_dir=out_dir)
    results = _process_all(collect_reports(paths), jobs, summary)
    if not results:
        reasons = "; ".join(s.reason for s in summary.skipped)
        raise InputError(reasons or "no reports to build")

    with _stage(summary, "rdf"):
        dataset = to_dataset(results)
        union = _union(dataset)
    validation = _in_background(validate_graph, union)  # the other core checks the shapes meanwhile
    with _stage(summary, "serialize"):
        turtle = to_turtle(union)
        trig = to_trig(dataset)
    with _stage(summary, "render"):
        html = render_page(union, _page_title(results)).encode("utf-8")
    with _stage(summary, "validate"):
        summary.validation = validation()
    summary.counts = _class_counts(union)
    summary.triples = len(union)
    summary.reports = [_report_entry(result) for result in results]
    if store.startswith("oxigraph:"):
        with _stage(summary, "store"):
            _load_oxigraph(Path(store[len("oxigraph:"):]), trig, union)
    elif store != "memory":
        raise InputError(f"unknown store {store!r}: use memory or oxigraph:DIR")
    with _stage(summary, "write"):
        write_all_atomically({
            out_dir / "graph.ttl": turtle,
            out_dir / "graph.trig": trig,
            out_dir / "graph.html": html,
            out_dir / "build.json": _build_json(summary),
        })
    return summary


def _load_oxigraph(directory: Path, trig: bytes, union: Graph) -> None:
    """Into a persistent Oxigraph store: each report's named graph, and in the default graph their
    union (each triple once: Oxigraph's union-of-named-graphs view would repeat a triple once per
    report), the ontology and what RDFS says follows; so it answers as the in-memory graph does."""
    from graph.inference import rdfs_closure
    from graph.stores import OxigraphStore
    from graph.vocab import ontology

    directory.mkdir(parents=True, exist_ok=True)
    store = OxigraphStore(directory)
    store.load_trig(trig)
    both = Graph()
    for triple in union:
        both.add(triple)
    for triple in ontology():
        both.add(triple)
    for triple in list(rdfs_closure(both, ontology())):
        both.add(triple)
    store.add_default(to_turtle(both))


def process_report(path: Path) -> tuple[ReportResult, dict[str, float]]:
    """read -> extract -> resolve for one report, with the seconds each stage took."""
    seconds = {}
    started = time.perf_counter()
    document = read_report(path)
    seconds["read"] = time.perf_counter() - started
    started = time.perf_counter()
    extraction = extract(document)
    seconds["extract"] = time.perf_counter() - started
    started = time.perf_counter()
    resolution = resolve(document, extraction)
    seconds["resolve"] = time.perf_counter() - started
    return ReportResult(document, extraction, resolution), seconds


def _process_one(path: Path) -> tuple[ReportResult | None, dict[str, float], str | None]:
    try:
        result, seconds = process_report(path)
        return result, seconds, None
    except InputError as error:
        return None, {}, str(error)


def _process_all(files: list[Path], jobs: int, summary: BuildSummary) -> list[ReportResult]:
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(_process_one, files, chunksize=4))
    else:
        outcomes = [_process_one(path) for path in files]
    results: list[ReportResult] = []
    seen: dict[str, str] = {}
    for path, (result, seconds, error) in zip(files, outcomes):
        if error:
            summary.skipped.append(Skipped(str(path), error))
            continue
        digest = result.document.sha256
        if digest in seen:
            summary.skipped.append(Skipped(str(path), f"{path}: the same text as {seen[digest]}"))
            continue
        seen[digest] = str(path)
        results.append(result)
        for stage, value in seconds.items():
            summary.seconds[stage] = summary.seconds.get(stage, 0.0) + value
    return results


class _stage:
    """Adds the seconds a block takes to summary.seconds[name]."""

    def __init__(self, summary: BuildSummary, name: str):
        self.summary, self.name = summary, name

    def __enter__(self):
        self.started = time.perf_counter()

    def __exit__(self, *exc):
        elapsed = time.perf_counter() - self.started
        self.summary.seconds[self.name] = self.summary.seconds.get(self.name, 0.0) + elapsed
        return False


def _in_background(function, *args):
    """Run function(*args) in a forked child, and return a call that waits for its result. Where
    processes cannot fork (not Linux), it runs when its result is asked for."""
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork") or sys.platform != "linux":
        return lambda: function(*args)
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)

    def child():
        sender.send(function(*args))
        sender.close()

    process = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    process.start()
    sender.close()

    def result():
        try:
            value = receiver.recv()
        except EOFError:
            raise RuntimeError("the background check stopped without an answer") from None
        process.join()
        return value
    return result


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    bind_prefixes(union)
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


def _class_counts(graph: Graph) -> dict[str, int]:
    counts = Counter(
        str(cls)[len(PLAN_IRI):] for cls in graph.objects(None, RDF.type) if str(cls).startswith(PLAN_IRI))
    return dict(sorted(counts.items()))


def _report_entry(result: ReportResult) -> dict:
    document = result.document
    figures = Counter(figure.kind.value for figure in result.extraction.figures)
    return {
        "source": document.source,
        "iri": str(report_iri(document)),
        "title": document.meta.title,
        "passages": len(document.passages),
        "sections": len(document.sections),
        "observations": figures.get("observation", 0),
        "targets": figures.get("target", 0),
        "truncated": document.truncation is not None,
    }


def _page_title(results: list[ReportResult]) -> str:
    if len(results) == 1:
        return results[0].document.meta.title
    return f"plankg: {len(results)} reports"


def _build_json(summary: BuildSummary) -> bytes:
    validation = summary.validation
    data = {
        "plankg": __version__,
        "reports": summary.reports,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
        "triples": summary.triples,
        "counts": summary.counts,
        "shacl": {"conforms": validation.conforms, "violations": validation.violations},
        "seconds": {stage: round(value, 3) for stage, value in sorted(summary.seconds.items())},
        "files": list(OUTPUT_FILES),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
