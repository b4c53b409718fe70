"""Places: divisions below and beside the national list (towns, streets, zones, regions made of
places, provinces written with one character), the words that only look like places, and where
a zone lies. Sentences written for the tests; the cities are real, the reports made up."""

from __future__ import annotations

from graph.extract import extract
from graph.read import parse_document
from graph.resolve import resolve

TITLE = "关于{city}2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告\n"


def _places(body: str, city: str = "运城市") -> dict[str, tuple[str, set[str]]]:
    """Place label -> (place type, other labels) of a made-up report of `city`."""
    document = parse_document(TITLE.format(city=city) + body, "test.txt")
    entities = resolve(document, extract(document)).entities
    return {e.label: (dict(e.attributes).get("placeType", ""), set(e.alt_labels))
            for e in entities if e.kind == "Place"}


def _located(body: str, city: str = "运城市") -> set[tuple[str, str]]:
    document = parse_document(TITLE.format(city=city) + body, "test.txt")
    resolution = resolve(document, extract(document))
    labels = {(e.group, e.key): e.label for e in resolution.entities}
    return {(labels[r.subject], labels[r.object]) for r in resolution.relations
            if r.predicate == "locatedIn" and r.subject in labels and r.object in labels}


def test_a_province_abbreviation_counts_beside_a_verb_a_bound_word_or_another():
    places = _places("各位代表：\n总书记来晋考察时强调，要抓好转型。一批晋企赴鄂投资，湘鄂两地客商纷至沓来。\n")
    assert places["山西省"][1] >= {"晋"} and places["湖北省"][1] >= {"鄂"} and "湖南省" in places
    alone = _places("各位代表：\n干部晋升渠道畅通，群众不再犹豫，商品鲁棒性提升。\n")
    assert not {"山西省", "河南省", "山东省"} & set(alone)


def test_regions_made_of_places_and_their_endings():
    places = _places("各位代表：\n我市主动融入东北地区振兴，建设运城现代化都市圈，对接关中平原城市群和长三角城市群。\n")
    assert {"东北地区", "运城现代化都市圈", "关中平原城市群", "长三角城市群"} <= set(places)
    assert "长三角" not in places and places["东北地区"][0] == "region"
    figure = _places("各位代表：\n全市地区生产总值增长5%。\n")
    assert not any(label.endswith("地区") for label in figure)


def test_zones_with_their_place_in_brackets_or_named_by_the_city():
    body = ("各位代表：\n中德(运城)合作示范区落地，中国(山西)自由贸易试验区扩区，"
            "市高新区新增企业20家；高新区、经开区、盐湖区，以及凤凰湖区管委会各司其职。\n")
    places = _places(body)
    assert {"中德(运城)合作示范区", "中国(山西)自由贸易试验区", "运城市高新区", "运城市经开区",
            "凤凰湖区"} <= set(places)
    assert places["运城市高新区"][1] >= {"市高新区", "高新区"}
    located = _located(body)
    assert {("中德(运城)合作示范区", "运城市"), ("运城市高新区", "运城市")} <= located
    generic = _places("各位代表：\n支持创建国家级高新区和省级经开区。\n")
    assert not any(label.endswith(("高新区", "经开区")) for label in generic)


def test_a_bracketed_zone_is_a_place_not_an_organization():
    document = parse_document(TITLE.format(city="运城市") + "各位代表：\n中德(运城)合作示范区建设提速。\n", "t.txt")
    mentions = extract(document).mentions
    assert {m.kind for m in mentions if m.name == "中德(运城)合作示范区"} == {"Place"}


def test_towns_streets_and_quarters():
    body = ("各位代表：\n盐湖区龙居镇建成示范园，东郊街道、解州镇和北相乡整治提升，"
            "建设大街改造完成，河东街区人气旺盛，推进特色小镇和各乡镇建设，历史街区保护，中心镇扩容，深入街道社区，新型城镇化加快。\n")
    places = _places(body)
    assert {"龙居镇", "东郊街道", "解州镇", "北相乡", "建设大街", "河东街区"} <= set(places)
    assert places["龙居镇"][0] == "locality"
    assert not {"特色小镇", "各乡镇", "城镇", "历史街区", "中心镇", "深入街道"} & set(places)
    assert ("龙居镇", "盐湖区") in _located(body)


def test_a_name_that_a_word_runs_across_is_no_place():
    places = _places("各位代表：\n壮大县域经济，落实市、区和县委部署，惠民生、暖民心，城市中心区更新。\n",
                     city="济南市")
    assert not {"和县", "惠民县", "市中区"} & set(places)
    assert "惠民县" in _places("各位代表：\n惠民县粮食增产。\n", city="滨州市")


def test_the_own_city_short_name_counts_though_a_word_elsewhere():
    assert "长春市" in _places("各位代表：\n长春成为特大城市。\n", city="长春市")
    assert "长春市" not in _places("各位代表：\n四季长春，花开满城。\n", city="运城市")


def test_a_bulletin_is_about_the_place_of_its_issuer_and_an_untitled_report_its_province():
    document = parse_document("某某县统计局\n2024年3月\n全县地区生产总值增长5%。\n", "b.txt")
    assert document.meta.city == "某某县"
    untitled = parse_document("过去一年，我们认真落实浙江省委部署，浙江各地竞相发展。余杭数字经济领跑。\n", "u.txt")
    labels = {m.name for m in extract(untitled).mentions if m.kind == "Place"}
    assert "余杭区" in labels  # a district of the province the text names, by its short name
