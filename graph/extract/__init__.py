"""extract: Document -> Extraction, by rules and general lexicons; deterministic, no network.

    clauses, quantities, comparisons, indicators, periods, figures   observations and targets
    gazetteer, places                                                 divisions, zones, regions
    names, organizations, projects, policies, sectors                 the things reports name
    relations                                                         how those things relate
"""

from __future__ import annotations

from graph.extract.figures import extract_figures
from graph.extract.organizations import find_organizations
from graph.extract.places import find_places, home_province
from graph.extract.policies import find_policies
from graph.extract.projects import find_projects
from graph.extract.relations import find_relations
from graph.extract.sectors import find_sectors
from graph.model import Document, Extraction, Mention

__all__ = ["extract"]


def extract(document: Document) -> Extraction:
    organizations = find_organizations(document)
    places = _outside_names(find_places(document), organizations, document)
    projects = find_projects(document)
    organizations += _owners_named_in(projects, organizations, document)
    mentions = places + organizations + projects + find_policies(document) + find_sectors(document)
    mentions.sort(key=lambda m: (m.passage, m.start, m.end, m.kind, m.name))
    return Extraction(
        figures=tuple(extract_figures(document)),
        mentions=tuple(mentions),
        relations=tuple(find_relations(document, mentions)),
    )


def _owners_named_in(projects, organizations, document):
    """某公司算力中心二期 names 某公司 too: the organization is mentioned where its project is."""
    known = {}
    for organization in organizations:
        known.setdefault(organization.name, organization.kind)
    owners = []
    for project in projects:
        written = document.text[project.start:project.end]
        owner = next((name for name in sorted(known, key=len, reverse=True)
                      if written.startswith(name) and project.name != name), None)
        if owner:
            owners.append(Mention(known[owner], owner, project.passage, project.start,
                                  project.start + len(owner)))
    return owners


def _outside_names(places, organizations, document):
    """A far place's short name inside an organization's name (宁德 in 宁德时代, a company of
    another province) is part of the name; a full name (大同市 in 大同市某某有限公司) or a place of
    the report's own province (浑源 in 浑源某某村镇银行) says where the organization is."""
    province = home_province(document)

    def inside(place):
        written = document.text[place.start:place.end]
        far = not place.code or place.code[:2] != (province or "")[:2]
        return written != place.name and far and any(
            o.passage == place.passage and o.start <= place.start and place.end <= o.end
            for o in organizations)
    return [place for place in places if not inside(place)]
