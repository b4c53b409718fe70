"""Sectors: the taxonomy of the three lexicons, the ways reports write a sector (standard names,
their short forms, ordinals, 民营经济 and its kin), the words that only look like sectors, and the
skos:broader links the graph writes from the classification. Sentences written for the tests."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from graph.build.pipeline import build
from graph.extract import extract
from graph.extract.sector_names import CLASSIFICATIONS, codes, derived_forms, names, taxonomy
from graph.extract.sectors import sector_of, sectors_in
from graph.lexicons import rows
from graph.read import read_report
from graph.resolve import resolve
from graph.vocab import PLAN


def _named(text: str) -> dict[str, str]:
    """Sector -> how the text writes it ('' when as the taxonomy names it)."""
    return {sector: written for _, _, sector, written in sectors_in(text)}


def test_the_classifications_are_whole_and_reach_the_three_sectors():
    gbt = rows("sectors_gbt4754.tsv")
    sections = [code for code, *_ in gbt if code[0].isalpha()]
    divisions = [part for code, *_ in gbt for part in code.split(",") if part.isdigit()]
    assert len(sections) == 20 and divisions == [f"{n:02d}" for n in range(1, 98)]
    strategic = [code for code, *_ in rows("sectors_strategic.tsv")]
    assert len([code for code in strategic if "." not in code]) == 9 and len(strategic) == 49
    tops = {"第一产业", "第二产业", "第三产业", "战略性新兴产业"}
    for sector in taxonomy():  # every broader is a sector, and every chain ends at a top
        chain = [sector]
        while (broader := taxonomy()[chain[-1]][0]) is not None:
            chain.append(broader)
            assert len(chain) < 8, chain
        assert chain[-1] in tops or taxonomy()[chain[0]][0] is None, chain
    assert taxonomy()["汽车制造业"][0] == "制造业" and taxonomy()["制造业"][0] == "工业"
    assert taxonomy()["建筑业"][0] == "第二产业" and taxonomy()["农、林、牧、渔业"][0] == "第一产业"
    assert taxonomy()["金融业"][0] == "第三产业" and codes()["汽车制造业"] == "36"


def test_every_name_names_one_sector_across_the_lexicons():
    listed = [row[0] for row in rows("sectors.tsv")] + [row[1] for name in CLASSIFICATIONS for row in rows(name)]
    others = [other for row in rows("sectors.tsv") for other in row[3].split(",") if other != "-"]
    others += [other for name in CLASSIFICATIONS for row in rows(name) for other in row[4].split(",") if other != "-"]
    every = listed + others
    assert sorted({name for name in every if every.count(name) > 1}) == []


def test_standard_names_and_their_short_forms():
    assert derived_forms("汽车制造业") == ["汽车制造"]
    assert "电气机械" in derived_forms("电气机械和器材制造业")
    assert "通用设备" in derived_forms("通用设备制造业")
    assert derived_forms("农、林、牧、渔业") == ["农林牧渔业"]
    assert not derived_forms("其他制造业") and "石油" not in names()  # too short to stand alone
    named = _named("前十大行业中，煤炭开采、医药制造、黑色金属冶炼分别增长7.4%、12.6%和3.9%。")
    assert named == {"煤炭开采和洗选业": "煤炭开采", "医药制造业": "医药制造",
                     "黑色金属冶炼和压延加工业": "黑色金属冶炼"}
    named = _named("全年农林牧渔业总产值增长3.0%，其中种植业、林业、牧业、渔业和农林牧渔服务业均有增长。")
    assert named == {"农、林、牧、渔业": "农林牧渔业", "农业": "种植业", "林业": "", "畜牧业": "牧业", "渔业": "",
                     "农、林、牧、渔专业及辅助性活动": "农林牧渔服务业"}


def test_a_sector_word_after_a_name_keeps_the_sector():
    assert _named("工业经济企稳回升，光伏产业链延伸。") == {"工业": "工业经济", "光伏": "光伏产业"}
    written = [(s, w) for _, _, s, w in sectors_in("汽车整车产销两旺，汽车制造行业利润增长。")]
    assert written == [("汽车制造业", "汽车整车"), ("汽车制造业", "汽车制造行业")]
    assert _named("新能源汽车产业集群加快成势。") == {"新能源汽车产业": ""}
    assert _named("推进农业产业化经营。") == {"农业": ""}  # 农业 and 产业化, not 农业产业


def test_the_three_sectors_by_their_ordinals():
    assert _named("一季度，一产增加值增长3%，二产增加值增长5%，三产增加值增长6%。") == {
        "第一产业": "一产", "第二产业": "二产", "第三产业": "三产"}
    listed = {sector for _, _, sector, _ in sectors_in("第一、二、三产业增加值分别增长3.2%、6.4%和5.1%。")}
    assert listed == {"第一产业", "第二产业", "第三产业"}
    assert {s for _, _, s, _ in sectors_in("推动农村一二三产融合发展。")} == {"第一产业", "第二产业", "第三产业"}
    assert _named("改变单一产品结构，统一产权登记。") == {}


def test_economies_by_ownership_scope_and_openness():
    text = "壮大民营经济和国有经济，做强县域经济，发展开放型经济、数字经济和海洋经济，外贸稳中提质。"
    assert set(_named(text)) == {"民营经济", "国有经济", "县域经济", "开放型经济", "数字经济", "海洋经济", "外贸"}


@pytest.mark.parametrize("text", [
    "居民消费价格上涨1.5%，其中交通和通信下降1.2%，教育文化和娱乐上涨2.0%，医疗保健上涨0.6%。",
    "市能源局、区教育局联合开展检查，文化馆、体育场全年免费开放。",
    "金融机构各项贷款余额增长9%，用好金融工具，打造特色餐饮街区。",
    "社会消费品零售总额增长8.4%。",
])
def test_words_that_only_look_like_sectors(text):
    assert _named(text) == {}


def test_a_sector_inside_a_name_is_part_of_the_name(tmp_path):
    report = tmp_path / "sectors-test-2024.txt"
    report.write_text("某市2024年国民经济和社会发展计划执行情况\n"
                      "恒远新材料产业园、启明物流园等项目建成投产。\n"
                      "制造业增加值增长7%，其中装备制造业增长9%。\n", encoding="utf-8")
    document = read_report(report)
    resolution = resolve(document, extract(document))
    sectors = {e.label for e in resolution.entities if e.kind == "Sector"}
    assert sectors == {"制造业", "装备制造业"}
    assert sector_of("恒远新材料产业园") == "新材料"  # the name still says its sector


def test_sector_of_takes_the_longest_name_and_of_names_as_long_the_first_listed():
    from graph.extract.sector_names import names

    def by_every_name(text):
        found = [(len(name), -index, sector) for index, (name, sector) in enumerate(names().items()) if name in text]
        return max(found)[2] if found else None
    two = [name for name in names() if len(name) == 2]
    longest = max(names(), key=len)
    for text in ("某某" + longest + "增加值", two[1] + "和" + two[0], "".join(names())[:300], "", "某"):
        assert sector_of(text) == by_every_name(text)


def test_the_graph_links_sectors_by_the_classification(tmp_path):
    report = tmp_path / "sectors-test-2024.txt"
    report.write_text("某市2024年国民经济和社会发展计划执行情况\n"
                      "全年农林牧渔业总产值增长3%，其中牧业增长4%。\n"
                      "工业经济稳步回升，汽车制造增长15%，规上工业增加值增长7.3%。\n"
                      "一产增加值增长3.5%。\n", encoding="utf-8")
    build([report], tmp_path / "out")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    node = {str(label): sector for sector in graph.subjects(RDF.type, PLAN.Sector)
            for label in graph.objects(sector, RDFS.label) if getattr(label, "language", None) == "zh"}
    assert (node["畜牧业"], SKOS.broader, node["农、林、牧、渔业"]) in graph
    assert (node["农、林、牧、渔业"], SKOS.broader, node["第一产业"]) in graph
    assert (node["汽车制造业"], SKOS.broader, node["工业"]) in graph  # 制造业 is not named: the next one up
    assert (node["畜牧业"], SKOS.altLabel, Literal("牧业", lang="zh")) in graph
    assert (node["第一产业"], SKOS.altLabel, Literal("一产", lang="zh")) in graph
    assert (node["工业"], SKOS.altLabel, Literal("工业经济", lang="zh")) in graph
