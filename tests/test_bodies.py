"""Government bodies and news media, as reports name them: found by their forms, named in full
by the report's own place, linked to the policies they issue and the reports they present."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from graph.build.pipeline import build
from graph.extract import extract
from graph.read import read_report
from graph.vocab import PLAN

PLAN_REPORT = """关于太原市2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告

——2031年1月8日在太原市第十七届人民代表大会第三次会议上
太原市发展和改革委员会主任 张三

各位代表：

一年来，在党中央、国务院和省委、省政府的坚强领导下，在市委的正确领导下，在市人大及其常委会和市政协的监督支持下，全市上下认真落实中央决策部署。市政府出台《太原市推动先进制造业高质量发展实施方案》，国务院办公厅印发《关于进一步扩大消费的若干措施》。认真执行市十七届人大二次会议审议批准的计划，市发改委会同市统计局、晋源区统计局和国家统计局太原调查队做好监测。中央财政下达资金12亿元，城市政府治理能力提升，各县区人民政府和社区委员会做好服务，市人大代表提出建议，市和县委决策部署落实有力。
"""

NEWS = """某地发布2031年经济发展目标

2031年01月09日 10:20 | 来源:某某日报-经济频道

某某网记者 李四 摄
某某网太原1月9日电 会议确定，全年地区生产总值增长5%左右。
"""


def _bodies(text: str, tmp_path: Path, name: str = "report.txt") -> dict[str, tuple[str, set[str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {m.name: (m.kind, set()) for m in extract(read_report(path)).mentions
            if m.kind in ("GovernmentBody", "Organization")}


def test_bodies_written_with_their_level_alone_are_the_report_places_in_full(tmp_path):
    bodies = _bodies(PLAN_REPORT, tmp_path)
    for name in ("中国共产党太原市委员会", "太原市人民政府", "太原市人民代表大会", "太原市人民代表大会常务委员会",
                 "中国人民政治协商会议太原市委员会", "中国共产党山西省委员会", "山西省人民政府",
                 "太原市发展和改革委员会", "太原市统计局"):
        assert bodies[name][0] == "GovernmentBody", name


def test_bodies_of_the_centre_named_in_full(tmp_path):
    bodies = _bodies(PLAN_REPORT, tmp_path)
    assert {"中国共产党中央委员会", "中华人民共和国国务院", "国务院办公厅"} <= set(bodies)


def test_congresses_of_one_term_districts_and_survey_teams(tmp_path):
    bodies = _bodies(PLAN_REPORT, tmp_path)
    assert "太原市第十七届人民代表大会" in bodies  # 市十七届人大, and the header's meeting
    assert "晋源区统计局" in bodies and "国家统计局太原调查队" in bodies


def test_words_that_only_look_like_bodies_are_none(tmp_path):
    """中央财政 is money, 城市政府 and 社区委员会 are words, 各县区人民政府 names no one government, a
    人大代表 is a person, and 和县 (a county of another province) is no place of 市和县委."""
    names = set(_bodies(PLAN_REPORT, tmp_path))
    assert not any(name.startswith(("县人民政府", "区人民政府", "区委", "中国共产党和县")) for name in names), names
    assert not any("社区" in name or "城市" in name for name in names), names


def test_news_media_named_as_a_source_a_reporter_or_a_dateline(tmp_path):
    bodies = _bodies(NEWS, tmp_path, "news.txt")
    assert bodies["某某日报"][0] == "Organization"
    assert bodies["某某网"][0] == "Organization"


def test_a_report_of_an_unknown_place_keeps_its_bodies_apart_from_another_reports(tmp_path):
    for name, work in (("a.txt", "各项工作稳步推进"), ("b.txt", "经济运行总体平稳")):
        (tmp_path / name).write_text(f"某某工作报告\n\n一年来，在市委坚强领导下，{work}。\n", encoding="utf-8")
    build([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", jobs=1, use_cache=False)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    committees = {s for s, _, label in graph.triples((None, RDFS.label, None))
                  if str(label) == "市委" and (s, RDF.type, PLAN.GovernmentBody) in graph}
    assert len(committees) == 2


def test_the_graph_links_policies_to_their_issuers_and_the_report_to_its_presenter(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(PLAN_REPORT, encoding="utf-8")
    build([path], tmp_path / "out", jobs=1, use_cache=False)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")

    def labelled(label: str) -> Node:
        return next(s for s in graph.subjects(RDFS.label, None) if any(
            str(o) == label for o in graph.objects(s, RDFS.label)))

    report = next(graph.subjects(RDF.type, PLAN.Report))
    assert graph.value(report, DCTERMS.creator) == labelled("太原市发展和改革委员会")
    plan = labelled("太原市推动先进制造业高质量发展实施方案")
    assert graph.value(plan, PLAN.issuedBy) == labelled("太原市人民政府")
    measures = labelled("关于进一步扩大消费的若干措施")
    assert graph.value(measures, PLAN.issuedBy) == labelled("国务院办公厅")
    government = labelled("太原市人民政府")
    assert {str(o) for o in graph.objects(government, SKOS.altLabel)} >= {"市政府"}
