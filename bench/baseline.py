"""The naive baseline plankg's build is compared with: the same reading and extraction, but done
the obvious way: one process, every report added to one rdflib Dataset (rdflib's default
in-memory store), the union checked by pyshacl and written by rdflib's Turtle and TriG writers.

    python bench/baseline.py REPORTS_FOLDER OUT_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Dataset, Graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build.pipeline import collect_reports  # noqa: E402
from graph.build.validate import validate_graph  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.iris import report_iri  # noqa: E402
from graph.model import ReportResult  # noqa: E402
from graph.rdf import add_report, bind_prefixes  # noqa: E402
from graph.read import read_report  # noqa: E402
from graph.resolve import resolve  # noqa: E402


def main(folder: Path, out: Path) -> None:
    dataset = Dataset()
    bind_prefixes(dataset)
    for path in collect_reports([folder]):
        document = read_report(path)
        extraction = extract(document)
        result = ReportResult(document, extraction, resolve(document, extraction))
        add_report(dataset.graph(report_iri(document)), result)
    union = Graph()
    bind_prefixes(union)
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    validation = validate_graph(union)
    out.mkdir(parents=True, exist_ok=True)
    union.serialize(out / "graph.ttl", format="turtle")
    dataset.serialize(out / "graph.trig", format="trig")
    print(f"{len(union)} triples, SHACL {'conforms' if validation.conforms else 'fails'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
