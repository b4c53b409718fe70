"""Entities and relations: what the seed and the test reports name, found by how reports write
names, resolved to one node each, and every label and relation walked back to a passage."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEEDS
from rdflib import RDF, Graph
from rdflib.namespace import DCTERMS, PROV

from graph.build.pipeline import build
from graph.extract import extract
from graph.read import read_report
from graph.resolve import resolve
from graph.vocab import PLAN

ORGANIZATION_KINDS = ("Organization", "Company", "Bank", "School")


def _entities(path=None, document=None):
    document = document or read_report(path)
    resolution = resolve(document, extract(document))
    return {(e.kind, e.label): e for e in resolution.entities}, resolution


def _of_kind(entities, *kinds):
    return {label for kind, label in entities if kind in kinds}


def _attributes(entity, name):
    return sorted(value for key, value in entity.attributes if key == name)


@pytest.fixture(scope="module")
def seed(seed_document):
    return _entities(document=seed_document)


def test_seed_companies_banks_and_schools(seed):
    entities, _ = seed
    companies = _of_kind(entities, "Company")
    # by their ending
    assert {"山西御鑫隆轻合金有限公司", "大同市巴什卡机械制造有限公司"} <= companies
    # in lists: 推动A、B等重点企业 / A、B等企业 / 以A、B…为核心 / A、B成为…企业 / 入驻A等平台
    assert {"宁德时代", "海博思创", "隆基光伏", "阳光电源", "秦云", "秦淮", "中联", "抖音", "京东",
            "中车爱碧玺铸造", "大同日立变频器", "亚马逊"} <= companies
    assert _of_kind(entities, "Bank") == {"天镇农信社", "浑源慧融村镇银行", "平城京都村镇银行"}
    schools = {"大同师范专科学校", "数据科技职业学校", "山西大学大同校区", "实验小学广胜分校"}
    assert schools <= _of_kind(entities, "School")


def test_seed_projects_with_their_status(seed):
    entities, _ = seed
    expected = {
        "塔山三期煤电项目": ["获得核准"],
        "晋北采煤沉陷区大型风电光伏基地项目": ["开工建设"],
        "抖音火山云算力中心二期": ["加快建设"],
        "京东智能算力中心三期": ["加快建设"],
        "阿斯通服务器制造项目": ["开工", "投产"],
        "华阳T1000级高性能碳纤维项目": ["竣工投产"],
        "中能建煤矸石综合利用项目": ["投产"],
        "同煤快线西段续建工程": ["建成通车"],
        "国家数据标注基地": ["加速推进"],
        "国电湖东煤电项目": ["有序推进"],
        "晋控同热三期煤电项目": ["有序推进"],
        "深农投特色农产品基地": ["落地"],
        "凯盛浩丰智慧温室": ["落地"],
        "秦能科技项目": ["入围"],
    }
    for name, statuses in expected.items():
        assert _attributes(entities["Project", name], "status") == sorted(statuses), name
    assert _attributes(entities["Project", "国电湖东煤电项目"], "capacity") == ["2×100万千瓦"]


def test_seed_policies_with_type_action_and_period(seed):
    entities, _ = seed
    policies = {label: entity for (kind, label), entity in entities.items() if kind == "Policy"}
    expected = {
        "大同市碳达峰实施方案": ("实施方案", "印发"),
        "大同市全域旅游(全国重点旅游城市)发展规划(2025-2035年)": ("规划", "印发"),
        "大同古城文旅业态发展扶持奖励办法(试行)": ("办法", "落实"),
        "进一步加快新能源商用车互通互换生态建设若干措施": ("若干措施", "制定出台"),
        "大同市贯彻落实〈全国统一大市场建设指引(试行)〉重点任务清单": ("清单", "出台"),
        "2025大同外商投资指南": ("指南", "发布"),
        "大同市科技计划项目管理办法": ("管理办法", "出台"),
        "大同市公立医院高质量发展医疗服务项目改革工作方案": ("工作方案", "出台"),
        "大同市公立医院人员编制动态统筹使用办法": ("办法", "出台"),
        "政府工作报告": ("政府工作报告", "审议批准"),
    }
    # the two plans the report's title names, written without 《》
    plans = {"大同市2025年国民经济和社会发展规划", "大同市2026年国民经济和社会发展规划(草案)"}
    assert set(policies) == set(expected) | plans
    assert _attributes(policies["大同市2025年国民经济和社会发展规划"], "action") == ["执行"]
    for title, (kind, action) in expected.items():
        assert (_attributes(policies[title], "documentType"), _attributes(policies[title], "action")) == (
            [kind], [action]), title
    plan = policies["大同市全域旅游(全国重点旅游城市)发展规划(2025-2035年)"]
    assert _attributes(plan, "validPeriod") == ["2025-2035"]
    assert ("Policy", "如梦大同") not in entities  # a show's title, not a document


def test_seed_sectors_and_places(seed):
    entities, _ = seed
    assert {"煤炭工业", "装备制造业", "新能源", "新材料", "现代医药", "算力", "文化旅游", "康养",
            "现代农业", "数字经济"} <= _of_kind(entities, "Sector")
    places = {label: entity for (kind, label), entity in entities.items() if kind == "Place"}
    assert {"大同市", "山西省", "平城区", "云冈区", "浑源县", "灵石县", "北京市", "天津市", "太原市",
            "京津冀", "晋北", "中亚", "塔什干", "大同经开区"} <= set(places)
    assert _attributes(places["大同市"], "divisionCode") == ["140200"]
    assert places["大同市"].english == "Datong City" and "大同" in places["大同市"].alt_labels
    assert _attributes(places["塔什干"], "placeType") == ["foreign"]
    assert _attributes(places["大同经开区"], "placeType") == ["zone"]


GENERIC = ["民营企业", "老字号企业", "重点企业", "国有企业", "市属国有企业", "新型储能项目", "城建工程",
           "重点项目", "输变电工程", "公办园", "寄宿制学校", "经营主体", "龙头项目", "县域高中", "公立医院",
           "省级绿电园区", "零碳园区", "综治中心", "如梦大同", "天下大同"]


@pytest.mark.parametrize("word", GENERIC)
def test_generic_words_are_not_entities(seed, word):
    entities, _ = seed
    named = [key for key in entities if key[0] != "Indicator"]  # 民营企业 is a fine measure: a count
    assert not [key for key in named if key[1] == word or (key[1].endswith(word) and len(key[1]) <= len(word) + 1)]


def test_seed_relations(seed):
    entities, resolution = seed
    def key(kind, label):
        entity = entities[kind, label]
        return entity.group, entity.key
    relations = {(r.subject, r.predicate, r.object) for r in resolution.relations}
    assert (key("Project", "抖音火山云算力中心二期"), "involves", key("Company", "抖音")) in relations
    assert (key("Project", "京东智能算力中心三期"), "involves", key("Company", "京东")) in relations
    assert (key("Project", "抖音火山云算力中心二期"), "inSector", key("Sector", "算力")) in relations
    assert (key("Project", "晋北采煤沉陷区大型风电光伏基地项目"), "locatedIn", key("Place", "晋北")) in relations
    assert (key("Place", "平城区"), "locatedIn", key("Place", "大同市")) in relations
    assert (key("Indicator", "煤炭工业增加值"), "inSector", key("Sector", "煤炭工业")) in relations
    assert (key("Bank", "浑源慧融村镇银行"), "locatedIn", key("Place", "浑源县")) in relations
    # different phases, different companies sharing a word: kept apart
    assert entities["Project", "抖音火山云算力中心二期"].key != entities["Project", "京东智能算力中心三期"].key
    assert entities["Company", "京东"].key != entities["Company", "京东MALL"].key


def test_yuncheng_report():
    entities, resolution = _entities(FIXTURES / "yuncheng-industry-report.txt")
    companies = {"运城亚宝药业集团股份有限公司", "山西建龙实业有限公司", "恒昇新材", "环晟光伏"}
    assert companies <= _of_kind(entities, "Company")
    assert _of_kind(entities, "Bank") == {"河津农商银行", "永济农商银行"}  # A、B两家农商银行
    assert _of_kind(entities, "School") == {"山西运城农业职业技术学院", "运城学院"}
    projects = {label: entity for (kind, label), entity in entities.items() if kind == "Project"}
    assert {name: _attributes(entity, "status") for name, entity in projects.items()} == {
        "建龙二期高炉技改项目": ["竣工投产"],
        "华鑫氢能一期项目": ["开工建设"],
        "运城高新区新材料产业园": ["建成", "运营"],
        "芮城县风电基地项目": ["获得核准"],
        "闻喜百万千瓦光伏项目": ["有序推进"],
        "运城经开区储能电站": ["加快建设"],
    }
    policies = {label: entity for (kind, label), entity in entities.items() if kind == "Policy"}
    nested = policies["山西省支持运城市高质量发展〈若干政策〉实施细则"]  # a title quoting another, whole
    assert (_attributes(nested, "issuer"), _attributes(nested, "action"), _attributes(nested, "documentType")) == (
        ["省政府"], ["印发"], ["实施细则"])
    assert _attributes(policies["运城市制造业振兴规划(2024-2030年)"], "validPeriod") == ["2024-2030"]
    assert _attributes(policies["运城市促进民营经济发展若干措施(试行)"], "issuer") == ["市政府"]
    places = _of_kind(entities, "Place")
    assert {"运城市", "芮城县", "闻喜县", "河津市", "永济市", "运城高新区", "运城经开区", "长三角",
            "粤港澳大湾区", "汉堡"} <= places
    zone = entities["Place", "运城高新区"]
    city = entities["Place", "运城市"]
    relations = {(r.subject, r.predicate, r.object) for r in resolution.relations}
    assert ((zone.group, zone.key), "locatedIn", (city.group, city.key)) in relations
    assert not {"民营企业", "老字号企业", "重点企业"} & {label for _, label in entities}


def test_every_label_and_relation_walks_back_to_a_passage(tmp_path):
    build([SEEDS, FIXTURES], tmp_path)
    graph = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    entity_classes = [PLAN[c] for c in ("Company", "Bank", "School", "Organization", "Project", "Policy",
                                        "Sector", "Place", "Indicator")]
    for cls in entity_classes:
        for entity in graph.subjects(RDF.type, cls):
            texts = [str(graph.value(p, PLAN.text)) for p in graph.objects(entity, PLAN.mentionedIn)]
            assert texts, entity
    relation_predicates = [PLAN.involves, PLAN.inSector, PLAN.locatedIn, PLAN.relatedTo]
    for predicate in relation_predicates:
        for subject, obj in graph.subject_objects(predicate):
            if graph.value(subject, PROV.wasDerivedFrom) is not None:
                continue  # a figure's relations rest on the figure's own passage
            statements = [s for s in graph.subjects(RDF.subject, subject)
                          if (s, RDF.predicate, predicate) in graph and (s, RDF.object, obj) in graph]
            assert statements, (subject, predicate, obj)
            for statement in statements:
                passages = set(graph.objects(statement, PROV.wasDerivedFrom))
                if not passages:
                    assert graph.value(statement, DCTERMS.source) is not None
                    continue
                for end in (subject, obj):  # its passages name both ends of the relation
                    assert passages & set(graph.objects(end, PLAN.mentionedIn)), (end, predicate, passages)
