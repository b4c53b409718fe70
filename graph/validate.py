"""validate: SHACL shapes (ontology/shapes.ttl) over a built graph, with pyshacl.

The ontology is loaded beside the data so that a plan:Company meets the shapes of plan:Organization.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from graph.vocab import ontology, shapes


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: int
    report: str  # pyshacl's text report: what failed, where


def validate_graph(data: Graph, inplace: bool = False) -> ValidationResult:
    """`inplace`: mix the ontology into `data` itself rather than into a copy (a tenth of a
    second less for a report), for callers that have no further use for the graph."""
    import pyshacl  # imported here: it is slow to import and only validation needs it

    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes(), ont_graph=ontology(), inference="none",
        advanced=True, allow_warnings=True, inplace=inplace)
    violations = sum(1 for _ in results.objects(predicate=SH.result))
    return ValidationResult(bool(conforms), violations, text)

