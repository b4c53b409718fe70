"""extract: Document -> Extraction, by rules and general lexicons; deterministic, no network.

    clauses, quantities, comparisons, indicators, periods            the parts of a stated figure
    figures, listings, stated                                         observations and targets
    gazetteer, places, zones, localities, abbreviations               divisions, zones, regions,
                                                                      towns, 陕 for 陕西
    names, bodies, organizations, projects, titles, policies,
    sectors, sector_names                                             the things reports name
    settle                                                            where two finders' names meet
    relations                                                         how those things relate
    spans                                                             the matching they share

extract() below is the whole order: each finder reads the document on its own and proposes
mentions; settle.py's rules, in one place, decide where proposals overlap or two kinds claim one
span; then the names other names imply are added, and the relations read.
"""

from __future__ import annotations

from graph.extract.bodies import find_bodies, report_creator
from graph.extract.figures import extract_figures
from graph.extract.organizations import companies_heading_projects, find_organizations
from graph.extract.places import find_places
from graph.extract.policies import find_policies
from graph.extract.projects import find_projects, listed_companies
from graph.extract.relations import find_relations
from graph.extract.sectors import find_sectors
from graph.extract.settle import Proposals, settle
from graph.extract.spans import longest_prefix
from graph.model import Document, Extraction, Mention

__all__ = ["extract"]


def extract(document: Document) -> Extraction:
    """The things a report names, its figures, and how the things relate, found in this order:
    every finder proposes, settle.py decides where proposals meet, then the names that other
    names imply (a project's company) are added."""
    proposals = settle(Proposals(
        bodies=tuple(find_bodies(document)),  # 市委, 太原市人民政府, 市十五届人大, 国务院 ; 来源:某某日报
        organizations=tuple(find_organizations(document)),  # 山西某某有限公司 ; 推动A、B等重点企业
        places=tuple(find_places(document)),  # 大同市, 大同 ; 大同经开区 ; 京津冀 ; 塔什干
        projects=tuple(find_projects(document)),  # 某某基地项目开工建设 ; A、B等一批龙头项目
        policies=tuple(find_policies(document)),  # 印发《某市…实施方案》
        sectors=tuple(find_sectors(document)),  # 能源, 文旅 ; 能源之城
    ), document)
    projects = list(proposals.projects)
    owners = owners_named_in_projects(projects, list(proposals.organizations), document)
    owners += listed_companies(document)  # A、B等制造业项目竣工投产: A and B are companies
    owners += companies_heading_projects(projects, document)  # 某某科技先进材料产业基地: 某某科技
    mentions = in_text_order(proposals.all() + owners)
    return Extraction(
        figures=tuple(extract_figures(document)),  # 地区生产总值完成1815.0亿元，同比增长3.2%
        mentions=tuple(mentions),
        relations=tuple(find_relations(document, mentions)),  # who does what where, from the mentions
        creator=report_creator(document, list(proposals.bodies)),  # the office its presenter heads
    )


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
