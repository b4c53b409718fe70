"""compile: one report file -> everything a build needs of it, as plain data.

A CompiledReport is what a worker process sends back and what the build cache keeps between
builds: the report's named graph as N-Triples lines, the keys that link its targets to outcomes
stated in other reports, its part of the network page, its SHACL result and its line in
build.json. Nothing in it depends on another report, so reports compile apart: in parallel, or
once and reused while their text stays the same.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph.build.serialize import ntriples_lines
from graph.build.validate import BackgroundCheck, ValidationResult, validate_lines
from graph.extract import extract
from graph.iris import report_iri, report_key
from graph.model import ReportResult
from graph.page.nodes import NetworkPart, network_part
from graph.rdf import FigureKey, figure_keys, report_triples
from graph.read import read_report
from graph.resolve import resolve


@dataclass(frozen=True)
class CompiledReport:
    source: str  # the path as given to the build
    sha256: str  # of the file's bytes
    iri: str
    title: str
    entry: dict  # its line in build.json
    lines: tuple[str, ...]  # its named graph: sorted canonical N-Triples lines
    figures: tuple[FigureKey, ...]
    network: NetworkPart | None  # None once the build has put it in its spool
    validation: ValidationResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    text: str | None = None  # the text read from a PDF, Word or HTML file, which its offsets point into


def compile_report(path: Path, checker: BackgroundCheck | None = None) -> CompiledReport:
    """Read, extract, resolve, write and check one report (raises InputError for a bad file).
    With a `checker`, the graph is handed to it the moment it is made, and the check is left
    to it (validation stays None): a one-report build then need not wait for the check."""
    seconds: dict[str, float] = {}
    with timed(seconds, "read"):
        document = read_report(path)
    with timed(seconds, "extract"):
        extraction = extract(document)
    with timed(seconds, "resolve"):
        result = ReportResult(document, extraction, resolve(document, extraction))
    with timed(seconds, "rdf"):
        triples = report_triples(result)
    with timed(seconds, "network"):
        part = network_part(triples.index())
    with timed(seconds, "rdf"):
        lines = tuple(ntriples_lines(triples.drain()))  # the triples let go as written: a large report's are a gigabyte
        if checker:
            checker.send(lines)
    validation = None
    if checker is None:
        with timed(seconds, "validate"):
            validation = validate_lines(lines)
    return CompiledReport(
        source=str(path), sha256=document.sha256, iri=str(report_iri(document)),
        title=document.meta.title, entry=_entry(result), lines=lines, figures=figure_keys(result),
        network=part, validation=validation, seconds=seconds,
        text=document.text if document.read_from else None)


def _entry(result: ReportResult) -> dict:
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
        # bad bytes read as U+FFFD: where they are in the file, and in the text offsets point into
        "replaced": {"count": len(document.replaced), "byte_offsets": [at for at, _ in document.replaced],
                     "text_offsets": [at for _, at in document.replaced]},
        # stretches too long to be a sentence, left out of the passages: their spans in the text
        "unread": [list(span) for span in document.unread],
        # a PDF, Word or HTML file: the text plankg read from it, which the offsets point into
        **({"read_from": document.read_from, "text": text_file(document)} if document.read_from else {}),
    }


def text_file(document) -> str:
    """Where, in the output folder, the text read from a PDF, Word or HTML file is kept."""
    return f"text/{report_key(document)}.txt"


class timed:
    """Adds the seconds a block takes to seconds[name]."""

    def __init__(self, seconds: dict[str, float], name: str):
        self.seconds, self.name = seconds, name

    def __enter__(self):
        self.started = time.perf_counter()

    def __exit__(self, *exc):
        self.seconds[self.name] = self.seconds.get(self.name, 0.0) + time.perf_counter() - self.started
        return False
