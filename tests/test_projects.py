"""Projects in sentences written for these tests: exact names, never a clause cut at an ending,
never a kind of project, and the companies a list of an industry's projects names."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.read import parse_document

HEADER = "关于某市2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告\n\n各位代表：\n\n"


def _mentions(sentence: str) -> list:
    document = parse_document(HEADER + sentence + "\n", "test.txt")
    return list(extract(document).mentions)


def _projects(sentence: str) -> dict[str, tuple[str, ...]]:
    return {m.name: m.statuses for m in _mentions(sentence) if m.kind == "Project"}


def test_a_list_of_an_industrys_projects_names_companies_and_their_projects():
    sentence = "华晟光电、瑞丰精工、北辰药业等制造业项目建成投产，青禾冷链、远航快递等服务业项目投入运营。"
    assert _projects(sentence) == {"华晟光电项目": ("建成投产",), "瑞丰精工项目": ("建成投产",),
                                   "北辰药业项目": ("建成投产",), "青禾冷链项目": ("运营",),
                                   "远航快递项目": ("运营",)}
    companies = {m.name for m in _mentions(sentence) if m.kind == "Company"}
    assert companies == {"华晟光电", "瑞丰精工", "北辰药业", "青禾冷链", "远航快递"}


@pytest.mark.parametrize("sentence, expected", [
    ("东岭铝材、南川锂能等20亿元以上项目加快建设。", {"东岭铝材项目", "南川锂能项目"}),  # a size, not a count
    ("西河化工、北坡陶瓷等省市重点项目相继开工。", {"西河化工项目", "北坡陶瓷项目"}),
    ("西河化工、北坡陶瓷等一批国家级重大项目落地。", {"西河化工项目", "北坡陶瓷项目"}),
])
def test_a_list_qualified_by_size_or_rank_names_each_project(sentence, expected):
    assert set(_projects(sentence)) == expected


def test_a_list_with_a_count_names_no_project():
    assert _projects("东岭铝材、南川锂能等12个项目加快建设。") == {}


@pytest.mark.parametrize("sentence, expected", [
    ("全省首个百亿级调水工程白鹭水库开工建设。", {"白鹭水库": ("开工建设",)}),  # the kind, then the name
    ("太焦铁路建成通车，大兴机场二期开工。", {"太焦铁路": ("建成通车",), "大兴机场二期": ("开工",)}),
    ("青山港加快建设。", {"青山港": ("加快建设",)}),
    ("沿江快速路、东外环高速有序推进。", {"沿江快速路": ("有序推进",), "东外环高速": ("有序推进",)}),
    ("西部陆海新通道加快建设。", {"西部陆海新通道": ("加快建设",)}),
    # a phase and the part of the site it builds: one project, not 青山港二期 and 码头工程
    ("青山港二期码头工程建成投运。", {"青山港二期码头工程": ("建成", "投运")}),
    ("城市轨道交通1号线开工建设，青江大桥建成通车，城东隧道主体完工。",
     {"城市轨道交通1号线": ("开工建设",), "青江大桥": ("建成通车",), "城东隧道": ("完工",)}),
])
def test_names_that_end_otherwise_than_project(sentence, expected):
    assert _projects(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "确保各项目标任务全面完成。",  # 各项目标: the ending runs on into another word
    "牢牢抓住经济建设这一中心工作不动摇。",
    "加快建设区域科创中心城市。",  # a city's ambition, not a project
    "围绕“先进制造名城、内陆开放枢纽”城市定位持续发力。",
    "加快“两中心一枢纽”建设。",  # a piece of a slogan
    "“双创”示范基地建设成效明显。",  # a quoted slogan and generic words
    "深入开展高质量项目攻坚行动。",
    "健全完善项目储备机制。",
    "新建病险水库除险加固工程。",
    "积极争取国际机场、支线机场布局。",
    "城市快速路体系进一步完善。",
    "过去一年，我们坚定不移抓项目扩投资。",  # a pronoun and a verb before 项目: no name
])
def test_clause_fragments_and_generic_phrases_are_not_projects(sentence):
    assert _projects(sentence) == {}


def test_a_name_is_cut_after_a_verb_of_commitment_before_it():
    """确保某山大学新校区9月建成招生: 确保 is the sentence's, never the start of a name."""
    names = [m.name for m in _mentions("确保某山大学新校区9月建成招生。")]
    assert names and not [name for name in names if name.startswith("确保")]


def test_zones_listed_before_a_kind_of_platform_are_no_companies():
    """某川新区、临港产业园、综合保税区等开放平台: zones by their endings, where 京东、阿里巴巴等电商平台
    are firms."""
    kinds = {(m.kind, m.name) for m in _mentions("某川新区、临港产业园、综合保税区等开放平台能级持续提升。"
                                                 "推动京东、阿里巴巴等电商平台落户。")}
    firms = [name for kind, name in kinds if kind in ("Company", "Organization")]
    assert not [name for name in firms if name.endswith(("新区", "产业园", "保税区"))]
    assert ("Company", "京东") in kinds and ("Company", "阿里巴巴") in kinds
