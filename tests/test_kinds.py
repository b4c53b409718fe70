"""graph/kinds.py declares each kind of thing once; the ontology, the shapes and the page agree."""

from __future__ import annotations

from rdflib import RDFS
from rdflib.namespace import SH

from graph.kinds import FIGURE_KINDS, KIND, KINDS, ORGANIZATION_KINDS, PAGE_ORDER, group_of, most_specific
from graph.page.nodes import NODE_CLASSES
from graph.vocab import PLAN, PLAN_IRI, declared_terms, ontology, shapes


def _subclasses_of(cls: str) -> set[str]:
    found = {cls}
    grown = True
    while grown:
        more = {str(s)[len(PLAN_IRI):] for parent in found for s in ontology().subjects(RDFS.subClassOf, PLAN[parent])
                if str(s).startswith(PLAN_IRI)}
        grown = not more <= found
        found |= more
    return found


def test_every_kind_is_a_class_of_the_ontology_with_a_shape_of_its_own_or_of_a_broader_class():
    targeted = {str(t)[len(PLAN_IRI):] for t in shapes().objects(None, SH.targetClass) if str(t).startswith(PLAN_IRI)}
    for kind in KINDS:
        assert kind.name in declared_terms(), kind.name
        assert any(kind.name in _subclasses_of(cls) for cls in targeted), kind.name


def test_the_organization_group_is_what_the_ontology_says_is_an_organization():
    assert set(ORGANIZATION_KINDS) == _subclasses_of("Organization")
    assert {group_of(kind) for kind in ORGANIZATION_KINDS} == {"Organization"}


def test_every_kind_is_in_its_own_group_or_a_broader_class():
    for kind in KINDS:
        assert kind.name in _subclasses_of(kind.group), kind.name


def test_a_bank_is_more_specific_than_a_company_and_a_company_than_an_organization():
    assert most_specific(["Organization", "Company", "Bank"]) == "Bank"
    assert most_specific(["Organization", "Company"]) == "Company"


def test_the_page_draws_a_node_as_its_most_specific_class():
    assert NODE_CLASSES == PAGE_ORDER
    assert PAGE_ORDER.index("Bank") < PAGE_ORDER.index("Company") < PAGE_ORDER.index("Organization")
    assert set(PAGE_ORDER) == set(KIND)


def test_figures_are_observations_and_targets():
    assert set(FIGURE_KINDS) == {"Observation", "Target"}
    assert all(KIND[kind].hidden_at_first for kind in FIGURE_KINDS)


def test_every_kind_has_its_own_look_on_the_page_or_shares_its_groups():
    looks: dict[tuple[str, str], set[str]] = {}
    for kind in KINDS:
        looks.setdefault((kind.colour, kind.shape), set()).add(kind.group)
    assert all(len(groups) == 1 for groups in looks.values()), looks
