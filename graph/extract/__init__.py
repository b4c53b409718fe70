"""extract: Document -> Extraction, by rules and general lexicons; deterministic, no network.

    clauses, quantities, comparisons, indicators, periods            the parts of a stated figure
    figures, listings, stated                                         observations and targets
    gazetteer, places, zones, localities, abbreviations               divisions, zones, regions,
                                                                      towns, 陕 for 陕西
    names, organizations, projects, policies, sectors, sector_names   the things reports name
    relations                                                         how those things relate
    spans                                                             the matching they share

extract() below is the whole order: each finder reads the document on its own, and two steps
between them settle what one finder's names say about another's.
"""

from __future__ import annotations

from graph.extract.bodies import find_bodies, report_creator
from graph.extract.figures import extract_figures
from graph.extract.organizations import companies_heading_projects, find_organizations
from graph.extract.places import find_places, home_province
from graph.extract.policies import find_policies
from graph.extract.projects import find_projects, listed_companies
from graph.extract.relations import find_relations
from graph.extract.sectors import find_sectors
from graph.extract.spans import inside, longest_prefix
from graph.model import Document, Extraction, Mention

__all__ = ["extract"]


def extract(document: Document) -> Extraction:
    """The things a report names, its figures, and how the things relate, found in this order."""
    organizations = find_organizations(document)  # 山西某某有限公司 ; 推动A、B等重点企业
    bodies = find_bodies(document)  # 市委, 长沙市人民政府, 市十六届人大, 国务院 ; 来源:某某日报
    organizations = organizations_outside_bodies(organizations, bodies)
    places = find_places(document)  # 大同市, 大同 ; 大同经开区 ; 京津冀 ; 塔什干
    places = places_outside_organization_names(places, organizations, document)
    organizations = organizations_outside_zones(organizations, places)  # 中德(某市)合作示范区 is a zone
    projects = find_projects(document)  # 某某基地项目开工建设 ; A、B等一批龙头项目
    owners = owners_named_in_projects(projects, organizations, document)
    owners += listed_companies(document)  # A、B等制造业项目竣工投产: A and B are companies
    owners += companies_heading_projects(projects, document)  # 某某科技先进材料产业基地: 某某科技
    policies = find_policies(document)  # 印发《某市…实施方案》
    sectors = find_sectors(document)  # 能源, 文旅 ; 能源之城
    sectors = sectors_outside_names(sectors, organizations + projects)
    mentions = in_text_order(places + bodies + organizations + owners + projects + policies + sectors)
    return Extraction(
        figures=tuple(extract_figures(document)),  # 地区生产总值完成1815.0亿元，同比增长3.2%
        mentions=tuple(mentions),
        relations=tuple(find_relations(document, mentions)),  # who does what where, from the mentions
        creator=report_creator(document, bodies),  # the office its presenter heads, or its government
    )


def organizations_outside_bodies(organizations: list[Mention], bodies: list[Mention]) -> list[Mention]:
    """市发展和改革委员会 ends as an organization's name does: the body it names is one thing."""
    spans = [(b.passage, b.start, b.end) for b in bodies]
    return [o for o in organizations
            if not any(p == o.passage and s <= o.start and o.end <= e for p, s, e in spans)]


def places_outside_organization_names(places: list[Mention], organizations: list[Mention],
                                      document: Document) -> list[Mention]:
    """A far place's short name inside an organization's name is part of the name (宁德 of 宁德时代)."""
    province = home_province(document)

    def part_of_a_name(place: Mention) -> bool:
        # a full name (大同市 in 大同市某某有限公司) or a place of the report's own province (浑源 in
        # 浑源某某村镇银行) says where the organization is: that place stays
        written = document.text[place.start:place.end]
        far = not place.code or place.code[:2] != (province or "")[:2]
        names_around = [(o.start, o.end) for o in organizations if o.passage == place.passage]
        return written != place.name and far and inside((place.start, place.end), names_around)
    return [place for place in places if not part_of_a_name(place)]


def organizations_outside_zones(organizations: list[Mention], places: list[Mention]) -> list[Mention]:
    """A name that ends as a zone's name ends is the zone's (中德(某市)合作示范区), not an
    organization's; an organization named after a zone (某某高新区管委会) ends later and stays."""
    zones = {(p.passage, p.end): p.start for p in places if p.place_type == "zone"}
    return [o for o in organizations
            if (o.passage, o.end) not in zones or zones[(o.passage, o.end)] > o.start]


def sectors_outside_names(sectors: list[Mention], names: list[Mention]) -> list[Mention]:
    """A sector's word inside an organization's or a project's name is part of the name (物流 of
    某某物流, 新材料 of 某某新材料产业园): a sector named only there is not named by the report.
    One the report names elsewhere keeps the passages of those names too, for relations.py
    reads a project's sector from its name (某某算力中心 is in 算力) and rests it on that passage."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for name in names:
        spans.setdefault(name.passage, []).append((name.start, name.end))
    def in_a_name(sector: Mention) -> bool:
        return inside((sector.start, sector.end), spans.get(sector.passage, []))
    named = {sector.name for sector in sectors if not in_a_name(sector)}
    return [sector for sector in sectors if sector.name in named]


def owners_named_in_projects(projects: list[Mention], organizations: list[Mention],
                             document: Document) -> list[Mention]:
    """A project named after an organization mentions it too: 某公司算力中心二期 names 某公司."""
    known: dict[str, str] = {}
    for organization in organizations:
        known.setdefault(organization.name, organization.kind)
    owners = []
    for project in projects:
        written = document.text[project.start:project.end]
        owner = longest_prefix(written, known, besides=project.name)
        if owner:
            owners.append(Mention(known[owner], owner, project.passage, project.start,
                                  project.start + len(owner)))
    return owners


def in_text_order(mentions: list[Mention]) -> list[Mention]:
    """Mentions by where they stand (passage, span), then kind and name: the same order each build."""
    return sorted(mentions, key=lambda m: (m.passage, m.start, m.end, m.kind, m.name))
