"""The plan: vocabulary, read from ontology/plan.ttl, the single source of truth for its terms.

`PLAN.Observation` is the IRI of a declared term; `PLAN.Observaton` raises AttributeError, so a
typo in the code fails loudly instead of minting a term the ontology does not have.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import OWL, RDF, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS, XSD

PLAN_IRI = "https://w3id.org/plankg/ontology#"
ID_IRI = "https://w3id.org/plankg/id/"
ONTOLOGY_IRI = URIRef("https://w3id.org/plankg/ontology")
ID = Namespace(ID_IRI)

_SOURCE_ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Path:
    """A file of ontology/: the checkout's own when run from one, else the installed copy."""
    source = _SOURCE_ONTOLOGY / name
    if source.is_file():
        return source
    return Path(str(files("graph.ontology").joinpath(name)))


@cache
def ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_file("plan.ttl"), format="turtle")
    return graph


@cache
def shapes() -> Graph:
    graph = Graph()
    graph.parse(ontology_file("shapes.ttl"), format="turtle")
    return graph


@cache
def declared_terms() -> frozenset[str]:
    """Local names of every class and property plan.ttl declares."""
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    return frozenset(
        str(subject)[len(PLAN_IRI):]
        for kind in kinds
        for subject in ontology().subjects(RDF.type, kind)
        if isinstance(subject, URIRef) and str(subject).startswith(PLAN_IRI)
    )


class _DeclaredNamespace:
    """Like rdflib's DefinedNamespace, but its terms are whatever plan.ttl declares."""

    def __getattr__(self, name: str) -> URIRef:
        return _declared_term(name)

    def __getitem__(self, name: str) -> URIRef:
        return self.__getattr__(name)


@cache
def _declared_term(name: str) -> URIRef:
    """One URIRef per term: a large report's graph names plan:text a hundred thousand times."""
    if name.startswith("__") or name not in declared_terms():
        raise AttributeError(f"plan:{name} is not declared in ontology/plan.ttl")
    return URIRef(PLAN_IRI + name)


PLAN = _DeclaredNamespace()


PREFIXES = {
    "plan": PLAN_IRI, "id": str(ID), "rdfs": str(RDFS), "xsd": str(XSD), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "org": "http://www.w3.org/ns/org#",
    "qb": "http://purl.org/linked-data/cube#", "owl": str(OWL),
}


def bind_prefixes(graph: Graph) -> None:
    """The prefixes plankg's files and queries use, bound in an rdflib graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
