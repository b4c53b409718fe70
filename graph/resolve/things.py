"""Organizations, projects, policies, sectors and places: one entity per real thing.

    a place         keyed by its official division code, so 大同 and 大同市 are one place;
                    other places by name
    an organization its full name absorbs a short form found alone, when the short form starts
                    the full name's own part (鑫达 -> 山西鑫达轻合金有限公司) and no other
                    full name's; different companies sharing a word stay apart
    a project       by its name, phase included: 二期 and 三期 are two projects
    a sector        by its name in the taxonomy, linked to the nearest broader sector the report
                    names; a place likewise to the nearest division it lies in that the report names
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import cast

from graph.extract import gazetteer
from graph.extract.bodies import GOVERNMENT_BODY
from graph.extract.organizations import class_of
from graph.extract.sectors import taxonomy
from graph.iris import slug
from graph.kinds import ORGANIZATION, ORGANIZATION_KINDS, most_specific
from graph.lexicons import rows
from graph.model import Entity, Extraction, Mention, ResolvedRelation
from graph.pinyin import plain
from graph.resolve.indicators import english_label

_LEVEL_WORDS = {"province": ("Province", "省"), "city": ("City", "市")}
_COUNTY_WORDS = (("自治县", "Autonomous County"), ("县", "County"), ("区", "District"), ("市", "City"),
                 ("旗", "Banner"))


def thing_entities(extraction: Extraction) -> tuple[list[Entity], dict[tuple[str, str], tuple[str, str]]]:
    """The entities of the mentions, and (kind, name) of each mention -> (group, key)."""
    mentions = list(extraction.mentions)
    aliases = _organization_aliases(mentions)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    identities: dict[tuple[str, str, str | None], tuple[str, str]] = {}  # a name's slug, made once
    for mention in mentions:
        written = (mention.kind, mention.name, mention.code)
        if written not in identities:
            identities[written] = _identity(mention, aliases)
        groups[identities[written]].append(mention)
    entities = []
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    for (group, key), found in sorted(groups.items()):
        entities.append(_entity(group, key, found))
        for mention in found:
            keys[(mention.kind, mention.name)] = (group, key)
    return entities, keys


def hierarchy(entities: list[Entity]) -> list[ResolvedRelation]:
    """What the reference lists say: a place lies in the nearest larger division the report
    names (平城区 in 大同市), a sector is part of the nearest broader sector the report names."""
    relations = []
    places = {e.key: e for e in entities if e.kind == "Place"}
    for entity in places.values():
        code = dict(entity.attributes).get("divisionCode")
        if code:
            parent = next((f"cn-{d.code}" for d in gazetteer.parents(code) if f"cn-{d.code}" in places), None)
            if parent:
                relations.append(ResolvedRelation(("Place", entity.key), "locatedIn", ("Place", parent), None))
    return relations


def sector_broader(name: str, named: set[str]) -> str | None:
    """The nearest broader sector of the taxonomy that is among `named`."""
    broader = taxonomy().get(name, (None, ""))[0]
    while broader and broader not in named:
        broader = taxonomy().get(broader, (None, ""))[0]
    return broader


def _identity(mention: Mention, aliases: dict[str, str]) -> tuple[str, str]:
    """(group, key) from the mention's kind, name and code alone, so mentions alike share it."""
    if mention.kind == "Place":
        return ("Place", f"cn-{mention.code}") if mention.code else ("Place", slug(mention.name))
    if mention.kind == GOVERNMENT_BODY:
        # 市委 of a report that does not say its city is that report's: keyed by it (code)
        return ORGANIZATION, slug(mention.name) + (f"-{mention.code}" if mention.code else "")
    if mention.kind in ORGANIZATION_KINDS:
        return ORGANIZATION, slug(aliases.get(mention.name, mention.name))
    return mention.kind, slug(mention.name)


def _entity(group: str, key: str, found: list[Mention]) -> Entity:
    names = sorted({m.name for m in found}, key=lambda n: (-len(n), n))
    label = names[0]
    kind = group
    if group == ORGANIZATION:
        ending = class_of(label)  # 某某村镇银行 is a Bank, however a mention took it
        kind = most_specific([m.kind for m in found] + ([ending] if ending else []))
    if group == "Place" and found[0].code:
        label = gazetteer.divisions()[found[0].code].name
    written = {m.written for m in found if m.written}
    return Entity(
        kind=kind, key=key, label=label,
        alt_labels=tuple(sorted((set(names) | written) - {label})),
        passages=tuple(sorted({m.passage for m in found})),
        english=_english(group, label, found[0]),
        attributes=_attributes(group, found))


def _attributes(group: str, found: list[Mention]) -> tuple[tuple[str, str], ...]:
    values: list[tuple[str, str]] = []
    for mention in found:
        values += [("status", status) for status in mention.statuses]
        values += [("action", action) for action in mention.actions]
        for name, value in (("capacity", mention.capacity), ("documentType", mention.document_type),
                            ("validPeriod", mention.valid_period), ("issuer", mention.issuer),
                            ("placeType", mention.place_type)):
            if value:
                values.append((name, value))
        if group == "Place" and mention.code:
            values.append(("divisionCode", mention.code))
    return tuple(sorted(set(values)))


def _organization_aliases(mentions: list[Mention]) -> dict[str, str]:
    """Short name -> the one full name whose own part it starts. Each full name is filed under
    the starts of its own part, so a short name is looked up, not compared with every full name
    (a report naming thousands of companies made that quadratic)."""
    names = {m.name for m in mentions if m.kind in ORGANIZATION_KINDS and m.kind != GOVERNMENT_BODY}
    full = {name for name in names if class_of(name)}
    owners: dict[str, set[str]] = defaultdict(set)
    for name in full:
        own = _own_part(name)
        for length in range(2, len(own) + 1):
            owners[own[:length]].add(name)
    aliases = {}
    for short in names - full:
        if len(owners.get(short, ())) == 1:
            aliases[short] = next(iter(owners[short]))
    return aliases


def _own_part(name: str) -> str:
    """山西鑫达轻合金有限公司 -> 鑫达轻合金有限公司: the name without the places it opens with."""
    previous = None
    while previous != name:
        previous = name
        for length in range(min(6, len(name) - 2), 1, -1):
            head = name[:length]
            if gazetteer.find_division(head) or gazetteer.find_by_short_name(head, None):
                name = name[length:]
                break
    return name


def _english(group: str, label: str, mention: Mention) -> str | None:
    if group == "Sector":
        return taxonomy().get(label, (None, None))[1]
    if group == "Place":
        if mention.code:
            return division_english(mention.code)
        return _lexicon_english().get(label)
    return english_label(label)


def division_english(code: str) -> str:
    """大同市 -> Datong City, 浑源县 -> Hunyuan County, 山西省 -> Shanxi Province."""
    division = gazetteer.divisions()[code]
    short = division.short_name or division.name
    romanized = plain(short).capitalize()
    if division.level in _LEVEL_WORDS and division.name.endswith(_LEVEL_WORDS[division.level][1]):
        return f"{romanized} {_LEVEL_WORDS[division.level][0]}"
    for ending, word in _COUNTY_WORDS:
        if division.name.endswith(ending):
            return f"{romanized} {word}"
    return romanized


@cache
def _lexicon_english() -> dict[str, str]:
    english = dict(cast("tuple[tuple[str, str], ...]", rows("regions.tsv")))  # two columns: region, English
    english.update({name: value for name, value, _ in rows("foreign_places.tsv")})
    return english

