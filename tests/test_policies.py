"""Policies in reports written for these tests: titles without 《》 (a year's plan, a five-year
plan, numbered titles, the notice that issues a plan), and the slogans that are none."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.read import parse_document

PLAN_REPORT = "关于青川市2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告\n\n各位代表：\n\n"
NEWS = "青川两会观察\n\n"


def _policies(text: str) -> dict:
    document = parse_document(text, "test.txt")
    return {m.name: m for m in extract(document).mentions if m.kind == "Policy"}


def test_a_plan_reports_title_names_its_two_plans():
    policies = _policies(PLAN_REPORT + "一、2030年国民经济和社会发展计划执行情况\n\n全市经济稳中有进。\n")
    assert set(policies) == {"青川市2030年国民经济和社会发展计划", "青川市2031年国民经济和社会发展计划草案"}
    reviewed = policies["青川市2030年国民经济和社会发展计划"]
    assert (reviewed.document_type, reviewed.actions) == ("计划", ("执行",))
    assert policies["青川市2031年国民经济和社会发展计划草案"].document_type == "计划"


def test_a_heading_names_the_plan_of_a_report_without_a_title():
    text = ("一、2030年国民经济和社会发展规划执行情况\n\n全区经济稳中有进。\n"
            "二、2031年国民经济和社会发展规划(草案)\n\n全区经济增长5%左右。\n")
    assert set(_policies(text)) == {"2030年国民经济和社会发展规划", "2031年国民经济和社会发展规划(草案)"}


def test_the_notice_that_issues_a_plan():
    text = ("青川市人民政府\n关于印发青川市2031年国民经济和\n社会发展计划的通知\n\n各县区人民政府：\n\n"
            "《青川市2031年国民经济和社会发展计划》已经市人民代表大会审议通过，现印发给你们。\n")
    policies = _policies(text)
    assert set(policies) == {"关于印发青川市2031年国民经济和社会发展计划的通知", "青川市2031年国民经济和社会发展计划"}
    notice = policies["关于印发青川市2031年国民经济和社会发展计划的通知"]
    assert (notice.document_type, notice.issuer) == ("通知", "青川市人民政府")


@pytest.mark.parametrize("sentence, expected", [
    ("“十五五”规划开局良好。", {"十五五规划"}),
    ("编制国民经济和社会发展第十五个五年规划纲要。", {"国民经济和社会发展第十五个五年规划纲要"}),
    ("出台“稳岗留工”12条、促进消费扩容30条等政策措施，市场预期持续改善。", {"稳岗留工12条", "促进消费扩容30条"}),
    ("在全市率先印发支持实体经济发展15条。", {"支持实体经济发展15条"}),
    ("“激发市场活力25条”落地见效。", {"激发市场活力25条"}),
    ("全面落实先进制造业“1+3+N”政策体系。", {"先进制造业1+3+N政策体系"}),
    ("深入实施文旅融合提升三年行动，游客人数稳步增长。", {"文旅融合提升三年行动"}),
])
def test_titles_written_without_marks(sentence, expected):
    assert set(_policies(NEWS + sentence + "\n")) == expected


def test_a_numbered_title_keeps_the_verb_that_issued_it():
    policies = _policies(NEWS + "出台“稳岗留工”12条、促进消费扩容30条等政策措施。\n")
    assert policies["稳岗留工12条"].actions == ("出台",)


@pytest.mark.parametrize("sentence", [
    "新开通公交线路10条，新增停车泊位3000个。",  # a count of things, not a title
    "精心打造5条特色街区。",
    "深入开展“项目建设年”活动。",  # campaigns and slogans
    "坚定实施“一核三带”战略。",
    "持续开展“比学赶超”行动。",
    "“十五五”时期是关键五年。",
    "依照条例第十二条处理。",
])
def test_counts_slogans_and_campaigns_are_not_policies(sentence):
    assert _policies(NEWS + sentence + "\n") == {}


def test_the_work_report_is_a_policy_where_it_is_not_the_report_itself():
    sentence = "市长在会上作政府工作报告。\n"
    assert set(_policies(NEWS + sentence)) == {"政府工作报告"}
    assert _policies("青川市政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府作政府工作报告。\n") == {}
