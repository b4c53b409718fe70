"""settle.py: where two finders' names meet, one rule decides, and each rule shows its sentence."""

from __future__ import annotations

import re
from pathlib import Path

from graph.extract import extract
from graph.extract.settle import RULES, Proposals, settle
from graph.model import Mention
from graph.read import read_report


def _document(tmp_path: Path, sentence: str):
    path = tmp_path / "report.txt"
    path.write_text(f"某某市2024年政府工作报告\n\n{sentence}\n", encoding="utf-8")
    return read_report(path)


def _claimed_twice(document, name: str) -> Proposals:
    passage = document.passages[0]
    start = document.text.index(name)
    span = (passage.index, start, start + len(name))
    return Proposals(organizations=(Mention("Organization", name, *span),), projects=(Mention("Project", name, *span),))


def test_every_rule_is_named_and_shows_its_sentence():
    assert [rule.name for rule in RULES] == ["body over organization", "zone over organization",
                                            "project or organization", "name over far place", "name over sector"]
    assert all(re.match(r"^[\u4e00-\u9fff（）()]{4,}.*: ", rule.example) for rule in RULES)


def test_one_name_claimed_as_project_and_organization_is_a_project_where_a_status_follows(tmp_path):
    document = _document(tmp_path, "北方智算中心二期开工建设。")
    settled = settle(_claimed_twice(document, "北方智算中心"), document)
    assert [m.kind for m in settled.projects] == ["Project"] and settled.organizations == ()


def test_one_name_claimed_as_project_and_organization_is_an_organization_elsewhere(tmp_path):
    document = _document(tmp_path, "依托北方智算中心，发展算力服务。")
    settled = settle(_claimed_twice(document, "北方智算中心"), document)
    assert [m.kind for m in settled.organizations] == ["Organization"] and settled.projects == ()


def test_a_body_is_no_company_and_a_sector_inside_a_name_is_the_names(tmp_path):
    document = _document(tmp_path, "太原市发展和改革委员会牵头，大同市万家物流产业园项目开工。")
    kinds = {(m.kind, m.name) for m in extract(document).mentions}
    assert ("GovernmentBody", "太原市发展和改革委员会") in kinds
    assert not any(kind in ("Company", "Organization") and "委员会" in name for kind, name in kinds)
    assert ("Sector", "物流") not in kinds and ("Project", "大同市万家物流产业园项目") in kinds
