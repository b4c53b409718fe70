"""ontology/: the contract's terms are declared, explained, aligned, covered by shapes, and used
by the code only as declared."""

from __future__ import annotations

from typing import cast

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH, SKOS

from graph.vocab import PLAN, PLAN_IRI, declared_terms, ontology, shapes

CONTRACT_CLASSES = ["Report", "Section", "Passage", "Organization", "Company", "Project", "Policy",
                    "Sector", "Place", "Indicator", "Observation", "Target"]
CONTRACT_PROPERTIES = ["text", "startOffset", "endOffset", "mentionedIn", "indicator", "value", "unit",
                       "growthRate", "rank", "rankScope", "period", "refArea", "qualifier", "targetYear",
                       "status", "involves", "inSector", "locatedIn", "documentType", "relatedTo"]
ORG_ORGANIZATION = URIRef("http://www.w3.org/ns/org#Organization")
QB_OBSERVATION = URIRef("http://purl.org/linked-data/cube#Observation")


def test_every_contract_term_is_declared():
    assert set(CONTRACT_CLASSES) <= declared_terms()
    assert set(CONTRACT_PROPERTIES) <= declared_terms()


@pytest.mark.parametrize("term", sorted(declared_terms()))
def test_every_term_is_labelled_in_chinese_and_english_and_explained(term):
    graph = ontology()
    labels = {cast(Literal, label).language for label in graph.objects(PLAN[term], RDFS.label)}
    assert {"zh", "en"} <= labels
    assert graph.value(PLAN[term], RDFS.comment) is not None


@pytest.mark.parametrize("term", sorted(t for t in declared_terms() if t[0].islower()))
def test_every_property_has_domain_and_range(term):
    graph = ontology()
    assert graph.value(PLAN[term], RDFS.domain) is not None, term
    assert graph.value(PLAN[term], RDFS.range) is not None, term


@pytest.mark.parametrize("cls, parent", [
    ("Report", PROV.Entity), ("Report", DCTERMS.BibliographicResource), ("Section", PROV.Entity),
    ("Passage", PROV.Entity), ("Organization", ORG_ORGANIZATION), ("Company", PLAN.Organization),
    ("Project", PROV.Entity), ("Policy", DCTERMS.BibliographicResource), ("Sector", SKOS.Concept),
    ("Indicator", SKOS.Concept), ("Observation", QB_OBSERVATION),
])
def test_classes_are_aligned_with_the_reused_vocabularies(cls, parent):
    assert (PLAN[cls], RDFS.subClassOf, parent) in ontology()


def test_every_class_of_the_contract_has_a_shape():
    targeted = {str(t)[len(PLAN_IRI):] for t in shapes().objects(None, SH.targetClass)}
    assert set(CONTRACT_CLASSES) <= targeted


def test_every_property_a_shape_constrains_is_declared():
    paths = {str(p)[len(PLAN_IRI):] for p in shapes().objects(None, SH.path) if str(p).startswith(PLAN_IRI)}
    assert paths <= declared_terms()


def test_a_term_the_ontology_does_not_declare_is_an_error():
    with pytest.raises(AttributeError, match="not declared"):
        PLAN.Observaton  # noqa: B018 - the typo is the point


def test_declared_terms_are_classes_or_properties():
    graph = ontology()
    for term in declared_terms():
        kinds = set(graph.objects(PLAN[term], RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
