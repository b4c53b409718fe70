"""figures: every figure of a graph as rows of plain data, for the page's Figures view and charts.

A report's part of the page (graph.page.nodes.NetworkPart) carries its figures as these rows, so
that the page of a corpus joins them without reading the graph again, and the network may leave
figures out of its drawing while the table still lists every one. A row holds only what the graph
states (the value as written, "1815.0"); IRIs point into `terms` (labels of indicators, places and
reports) and `sentences` (the passage each figure was derived from).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Identifier, Node

from graph.rdf.triples import SubjectIndex
from graph.vocab import PLAN

FIGURE_CLASSES = ("Observation", "Target")
# A row, in this order; the page's script reads the same names (templates/figures.js)
COLUMNS = ("iri", "cls", "indicator", "area", "period", "targetYear", "value", "unit", "growth",
           "rank", "rankScope", "qualifier", "passage", "report", "actual")
_LITERALS = {"period": PLAN.period, "targetYear": PLAN.targetYear, "value": PLAN.value, "unit": PLAN.unit,
             "growth": PLAN.growthRate, "rank": PLAN.rank, "rankScope": PLAN.rankScope, "qualifier": PLAN.qualifier}
LABEL_TAGS = ("zh", "zh-latn-pinyin", "en")  # a term's labels: Chinese, pinyin, English

Row = tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """One graph's figures: rows (COLUMNS, "" where the graph states nothing), the labels of the
    IRIs they name, and the sentences of their passages."""

    rows: tuple[Row, ...] = ()
    terms: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    sentences: dict[str, str] = field(default_factory=dict)


def figures_to_json(figures: Figures) -> dict:
    return {"rows": [list(row) for row in figures.rows],
            "terms": {iri: list(labels) for iri, labels in sorted(figures.terms.items())},
            "sentences": dict(sorted(figures.sentences.items()))}


def figures_from_json(data: dict | None) -> Figures:
    if not data:
        return Figures()
    return Figures(tuple(tuple(row) for row in data["rows"]),
                   {iri: (labels[0], labels[1], labels[2]) for iri, labels in data["terms"].items()},
                   dict(data["sentences"]))


def figure_rows(graph: Graph | SubjectIndex) -> Figures:
    """The figures a graph states (one report's, or a whole graph.ttl's), in IRI order."""
    rows: list[Row] = []
    terms: dict[str, tuple[str, str, str]] = {}
    sentences: dict[str, str] = {}
    for cls in FIGURE_CLASSES:
        for node in [s for s in _sorted(set(graph.subjects(RDF.type, PLAN[cls]))) if isinstance(s, URIRef)]:
            passage = _first(graph.objects(node, PROV.wasDerivedFrom))
            report = _report_of(graph, passage) if passage is not None else None
            refs = {"indicator": _first(graph.objects(node, PLAN.indicator)),
                    "area": _first(graph.objects(node, PLAN.refArea)), "report": report}
            for ref in refs.values():
                if ref is not None and str(ref) not in terms:
                    terms[str(ref)] = _labels(graph, ref)
            if passage is not None:
                sentences[str(passage)] = " ".join(str(t) for t in _sorted(graph.objects(passage, PLAN.text)))
            literal = {name: _text(_first(graph.objects(node, term))) for name, term in _LITERALS.items()}
            values = {"iri": str(node), "cls": cls, "passage": _text(passage),
                      "actual": _text(_first(graph.objects(node, PLAN.actual))),
                      **{name: _text(ref) for name, ref in refs.items()}, **literal}
            rows.append(tuple(values[name] for name in COLUMNS))
    return Figures(tuple(rows), terms, sentences)


@dataclass
class FigureTable:
    """The figures of many parts joined for the page: rows in IRI order (a figure two parts hold
    is one row), and the plan:actual links found across reports added to their targets."""

    rows: dict[str, Row] = field(default_factory=dict)
    terms: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    sentences: dict[str, str] = field(default_factory=dict)

    def add(self, figures: Figures) -> None:
        for row in figures.rows:
            self.rows.setdefault(row[0], row)
        for iri, labels in figures.terms.items():
            self.terms.setdefault(iri, labels)
        self.sentences.update(figures.sentences)

    def page_data(self, links: Iterable[tuple[str, str, str]] = ()) -> dict:
        """Compact JSON for the page: terms and sentences once each, rows pointing to them by
        index, a target's outcome by its row's index (-1: none)."""
        actual = {source: target for source, target, key in links if key == "actual"}
        order = sorted(self.rows)
        at = {iri: index for index, iri in enumerate(order)}
        term_order = sorted(self.terms)
        term_at = {iri: index for index, iri in enumerate(term_order)}
        passages = sorted(self.sentences)
        passage_at = {iri: index for index, iri in enumerate(passages)}
        ref = {"indicator": term_at, "area": term_at, "report": term_at, "passage": passage_at}
        rows = []
        for iri in order:
            row = dict(zip(COLUMNS, self.rows[iri], strict=True))
            outcome = row["actual"] or actual.get(iri, "")
            row["actual"] = at.get(outcome, -1)  # type: ignore[assignment]
            rows.append([ref[name].get(row[name], -1) if name in ref else row[name] for name in COLUMNS])
        return {"columns": list(COLUMNS), "rows": rows,
                "terms": [[iri, *self.terms[iri]] for iri in term_order],
                "sentences": [self.sentences[iri] for iri in passages]}


def _sorted(terms: Iterable[Node]) -> list[Identifier]:
    """Terms in rdflib's order: every term a graph holds is an Identifier, which sorts."""
    return sorted(cast("Iterable[Identifier]", terms))


def _first(terms: Iterable[Node]) -> Identifier | None:
    found = _sorted(terms)
    return found[0] if found else None


def _text(term) -> str:
    return "" if term is None else str(term)


def _labels(graph: Graph | SubjectIndex, node) -> tuple[str, str, str]:
    """zh, pinyin and English labels; a report is called by its place and date (大同市 2026-01-20)."""
    found: dict[str, str] = {}
    for term in _sorted(graph.objects(node, RDFS.label)):
        if isinstance(term, Literal):
            found.setdefault((term.language or "").lower(), str(term))
    if _is_report(graph, node):
        place = _first(graph.objects(node, DCTERMS.spatial))
        name = _labels(graph, place) if place is not None else ("", "", "")
        date = _text(_first(graph.objects(node, DCTERMS.date)))
        return (" ".join(filter(None, (name[0], date))) or str(node).rsplit("/", 1)[-1],
                " ".join(filter(None, (name[1], date))), " ".join(filter(None, (name[2], date))))
    return (found.get("zh", ""), found.get("zh-latn-pinyin", ""), found.get("en", ""))


def _report_of(graph: Graph | SubjectIndex, node, depth: int = 6):
    """The report a passage is part of (passage -> section -> ... -> report)."""
    for _ in range(depth):
        if _is_report(graph, node):
            return node
        parent = _first(graph.objects(node, DCTERMS.isPartOf))
        if parent is None:
            return None
        node = parent
    return None


def _is_report(graph: Graph | SubjectIndex, node) -> bool:
    return PLAN.Report in set(graph.objects(node, RDF.type))
