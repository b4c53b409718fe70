"""Each kind of thing the graph holds, declared once: its ontology class and everything the stages
need to know of it (how resolve groups it, how the page draws it).

extract writes a kind's name on each Mention, resolve groups mentions by `group`, rdf types each
entity `plan:<name>`, and the page draws it in its colour and shape. Adding a kind is a row here,
its class in ontology/plan.ttl and its shape in ontology/shapes.ttl (CONTRIBUTING.md has the list).
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANIZATION = "Organization"


@dataclass(frozen=True)
class Kind:
    name: str  # the ontology class: plan:<name>
    group: str  # the IRI namespace, and what resolve merges within: every organization kind is one
    colour: str  # on the page (colour-blind-safe palette after Okabe and Ito)
    shape: str  # vis-network's node shape
    legend: str  # the legend's words: Chinese, then English
    specificity: int = 0  # within a group, the more specific kind first (0): a 村镇银行 is a Bank
    hidden_at_first: bool = False  # the page shows it only when its legend box is ticked
    scheme: tuple[str, str] | None = None  # its skos:ConceptScheme: (IRI under id:, Chinese label)
    own_sector: str | None = None  # the sector what it does is in, whatever the paragraph is about
    figure: bool = False  # a figure (Observation, Target) rather than an entity
    situated: bool = False  # its name or clause may say where it is and its sector (locatedIn, inSector)
    relates: bool = False  # plan:relatedTo what its sentence names with it (extract/relations.py)


# In the order of the page's legend. Indicators and their figures are many and hang together
# apart from the rest: they wait behind their legend box, so the first picture is who does what where.
KINDS = (
    Kind(ORGANIZATION, ORGANIZATION, "#0072B2", "dot", "机构 organization", specificity=3,
         situated=True, relates=True),
    Kind("Company", ORGANIZATION, "#56B4E9", "dot", "企业 company", specificity=2, situated=True, relates=True),
    Kind("Bank", ORGANIZATION, "#56B4E9", "dot", "金融机构 bank", specificity=0, own_sector="金融业",
         situated=True, relates=True),
    Kind("School", ORGANIZATION, "#0072B2", "dot", "学校 school", specificity=1, own_sector="教育",
         situated=True, relates=True),
    Kind("GovernmentBody", ORGANIZATION, "#332288", "hexagon", "党政机关 government body", specificity=1),
    Kind("Project", "Project", "#D55E00", "square", "项目 project", situated=True, relates=True),
    Kind("Policy", "Policy", "#CC79A7", "triangle", "政策 policy", relates=True),
    Kind("Sector", "Sector", "#009E73", "diamond", "产业 sector", scheme=("scheme/sectors", "产业分类")),
    Kind("Place", "Place", "#E69F00", "star", "地点 place", situated=True, relates=True),
    Kind("Indicator", "Indicator", "#000000", "dot", "指标 indicator", hidden_at_first=True,
         scheme=("scheme/indicators", "统计指标")),
    Kind("Observation", "Observation", "#999999", "box", "数据 observation", hidden_at_first=True, figure=True),
    Kind("Target", "Target", "#F0E442", "box", "目标 target", hidden_at_first=True, figure=True),
)
KIND = {kind.name: kind for kind in KINDS}

ORGANIZATION_KINDS = tuple(kind.name for kind in KINDS if kind.group == ORGANIZATION)
FIGURE_KINDS = tuple(kind.name for kind in KINDS if kind.figure)
# Most specific first: a node typed both Bank and Organization is drawn as a Bank
PAGE_ORDER = tuple(kind.name for kind in sorted(
    KINDS, key=lambda kind: ([k.group for k in KINDS].index(kind.group), kind.specificity)))


def group_of(kind: str) -> str:
    """The IRI namespace of a kind: every kind of organization is an organization."""
    return KIND[kind].group


def most_specific(kinds) -> str:
    """Of the kinds one thing's mentions give it, the one it is: a Bank before a Company."""
    return min(kinds, key=lambda kind: KIND[kind].specificity)
