"""How the things a passage names relate, each relation resting on the passage that states it.

    involves    a project whose name starts with an organization's name: 某公司算力中心二期 involves 某公司
    inSector    a project or organization whose name, clause or paragraph names a sector: the nearest wins
                (its own name, then its clause, then the sector its paragraph opens with: 能源之城加速崛起。)
    locatedIn   a project, organization or zone whose name holds a place: 晋北某某基地 is in 晋北
    issuedBy    a policy and the body the sentence says issued it: 国务院印发《…》
    relatedTo   any two organizations, projects, policies or places named in one sentence that are
                not already related otherwise (the report's own city and province aside: they are
                named everywhere)
"""

from __future__ import annotations

import re
from itertools import combinations

from graph.extract.sectors import sector_of
from graph.extract.spans import inside, longest_prefix
from graph.kinds import KIND, ORGANIZATION_KINDS
from graph.model import Document, Mention, Relation

_LEAD_MAX_CHARS = 16
_CITY_OF = re.compile(r"([\u4e00-\u9fff]{1,4})之城")  # 能源之城, 算力之城


def find_relations(document: Document, mentions: list[Mention]) -> list[Relation]:
    by_passage: dict[int, list[Mention]] = {}
    for mention in mentions:
        passage = document.passages[mention.passage]
        # a name a heading or the report's title writes is mentioned in the passage it opens, but
        # stated with nothing there
        if passage.start <= mention.start and mention.end <= passage.end:
            by_passage.setdefault(mention.passage, []).append(mention)
    lead_sectors = _paragraph_sectors(document)
    organizations = {m.name: m.kind for m in mentions if m.kind in ORGANIZATION_KINDS}
    home = _home_places(document, mentions)
    relations: list[Relation] = []
    for index, found in sorted(by_passage.items()):
        passage = document.passages[index]
        specific: set[frozenset] = set()
        for mention in found:
            for relation in _about(mention, found, organizations, lead_sectors.get(passage.paragraph),
                                   document, passage):
                relations.append(relation)
                specific.add(frozenset((relation.subject, relation.object)))
        for policy, issuer in _issued_by(found, document):
            relations.append(Relation(policy, "issuedBy", issuer, index))
            specific.add(frozenset((policy, issuer)))
        relations += _stated_together(found, specific, home, index)
    return sorted(set(relations), key=lambda r: (r.passage, r.predicate, r.subject, r.object))


def _issued_by(found: list[Mention], document: Document) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """国务院印发《…》 ; 某市人民政府关于印发…的通知: the policy's issuer, as policies.py read it, is the
    body named right before it in the sentence."""
    pairs = []
    for policy in found:
        if policy.kind != "Policy" or not policy.issuer:
            continue
        before = [m for m in found if m.kind in ORGANIZATION_KINDS and m.end <= policy.start
                  and document.text[m.start:m.end].endswith(policy.issuer[-2:])]
        if before:
            body = max(before, key=lambda m: m.end)
            pairs.append(((policy.kind, policy.name), (body.kind, body.name)))
    return pairs


def _about(mention: Mention, found: list[Mention], organizations: dict[str, str],
           lead_sector: tuple[str, int] | None, document: Document, passage) -> list[Relation]:
    if not KIND[mention.kind].situated:
        return []
    key = (mention.kind, mention.name)
    mention_span = (mention.start, mention.end)
    relations = []
    if mention.kind == "Project":
        owner = longest_prefix(mention.name, organizations, besides=mention.name)
        if owner:
            relations.append(Relation(key, "involves", (organizations[owner], owner), mention.passage))
    for place in found:
        if place.kind == "Place" and place is not mention and inside((place.start, place.end), [mention_span]):
            relations.append(Relation(key, "locatedIn", ("Place", place.name), mention.passage))
    # What a bank or a school does is its sector, whatever the paragraph is about; it is related to
    # that sector where its sentence names it, and to no other
    own_sector = KIND[mention.kind].own_sector
    if own_sector:  # a bank is in finance when the sentence says finance
        if any(m.kind == "Sector" and m.name == own_sector for m in found):
            relations.append(Relation(key, "inSector", ("Sector", own_sector), mention.passage))
    elif mention.kind != "Place":
        sector = sector_of(mention.name) or _clause_sector(document, passage, mention, found)
        if sector:
            relations.append(Relation(key, "inSector", ("Sector", sector), mention.passage))
        elif lead_sector:
            sector, lead = lead_sector
            relations.append(Relation(key, "inSector", ("Sector", sector), mention.passage, lead))
    return relations


def _clause_sector(document: Document, passage, mention: Mention, found: list[Mention]) -> str | None:
    """The sector named in the clause around a mention, other names in it aside (环晟光伏 names a
    company, not the clause's sector)."""
    chars = list(document.text[passage.start:passage.end])
    for other in found:
        if other.kind != "Sector" and other.kind != "Place":
            for position in range(other.start - passage.start, other.end - passage.start):
                chars[position] = "，" if other is mention else " "
    text = "".join(chars)
    at = mention.start - passage.start
    begin = max(text.rfind(mark, 0, at) for mark in "；。;") + 1
    begin = max(begin, text.rfind("，", 0, at) + 1)
    stops = [i for i in (text.find(mark, at + 1) for mark in "，；。,;") if i >= 0]
    return sector_of(text[begin:min(stops) if stops else len(text)])


def _paragraph_sectors(document: Document) -> dict[int, tuple[str, int]]:
    """The sector each paragraph opens with (能源之城加速崛起。 / 现代农业提质增效。), and the
    passage that says so."""
    sectors: dict[int, tuple[str, int]] = {}
    for passage in document.passages:
        if passage.paragraph in sectors:
            continue
        first = passage.index == 0 or document.passages[passage.index - 1].paragraph != passage.paragraph
        if first and len(passage.text) <= _LEAD_MAX_CHARS:
            city = _CITY_OF.search(passage.text)
            sector = sector_of(city.group(1)) if city else sector_of(passage.text)
            if sector:
                sectors[passage.paragraph] = (sector, passage.index)
    return sectors


def _home_places(document: Document, mentions: list[Mention]) -> set[str]:
    """The report's city and the province it is in: named everywhere, related to everything."""
    city = document.meta.city
    home = {city} if city else set()
    for mention in mentions:
        if mention.kind == "Place" and mention.name == city and mention.code:
            home.add(mention.code[:2] + "0000")
    return home


def _stated_together(found: list[Mention], specific: set[frozenset], home: set[str],
                     passage: int) -> list[Relation]:
    things = sorted({(m.kind, m.name) for m in found
                     if KIND[m.kind].relates
                     and not (m.kind == "Place" and (m.name in home or (m.code or "") in home))})
    return [Relation(a, "relatedTo", b, passage) for a, b in combinations(things, 2)
            if frozenset((a, b)) not in specific and a[1] != b[1]]
