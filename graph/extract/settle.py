"""One step that settles what the finders claim: names inside names, and spans two kinds claim.

Each finder reads the passages on its own and proposes mentions of its kinds. Where proposals
meet, the rules below decide, in this order, each with the sentence that shows it:

    body over organization   市发展和改革委员会主任: the body (委员会 ends company names too)
    zone over organization   中德(某市)合作示范区建设提速: a zone, a place; 某某高新区管委会 stays a body
    project or organization  某某智算中心二期开工建设: one span both claim is a project where its
                             sentence gives it a phase or a project's status, else the organization
    name over far place      宁德时代落地: 宁德 inside a far company's name is part of the name
    name over sector         某某物流园区建成: 物流 inside a project's name is no sector the report names

A rule only removes proposals; it never makes a name. Plain data in, plain data out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from graph.extract.places import home_province
from graph.extract.spans import alternation, inside
from graph.lexicons import column
from graph.model import Document, Mention


@dataclass(frozen=True)
class Proposals:
    """What each finder proposed, kept apart until settled."""

    bodies: tuple[Mention, ...] = ()
    organizations: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    projects: tuple[Mention, ...] = ()
    policies: tuple[Mention, ...] = ()
    sectors: tuple[Mention, ...] = ()

    def all(self) -> list[Mention]:
        return [*self.places, *self.bodies, *self.organizations, *self.projects, *self.policies, *self.sectors]


@dataclass(frozen=True)
class Rule:
    name: str
    example: str  # a sentence that shows the rule, and what it decides there
    apply: Callable[[Proposals, Document], Proposals]


def settle(proposals: Proposals, document: Document) -> Proposals:
    """Apply RULES in order."""
    for rule in RULES:
        proposals = rule.apply(proposals, document)
    return proposals


def _bodies_over_organizations(found: Proposals, document: Document) -> Proposals:
    spans = _spans_by_passage(found.bodies)
    kept = tuple(o for o in found.organizations if not inside((o.start, o.end), spans.get(o.passage, [])))
    return replace(found, organizations=kept)


def _zones_over_organizations(found: Proposals, document: Document) -> Proposals:
    """A name that ends where a zone's name ends is the zone's; one that ends later (管委会) stays."""
    zones = {(p.passage, p.end): p.start for p in found.places if p.place_type == "zone"}
    kept = tuple(o for o in found.organizations
                 if (o.passage, o.end) not in zones or zones[(o.passage, o.end)] > o.start)
    return replace(found, organizations=kept)


@cache
def _project_words() -> re.Pattern:
    statuses = alternation(column("project_statuses.tsv"))
    return re.compile(rf"(?:[一二三四五六七八九十]期)?(?:项目)?(?:[^，,。；;]{{0,6}}?)(?:{statuses})")


def _projects_or_organizations(found: Proposals, document: Document) -> Proposals:
    """One span both claim: a project where the words after it give a phase or a project's status
    (某某智算中心二期开工建设, 某某数据中心建成投运), else an organization (依托某某数据中心, 某某中心发布)."""
    organizations = {(o.passage, o.start, o.end, o.name) for o in found.organizations}
    projects = {(p.passage, p.start, p.end, p.name) for p in found.projects}
    both = organizations & projects  # 以A、B大数据中心为核心 names A and A大数据中心 over one span: two things
    if not both:
        return found
    as_project = {claim for claim in both if _project_words().match(document.text, claim[2])}
    return replace(
        found,
        organizations=tuple(o for o in found.organizations if (o.passage, o.start, o.end, o.name) not in as_project),
        projects=tuple(p for p in found.projects if (p.passage, p.start, p.end, p.name) not in both - as_project))


def _names_over_far_places(found: Proposals, document: Document) -> Proposals:
    """宁德 of 宁德时代 is part of the name; a full name (大同市 in 大同市某某有限公司) or a place of the
    report's own province (浑源 in 浑源某某村镇银行) says where the organization is, and stays."""
    province = home_province(document)
    names = _spans_by_passage(found.organizations)

    def part_of_a_name(place: Mention) -> bool:
        written = document.text[place.start:place.end]
        far = not place.code or place.code[:2] != (province or "")[:2]
        return written != place.name and far and inside((place.start, place.end), names.get(place.passage, []))
    return replace(found, places=tuple(p for p in found.places if not part_of_a_name(p)))


def _names_over_sectors(found: Proposals, document: Document) -> Proposals:
    """A sector named only inside names is not named by the report; one it names elsewhere keeps
    the passages of those names too, for relations.py reads a project's sector from its name
    (某某算力中心 is in 算力) and rests it on that passage."""
    spans = _spans_by_passage((*found.organizations, *found.projects))

    def in_a_name(sector: Mention) -> bool:
        return inside((sector.start, sector.end), spans.get(sector.passage, []))
    named = {sector.name for sector in found.sectors if not in_a_name(sector)}
    return replace(found, sectors=tuple(s for s in found.sectors if s.name in named))


def _spans_by_passage(mentions: Iterable[Mention]) -> dict[int, list[tuple[int, int]]]:
    """Passage -> the spans of the mentions in it: a rule compares a mention with those of its own
    passage only, so it looks up that passage rather than reading every mention of the report."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions:
        spans.setdefault(mention.passage, []).append((mention.start, mention.end))
    return spans


RULES = (
    Rule("body over organization", "市发展和改革委员会主任张三: the body, not a company ending in 委员会",
         _bodies_over_organizations),
    Rule("zone over organization", "中德(某市)合作示范区建设提速: a zone; 某某高新区管委会 stays a body",
         _zones_over_organizations),
    Rule("project or organization", "某某智算中心二期开工建设: a project; 依托某某数据中心: an organization",
         _projects_or_organizations),
    Rule("name over far place", "宁德时代项目落地: 宁德 is part of the company's name", _names_over_far_places),
    Rule("name over sector", "某某物流园区建成: 物流 is part of the project's name", _names_over_sectors),
)
